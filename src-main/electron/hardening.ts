import path from 'node:path';
import type { CustomScheme, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { sameOrigin } from '../ipc/origin';

/**
 * Every security decision of the window, as plain values and pure functions so they are unit-tested
 * without an Electron binary; the glue files only hand them to Electron.
 *
 * The renderer is served from a privileged `app://kassa` scheme rather than file://. A file:// page
 * has an opaque origin and may read any local file through relative URLs; a standard, secure custom
 * scheme gives the page a real origin for CSP 'self' and for the IPC sender check, lets main attach
 * the CSP header to every response, and serves only the files of the built renderer.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'kassa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** No bypassCSP and no corsEnabled: the scheme gets an origin, not extra powers. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The renderer never talks to the network (main does), never runs inline script, never frames.
 * The camera's QR decoder is WebAssembly run in a worker: 'wasm-unsafe-eval' lets the page compile
 * wasm (not eval JavaScript), and worker-src admits workers from the app's own files only, no blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function webPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

/** For `will-navigate`, `will-frame-navigate` and `will-redirect`: anything off the app's origin is stopped. */
export function isNavigationAllowed(url: string, appOrigin: string): boolean {
  return sameOrigin(url, appOrigin);
}

/** A till has one window: no popups, no links opened elsewhere, whatever the URL. */
export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** One permission request (`setPermissionRequestHandler`) or check (`setPermissionCheckHandler`) as Electron hands it over. */
export interface PermissionAsk {
  permission: string;
  /** The origin or URL asking: the details' securityOrigin, or the requesting URL/origin. */
  origin: string;
  /** A request's media kinds ('video', 'audio'). */
  mediaTypes?: readonly string[];
  /** A check's media kind ('video', 'audio', 'unknown'). */
  mediaType?: string;
}

export interface PermissionContext {
  appOrigin: string;
  /** The window has camera scanning open (camera.setOpen). */
  cameraOpen: boolean;
}

/**
 * The camera, and only the camera: `media` for video alone, asked by the app's own origin, while
 * camera scanning is open. No microphone, notifications, HID from the page, clipboard reads, ever.
 */
export function isPermissionGranted(ask: PermissionAsk, context: PermissionContext): boolean {
  if (ask.permission !== 'media' || !context.cameraOpen) return false;
  if (!sameOrigin(ask.origin, context.appOrigin)) return false;
  if (ask.mediaTypes !== undefined) return ask.mediaTypes.length > 0 && ask.mediaTypes.every((type) => type === 'video');
  return ask.mediaType === 'video';
}

/** Defence in depth behind the CSP: the session lets the page load its own files and data: images only. */
export function isRequestAllowed(url: string, appOrigin: string): boolean {
  if (sameOrigin(url, appOrigin)) return true;
  return url.startsWith('data:') || url.startsWith('devtools:');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  // Compiled by streaming only when served with its own type.
  '.wasm': 'application/wasm',
};

export interface AppFile {
  filePath: string;
  contentType: string;
}

/**
 * Maps an `app://kassa/...` request to a file of the built renderer. Another host, a path that
 * climbs out of the renderer folder (also percent-encoded), or an unknown file type is refused.
 */
export function resolveAppFile(requestUrl: string, rendererDir: string): AppFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const filePath = path.resolve(root, relative);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  return contentType === undefined ? null : { filePath, contentType };
}

/** Headers on every file the app scheme serves: the CSP travels as a header as well as the meta tag. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The `<meta>` twin of the header, written into index.html by the build so the two cannot drift.
 * frame-ancestors is left out: browsers ignore it in a meta tag (the header carries it).
 */
export function cspMetaTag(): string {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}
