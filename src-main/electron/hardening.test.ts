import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  cspMetaTag,
  denyWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  resolveAppFile,
  responseHeaders,
  webPreferences,
} from './hardening';

const root = path.resolve('/opt/kassa/dist/renderer');

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = webPreferences('/opt/kassa/dist-electron/preload.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/opt/kassa/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only the app itself', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'worker-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    // 'wasm-unsafe-eval' compiles WebAssembly only; JavaScript eval, inline code, blob: workers stay out.
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|\*|blob:|https?:/);
  });

  it('travels as a header on every served file and as a meta tag', () => {
    expect(responseHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(cspMetaTag()).toBe(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}" />`,
    );
  });
});

describe('app scheme', () => {
  it('gets an origin, not the power to bypass CSP or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('serves files of the renderer folder with their content type', () => {
    expect(resolveAppFile(APP_ENTRY_URL, root)).toEqual({ filePath: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppFile('app://kassa/', root)?.filePath).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://kassa/assets/index-abc.js?v=1#x', root)).toEqual({
      filePath: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile('app://kassa/assets/zxing_reader-Bq1x.wasm', root)).toEqual({
      filePath: path.join(root, 'assets', 'zxing_reader-Bq1x.wasm'),
      contentType: 'application/wasm',
    });
    expect(resolveAppFile('app://kassa/assets/%D0%BB%D0%BE%D0%B3%D0%BE.svg', root)?.filePath).toBe(path.join(root, 'assets', 'лого.svg'));
  });

  it('keeps dot segments, plain or encoded, inside the renderer folder', () => {
    for (const url of ['app://kassa/../../etc/passwd.html', 'app://kassa/%2e%2e/%2e%2e/etc/passwd.html']) {
      expect(resolveAppFile(url, root)?.filePath, url).toBe(path.join(root, 'etc', 'passwd.html'));
    }
  });

  it.each([
    'app://kassa/assets/..%2f..%2f..%2fsecret.js',
    'app://kassa/..%5c..%5csecret.js',
    'app://kassa/a%00.html',
    'app://kassa/%E0%A4%A.html',
    'app://other/index.html',
    'https://kassa/index.html',
    'file:///opt/kassa/dist/renderer/index.html',
    'app://kassa/run.exe',
    'app://kassa/assets/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});

describe('navigation, windows, permissions, requests', () => {
  it('allows navigation within the app origin only', () => {
    expect(isNavigationAllowed('app://kassa/index.html#manager', APP_ORIGIN)).toBe(true);
    for (const url of ['https://skidkabot.ru/', 'app://kassa.evil/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', 'app://KASSA@evil/']) {
      expect(isNavigationAllowed(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('denies every new window', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  const open = { appOrigin: APP_ORIGIN, cameraOpen: true };
  const closed = { appOrigin: APP_ORIGIN, cameraOpen: false };

  it('grants the camera to the app while camera scanning is open, as a request and as a check', () => {
    expect(isPermissionGranted({ permission: 'media', origin: 'app://kassa/', mediaTypes: ['video'] }, open)).toBe(true);
    expect(isPermissionGranted({ permission: 'media', origin: APP_ENTRY_URL, mediaType: 'video' }, open)).toBe(true);
  });

  it('refuses the camera once camera scanning is closed', () => {
    expect(isPermissionGranted({ permission: 'media', origin: 'app://kassa/', mediaTypes: ['video'] }, closed)).toBe(false);
    expect(isPermissionGranted({ permission: 'media', origin: 'app://kassa/', mediaType: 'video' }, closed)).toBe(false);
  });

  it('never grants the microphone, even with the camera', () => {
    for (const mediaTypes of [['audio'], ['video', 'audio'], ['audio', 'video'], []]) {
      expect(isPermissionGranted({ permission: 'media', origin: 'app://kassa/', mediaTypes }, open), mediaTypes.join()).toBe(false);
    }
    for (const mediaType of ['audio', 'unknown', undefined]) {
      expect(isPermissionGranted({ permission: 'media', origin: 'app://kassa/', ...(mediaType ? { mediaType } : {}) }, open)).toBe(false);
    }
  });

  it('refuses the camera to any other origin', () => {
    for (const origin of ['https://skidkabot.ru/', 'app://kassa.evil/', 'app://KASSA@evil/', 'file:///', 'null', '', 'http://127.0.0.1:5173/']) {
      expect(isPermissionGranted({ permission: 'media', origin, mediaTypes: ['video'] }, open), origin).toBe(false);
    }
  });

  it('grants no other permission, camera open or not', () => {
    const others = ['geolocation', 'notifications', 'hid', 'usb', 'serial', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'unknown'];
    for (const permission of others) {
      for (const context of [open, closed]) {
        expect(isPermissionGranted({ permission, origin: 'app://kassa/', mediaTypes: ['video'], mediaType: 'video' }, context), permission).toBe(false);
      }
    }
  });

  it('lets the page load only its own files and data: images', () => {
    expect(isRequestAllowed('app://kassa/assets/app.js', APP_ORIGIN)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', APP_ORIGIN)).toBe(true);
    for (const url of ['https://skidkabot.ru/api_get_balance.php', 'http://127.0.0.1:8080/', 'ws://127.0.0.1/', 'file:///etc/passwd']) {
      expect(isRequestAllowed(url, APP_ORIGIN), url).toBe(false);
    }
  });
});
