import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/errors';
import { INVOKE_CHANNELS, IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { InvokeChannel } from '../../src-shared/ipc/channelNames';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { createDispatcher, trustedSender } from './dispatch';
import type { Handlers, SenderInfo } from './dispatch';

const ORIGIN = 'app://kassa';
const appFrame: SenderInfo = { isMainFrame: true, url: 'app://kassa/index.html' };

/** Records every call; each handler answers with the channel name and what it got. */
function recordingHandlers(): { handlers: Handlers; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const entries = INVOKE_CHANNELS.map((channel) => [
    channel,
    (...args: unknown[]): Promise<Result<unknown>> => {
      calls.push([channel, args]);
      return Promise.resolve({ ok: true, value: { channel, args } });
    },
  ]);
  return { handlers: Object.fromEntries(entries) as Handlers, calls };
}

function setup(): { dispatch: ReturnType<typeof createDispatcher>; calls: [string, unknown[]][] } {
  const { handlers, calls } = recordingHandlers();
  return { dispatch: createDispatcher(handlers, trustedSender(ORIGIN)), calls };
}

const validArgs: Record<InvokeChannel, unknown[]> = {
  'app.getState': [],
  'scan.submit': ['{"type":"Skidkabot","vendor":4,"client":1,"secret":2}'],
  'checkout.accrue': [{ purchaseKopecks: 123_450 }],
  'checkout.redeem': [{ purchaseKopecks: 123_450, bonuses: 10 }],
  'checkout.clear': [],
  'checkout.touch': [],
  'checkout.cancelRepeat': [],
  'manager.setupPassword': ['пароль-123'],
  'manager.login': ['пароль-123'],
  'manager.logout': [],
  'settings.get': [],
  'settings.save': [{ ...DEFAULT_SETTINGS, shopCode: 4 }],
  'settings.setSecret': [31337],
  'settings.testConnection': [],
  'firstRun.choose': ['demo'],
  'demo.customers': [],
  'journal.list': [{ day: '2025-03-14', kassa: 2, client: 83532824, kind: 'accrue' }],
  'journal.day': [{ day: '2025-03-14', kassa: null }],
  'journal.unresolved': [],
  'journal.recheck': [{ id: '20250314-101500-k2-0a1b2c', reason: 'проверка после сбоя' }],
  'journal.resolve': [{ id: '20250314-101500-k2-0a1b2c', action: 'not-applied', reason: 'баланс не изменился' }],
  'journal.reverse': [{ id: '20250314-101500-k2-0a1b2c', reason: 'покупатель вернул товар', useScannedQr: true }],
  'journal.export': [{ day: '2025-03-14', kassa: 2 }],
  'scanner.list': [],
  'scanner.pin': ['0c2e:0b87:A1:0:008c:0002'],
  'scanner.redirectToHidPos': ['0c2e:0b87:A1:0:0001:0006'],
  'localApi.get': [],
  'localApi.save': [{ enabled: true, port: 17231 }],
  'localApi.newToken': [],
  'update.status': [],
  'update.setFeed': ['https://updates.example.ru/kassa/'],
  'update.check': [],
  'update.install': [],
  'camera.choose': [{ mode: 'always', deviceId: 'f3a9c0de', label: 'Integrated Camera' }],
  'camera.setOpen': [true],
};

const invalidArgs: Record<InvokeChannel, unknown[][]> = {
  'app.getState': [['extra']],
  'scan.submit': [
    [],
    [42],
    ['x'.repeat(1_000_001)],
    [{ toString: 'x' }],
    ['{}', { via: 'usb' }],
    ['{}', { via: 'keystrokes', durationMs: -1 }],
    ['{}', { via: 'paste', text: 'extra' }],
  ],
  'checkout.accrue': [
    [{ purchaseKopecks: 0 }],
    [{ purchaseKopecks: 1.5 }],
    [{ purchaseKopecks: '100' }],
    [{ purchaseKopecks: -5 }],
    [{ purchaseKopecks: 100, bonuses: 5 }],
    [{ purchaseKopecks: 100, confirmDuplicate: 'yes' }],
    [null],
  ],
  'checkout.redeem': [
    [{ purchaseKopecks: 100 }],
    [{ purchaseKopecks: 100, bonuses: 0 }],
    [{ purchaseKopecks: 100, bonuses: Number.NaN }],
    [{ purchaseKopecks: 100, bonuses: 2 ** 60 }],
  ],
  'checkout.clear': [[1]],
  'checkout.touch': [['x']],
  'checkout.cancelRepeat': [[true]],
  'manager.setupPassword': [[''], ['x'.repeat(257)], [123]],
  'manager.login': [[], [null], ['x'.repeat(257)]],
  'manager.logout': [[{}]],
  'settings.get': [[0]],
  'settings.save': [
    [{ ...DEFAULT_SETTINGS, shopCode: 0 }],
    [{ ...DEFAULT_SETTINGS, apiUrl: 'file:///etc/passwd' }],
    [{ ...DEFAULT_SETTINGS, shopSecret: 31337 }],
    [{ ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, pPlus: 101 } }],
    [{ ...DEFAULT_SETTINGS, language: 'de' }],
    [{ ...DEFAULT_SETTINGS, scanner: { pinned: { vendorId: 0x10000, productId: 1, serialNumber: null } } }],
  ],
  'settings.setSecret': [[-1], ['31337'], [1.5]],
  'settings.testConnection': [['now']],
  'firstRun.choose': [['real'], []],
  'demo.customers': [[true]],
  'journal.list': [[{ day: '2025-02-30' }], [{ kassa: 0 }], [{ kind: 'refund' }], [{ secret: 1 }], []],
  'journal.day': [[{ day: '14.03.2025', kassa: null }], [{ day: '2025-03-14' }]],
  'journal.unresolved': [[1]],
  'journal.recheck': [[{ id: '../settings', reason: 'проверка' }], [{ id: '20250314-101500-k2-0a1b2c', reason: '' }]],
  'journal.resolve': [
    [{ id: '20250314-101500-k2-0a1b2c', action: 'recheck', reason: 'проверка' }],
    [{ id: '20250314-101500-k2-0a1b2c', action: 'applied' }],
  ],
  'journal.reverse': [
    [{ id: '20250314-101500-k2-0a1b2c', reason: 'x'.repeat(501) }],
    [{ id: 42, reason: 'возврат товара' }],
    [{ id: '20250314-101500-k2-0a1b2c', reason: 'возврат товара', scan: '{"type":"Skidkabot"}' }],
  ],
  'journal.export': [[{ kassa: 2 }], [{ day: '2025-03-14', file: '/etc/passwd' }]],
  'scanner.list': [['all']],
  'scanner.pin': [[], [''], [42], ['x'.repeat(301)]],
  'scanner.redirectToHidPos': [[null], [''], [7]],
  'localApi.get': [['x']],
  'localApi.save': [[{ enabled: true, port: 80 }], [{ enabled: 'yes', port: 17231 }], [{ enabled: true, port: 17231, host: '0.0.0.0' }], []],
  'localApi.newToken': [[true]],
  'update.status': [['x']],
  'update.setFeed': [[null], [7], ['x'.repeat(1001)], []],
  'update.check': [[1]],
  'update.install': [[true]],
  'camera.choose': [
    [],
    [{ mode: 'sometimes', deviceId: null, label: null }],
    [{ mode: 'always', deviceId: '', label: null }],
    [{ mode: 'always', deviceId: 'x'.repeat(501), label: null }],
    [{ mode: 'always', deviceId: null, label: null, audio: true }],
    [{ mode: 'always' }],
  ],
  'camera.setOpen': [[], ['yes'], [1], [true, 'audio']],
};

