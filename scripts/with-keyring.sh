#!/usr/bin/env bash
# Runs a command with a Secret Service for keytar: the session's own when one answers, otherwise
# a throwaway D-Bus session with an unlocked gnome-keyring that lives only as long as the command.
set -euo pipefail

secret_service_answers() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null 2>&1 || return 1
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

if [ "${SKIDKABOT_KEYRING_READY:-}" = 1 ] || secret_service_answers; then
  exec npx --no-install "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "Нет $tool: установите пакеты dbus и gnome-keyring (см. README)." >&2; exit 2; }
done

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export SKIDKABOT_KEYRING_READY=1
dbus-run-session -- bash -c '
  printf "throwaway-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npx --no-install "$@"' bash "$@"
