@echo off
rem The till's command line, run by the installed app itself (no Node.js needed).
rem "--" ends Chromium's switches: every word after it is the command line's own.
"%~dp0skidkabot-kassa.exe" --cli -- %*
exit /b %ERRORLEVEL%