describe('createDispatcher', () => {
  it('passes valid arguments of every channel to its handler', async () => {
    const { dispatch, calls } = setup();
    for (const channel of INVOKE_CHANNELS) {
      const args = validArgs[channel];
      const reply = await dispatch(IPC_PREFIX + channel, appFrame, args);
      expect(reply).toEqual({ ok: true, value: { channel, args } });
    }
    expect(calls.map(([c]) => c)).toEqual([...INVOKE_CHANNELS]);
  });

  it.each(INVOKE_CHANNELS)('rejects invalid arguments of %s with an input error, before the handler', async (channel) => {
    const { dispatch, calls } = setup();
    for (const args of invalidArgs[channel]) {
      const reply = await dispatch(IPC_PREFIX + channel, appFrame, args);
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.kind).toBe('input');
        expect(reply.error.message).toMatch(/^Неверные данные.*Проверьте введённое/);
      }
    }
    expect(calls).toEqual([]);
  });

  it('names the field that is wrong', async () => {
    const { dispatch } = setup();
    const reply = await dispatch(`${IPC_PREFIX}checkout.redeem`, appFrame, [{ purchaseKopecks: 100, bonuses: 0 }]);
    expect(!reply.ok && reply.error.message).toContain('«bonuses»');
  });

  it('rejects unknown channels and channels without the prefix', async () => {
    const { dispatch, calls } = setup();
    for (const channel of ['app.getState', 'skidkabot:app.nope', 'skidkabot:', 'other:app.getState', 'skidkabot:__proto__', 'skidkabot:toString']) {
      const reply = await dispatch(channel, appFrame, []);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
    }
    expect(calls).toEqual([]);
  });

  it('rejects senders other than the app main frame', async () => {
    const { dispatch, calls } = setup();
    const strangers: SenderInfo[] = [
      { isMainFrame: false, url: 'app://kassa/index.html' },
      { isMainFrame: true, url: 'https://evil.example/index.html' },
      { isMainFrame: true, url: 'app://other/index.html' },
      { isMainFrame: true, url: 'file:///home/kassa/index.html' },
      { isMainFrame: true, url: 'app://kassa.evil/index.html' },
      { isMainFrame: true, url: '' },
      { isMainFrame: true, url: 'not a url' },
    ];
    for (const sender of strangers) {
      const reply = await dispatch(`${IPC_PREFIX}app.getState`, sender, []);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'internal', message: 'Запрос пришёл не из окна кассы и отклонён.' } });
    }
    expect(calls).toEqual([]);
  });

  it('accepts an http harness origin by scheme, host and port', async () => {
    const { handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, trustedSender('http://127.0.0.1:5173'));
    expect((await dispatch(`${IPC_PREFIX}app.getState`, { isMainFrame: true, url: 'http://127.0.0.1:5173/index.html' }, [])).ok).toBe(true);
    expect((await dispatch(`${IPC_PREFIX}app.getState`, { isMainFrame: true, url: 'http://127.0.0.1:5174/index.html' }, [])).ok).toBe(false);
  });

  it('turns a thrown error into an internal error without its message or stack', async () => {
    const { handlers } = recordingHandlers();
    const secret = 'shop secret 31337 at /home/kassa/.config';
    handlers['settings.testConnection'] = () => {
      throw new Error(secret);
    };
    handlers['app.getState'] = () => Promise.reject(new TypeError(secret));
    const dispatch = createDispatcher(handlers, trustedSender(ORIGIN));
    for (const channel of ['settings.testConnection', 'app.getState']) {
      const reply = await dispatch(IPC_PREFIX + channel, appFrame, []);
      expect(reply).toEqual({
        ok: false,
        error: { kind: 'internal', key: 'ipc.internal', message: 'Внутренняя ошибка кассы. Повторите; если не помогает, перезапустите программу.' },
      });
      expect(JSON.stringify(reply)).not.toContain('31337');
    }
  });

  it('passes a handler failure through unchanged', async () => {
    const { handlers } = recordingHandlers();
    handlers['manager.login'] = () => Promise.resolve({ ok: false, error: { kind: 'auth', message: 'Неверный пароль.' } });
    const dispatch = createDispatcher(handlers, trustedSender(ORIGIN));
    expect(await dispatch(`${IPC_PREFIX}manager.login`, appFrame, ['x'])).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'Неверный пароль.' },
    });
  });
});
