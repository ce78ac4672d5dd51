import { readFile } from 'node:fs/promises';
import { protocol, session } from 'electron';
import { APP_SCHEME, isPermissionGranted, isRequestAllowed, resolveAppFile, responseHeaders } from './hardening';
import type { PermissionAsk, PermissionContext } from './hardening';

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
 * Permissions refused but the camera while camera scanning is open, requests outside the app refused.
 * The request filter is left out only for the unpackaged dev server, whose hot reload needs a WebSocket.
 */
export function lockDownSession(appOrigin: string, options: { filterRequests: boolean; isCameraOpen: () => boolean }): void {
  const ses = session.defaultSession;
  const context = (): PermissionContext => ({ appOrigin, cameraOpen: options.isCameraOpen() });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : undefined;
    const origin = ('securityOrigin' in details ? details.securityOrigin : undefined) ?? details.requestingUrl;
    callback(isPermissionGranted({ permission, origin, ...(mediaTypes ? { mediaTypes } : {}) }, context()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaType = details.mediaType;
    const ask: PermissionAsk = { permission, origin: details.securityOrigin ?? requestingOrigin, ...(mediaType ? { mediaType } : {}) };
    return isPermissionGranted(ask, context());
  });
  ses.setDevicePermissionHandler(() => false);
  if (options.filterRequests) {
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, appOrigin) }));
  }
}
