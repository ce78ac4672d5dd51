import { readFile } from 'node:fs/promises';
import { protocol, session } from 'electron';
import { APP_SCHEME, isPermissionGranted, isRequestAllowed, resolveAppFile, responseHeaders } from './hardening';

/** Serves the built renderer on app://kassa with the CSP header on every file. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file.filePath), { headers: responseHeaders(file.contentType) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * Permissions refused, requests outside the app refused. The request filter is left out only for the
 * unpackaged dev server, whose hot reload needs a WebSocket.
 */
export function lockDownSession(appOrigin: string, options: { filterRequests: boolean }): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
  if (options.filterRequests) {
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, appOrigin) }));
  }
}
