import { createHash } from 'node:crypto';

/** What `did-fail-load` reports. */
export interface LoadFailure {
  errorCode: number;
  errorDescription: string;
  validatedURL: string;
  isMainFrame: boolean;
}

/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

const STYLE = [
  'body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#fff;color:#111;',
  'font:20px/1.5 system-ui,"Segoe UI",Roboto,sans-serif}',
  'main{max-width:44em;padding:2em}h1{font-size:2em;margin:0 0 .5em;color:#a30000}',
  'code{font-size:.8em;color:#444;overflow-wrap:anywhere}',
].join('');

/** The page has no script at all; its one style element is allowed by hash, not by 'unsafe-inline'. */
const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page the window shows instead of a blank one when the till's own screen did not load, as a
 * data: URL; null when the failure needs no page (a subframe, an aborted load, the error page itself).
 */
export function loadFailurePage(failure: LoadFailure): string | null {
  if (!failure.isMainFrame || failure.errorCode === ERR_ABORTED || failure.validatedURL.startsWith('data:')) return null;
  // Chromium's own text, cut short and stripped of control and bidi characters before it is escaped.
  const reason = failure.errorDescription.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 200) || 'неизвестная ошибка';
  const html = [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    `<title>Скидкабот Касса — ошибка</title><style>${STYLE}</style></head><body><main>`,
    '<h1>Экран кассы не открылся</h1>',
    '<p>Закройте программу и запустите её снова. Если ошибка повторится, позовите менеджера или техника: ',
    'возможно, программу нужно переустановить.</p>',
    `<p><code>${escapeHtml(reason)} (код ${String(Math.trunc(failure.errorCode))})</code></p>`,
    '</main></body></html>',
  ].join('');
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}
