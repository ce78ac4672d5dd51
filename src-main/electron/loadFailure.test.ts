import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadFailurePage, type LoadFailure } from './loadFailure';

const failure: LoadFailure = { errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', validatedURL: 'app://kassa/index.html', isMainFrame: true };

function htmlOf(url: string | null): string {
  expect(url).toMatch(/^data:text\/html;charset=utf-8;base64,/);
  return Buffer.from(String(url).split(',')[1] ?? '', 'base64').toString('utf8');
}

describe('loadFailurePage', () => {
  it('tells the cashier in Russian what to do, with the reason and code for the technician', () => {
    const html = htmlOf(loadFailurePage(failure));
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Экран кассы не открылся');
    expect(html).toContain('позовите менеджера или техника');
    expect(html).toContain('ERR_FILE_NOT_FOUND (код -6)');
  });

  it('has no script and allows its one style by hash under a deny-all CSP', () => {
    const html = htmlOf(loadFailurePage(failure));
    expect(html).not.toMatch(/<script|\son\w+=/i);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none';/);
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('escapes a hostile reason and drops control and bidi characters', () => {
    const html = htmlOf(loadFailurePage({ ...failure, errorDescription: '<img src=x onerror=alert(1)>\u202e\u001b[31m' + 'x'.repeat(10_000) }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('\u202e');
    expect(html).not.toContain('\u001b');
    expect(html.length).toBeLessThan(3_000);
  });

  it('shows nothing for a subframe, an aborted load or a failure of the error page itself', () => {
    expect(loadFailurePage({ ...failure, isMainFrame: false })).toBeNull();
    expect(loadFailurePage({ ...failure, errorCode: -3 })).toBeNull();
    expect(loadFailurePage({ ...failure, validatedURL: 'data:text/html;base64,AAAA' })).toBeNull();
  });
});
