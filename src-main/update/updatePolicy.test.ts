import { codedError } from '../../src-shared/errors';
import { describe, expect, it } from 'vitest';
import { validateFeedUrl } from '../../src-shared/update/feedUrl';
import { CHECK_INTERVAL_MS, initialState, installVerdict, isCheckDue, nextCheckAt, reduce, RETRY_AFTER_ERROR_MS, updateView } from './updatePolicy';
import type { UpdateEvent, UpdateState } from './updatePolicy';

const START = Date.UTC(2026, 11, 2, 8, 0);
const FEED = 'https://updates.example.ru/kassa/';
const QUIET = { operationInFlight: false, checkoutOpen: false };

const run = (state: UpdateState, ...events: UpdateEvent[]): UpdateState => events.reduce(reduce, state);

describe('when the feed is checked', () => {
  it('never while no feed is set', () => {
    const state = initialState(null, null, START);
    expect(nextCheckAt(state)).toBeNull();
    expect(isCheckDue(state, START + 10 * CHECK_INTERVAL_MS)).toBe(false);
  });

  it('at every start, even when the last check was a minute before it', () => {
    const state = initialState(FEED, { at: START - 60_000, outcome: 'up-to-date', message: '' }, START);
    expect(isCheckDue(state, START)).toBe(true);
  });

  it('then daily after a good check, hourly after a failed one', () => {
    const checked = run(initialState(FEED, null, START), { type: 'check-started', at: START }, { type: 'up-to-date', at: START + 1_000 });
    expect(isCheckDue(checked, START + 1_000 + CHECK_INTERVAL_MS - 1)).toBe(false);
    expect(isCheckDue(checked, START + 1_000 + CHECK_INTERVAL_MS)).toBe(true);
    const failed = run(checked, { type: 'check-started', at: START + 2_000 }, { type: 'failed', at: START + 2_000, error: codedError('network', 'update.offline') });
    expect(nextCheckAt(failed)).toBe(START + 2_000 + RETRY_AFTER_ERROR_MS);
  });

  it('not while a check or a download is under way', () => {
    const checking = run(initialState(FEED, null, START), { type: 'check-started', at: START });
    expect(nextCheckAt(checking)).toBeNull();
    const downloading = run(checking, { type: 'available', at: START, version: '0.2.0' });
    expect(downloading.stage).toBe('downloading');
    expect(isCheckDue(downloading, START + 2 * CHECK_INTERVAL_MS)).toBe(false);
  });
});

describe('download and install', () => {
  const ready = run(
    initialState(FEED, null, START),
    { type: 'check-started', at: START },
    { type: 'available', at: START, version: '0.2.0' },
    { type: 'progress', percent: 41.7 },
  );

  it('shows the download progress, never 100 before it is verified', () => {
    expect(ready.available).toEqual({ version: '0.2.0', percent: 41 });
    expect(run(ready, { type: 'progress', percent: 100 }).available?.percent).toBe(99);
    expect(installVerdict(ready, QUIET)).toMatchObject({ allowed: false, reason: 'Нет скачанного обновления.' });
  });

  it('a failed download (a bad checksum) drops it and says why', () => {
    const failed = run(ready, { type: 'failed', at: START + 5, error: codedError('server', 'update.checksum') });
    expect(failed).toMatchObject({ stage: 'idle', available: null, downloaded: null, lastCheck: { outcome: 'error' } });
  });

  it('installs only at a quiet moment: nothing in flight, no customer on the screen', () => {
    const downloaded = run(ready, { type: 'downloaded', version: '0.2.0' });
    expect(installVerdict(downloaded, QUIET).allowed).toBe(true);
    expect(installVerdict(downloaded, { operationInFlight: true, checkoutOpen: false })).toMatchObject({
      allowed: false,
      reason: 'Идёт операция с бонусами: дождитесь её окончания.',
    });
    expect(installVerdict(downloaded, { operationInFlight: false, checkoutOpen: true }).allowed).toBe(false);
    expect(installVerdict(run(downloaded, { type: 'installing' }), QUIET).allowed).toBe(false);
  });

  it('a later check keeps the verified download; a newer version replaces it', () => {
    const downloaded = run(ready, { type: 'downloaded', version: '0.2.0' });
    const again = run(downloaded, { type: 'check-started', at: START + CHECK_INTERVAL_MS }, { type: 'available', at: START + CHECK_INTERVAL_MS, version: '0.2.0' });
    expect(again).toMatchObject({ stage: 'ready', downloaded: '0.2.0' });
    const failedCheck = run(downloaded, { type: 'check-started', at: START + 9 }, { type: 'failed', at: START + 9, error: codedError('server', 'update.serverError') });
    expect(failedCheck).toMatchObject({ stage: 'ready', downloaded: '0.2.0' });
    const newer = run(downloaded, { type: 'check-started', at: START + 10 }, { type: 'available', at: START + 10, version: '0.3.0' });
    expect(newer).toMatchObject({ stage: 'downloading', downloaded: null, available: { version: '0.3.0', percent: 0 } });
  });

  it('a new feed forgets what the old one offered; an empty feed turns updates off', () => {
    const downloaded = run(ready, { type: 'downloaded', version: '0.2.0' });
    expect(run(downloaded, { type: 'feed-set', feedUrl: 'https://other.example.ru/' })).toMatchObject({ stage: 'idle', downloaded: null, lastCheck: null });
    const off = run(downloaded, { type: 'feed-set', feedUrl: null });
    expect(off.stage).toBe('off');
    expect(nextCheckAt(off)).toBeNull();
  });

  it('a build that cannot update itself says so instead of offering the button', () => {
    const view = updateView(run(ready, { type: 'downloaded', version: '0.2.0' }), '0.1.0', QUIET, false);
    expect(view.install).toMatchObject({ allowed: false, reason: 'Эта сборка не обновляет себя сама: установите новую версию вручную.' });
    expect(view).toMatchObject({ version: '0.1.0', feedUrl: FEED, canUpdateItself: false });
  });
});

describe('validateFeedUrl', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['https://updates.example.ru/kassa', 'https://updates.example.ru/kassa/'],
    ['https://updates.example.ru/', 'https://updates.example.ru/'],
    ['http://127.0.0.1:8080/feed/', 'http://127.0.0.1:8080/feed/'],
    ['http://localhost/feed', 'http://localhost/feed/'],
    ['http://[::1]:81/', 'http://[::1]:81/'],
  ])('%j → %j', (text, value) => {
    expect(validateFeedUrl(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['http://updates.example.ru/', /только для этого компьютера/],
    ['http://127.0.0.1.evil.ru/', /только для этого компьютера/],
    ['ftp://updates.example.ru/', /https/],
    ['file:///C:/feed/', /https/],
    ['https://user:pw@updates.example.ru/', /логина и пароля/],
    ['https://updates.example.ru/?x=1', /без «\?» и «#»/],
    ['updates.example.ru', /неверен/],
    [`https://updates.example.ru/${'a'.repeat(600)}`, /слишком длинный/],
  ])('%j is refused in Russian', (text, message) => {
    const result = validateFeedUrl(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
  });
});
