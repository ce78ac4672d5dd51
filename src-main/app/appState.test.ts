import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { buildAppState, phaseOf, SERVER_NOT_ASKED, serverStateAfter } from './appState';

const manager = { passwordSet: true, loggedIn: false, lockedUntil: null };
const configured = { ...DEFAULT_SETTINGS, shopCode: 4 };

describe('phaseOf', () => {
  it('asks for the password first, then the shop, then opens the till', () => {
    expect(phaseOf({ demo: false, settings: configured, secretSet: true, manager: { ...manager, passwordSet: false } })).toBe('setup-password');
    expect(phaseOf({ demo: false, settings: DEFAULT_SETTINGS, secretSet: true, manager })).toBe('setup-shop');
    expect(phaseOf({ demo: false, settings: configured, secretSet: false, manager })).toBe('setup-shop');
    expect(phaseOf({ demo: false, settings: configured, secretSet: true, manager })).toBe('ready');
    expect(phaseOf({ demo: true, settings: DEFAULT_SETTINGS, secretSet: false, manager })).toBe('ready');
  });

  it('keeps the till when the keychain only fails to answer, and asks for the shop when nothing is set', () => {
    expect(phaseOf({ demo: false, settings: configured, secretSet: false, secretUnreadable: true, manager })).toBe('ready');
    expect(phaseOf({ demo: false, settings: DEFAULT_SETTINGS, secretSet: false, secretUnreadable: true, manager })).toBe('setup-shop');
  });
});

describe('serverStateAfter', () => {
  it('is ok when the server answered, even with a refusal about the customer', () => {
    expect(serverStateAfter(null, 5)).toEqual({ state: 'ok', message: 'Сервер отвечает', at: 5 });
    expect(serverStateAfter({ kind: 'server', code: 9, message: 'QR-код устарел' }, 5).state).toBe('ok');
    expect(serverStateAfter({ kind: 'vendor', message: 'Другой магазин' }, 5).state).toBe('ok');
  });

  it('is an error when the server is unreachable, unreadable, or refuses the shop', () => {
    for (const error of [
      { kind: 'network', message: 'Нет связи' },
      { kind: 'outcome-unknown', message: 'Неизвестно' },
      { kind: 'server', message: 'Непонятный ответ' },
      { kind: 'server', code: 5, message: 'Магазин не найден' },
      { kind: 'server', code: 15, message: 'Минус на счёте' },
    ] as const) {
      expect(serverStateAfter(error, 7)).toEqual({ state: 'error', message: error.message, at: 7 });
    }
  });
});

describe('buildAppState', () => {
  it('copies what the status line needs and nothing else', () => {
    const state = buildAppState({
      demo: false,
      settings: configured,
      secretSet: true,
      problems: [],
      server: SERVER_NOT_ASKED,
      scanner: { state: 'ready', message: 'Сканер готов' },
      manager,
    });
    expect(state).toEqual({
      phase: 'ready',
      demo: false,
      shopCode: 4,
      kassa: 1,
      language: 'ru',
      secretSet: true,
      problems: [],
      server: SERVER_NOT_ASKED,
      scanner: { state: 'ready', message: 'Сканер готов' },
      camera: { mode: 'on-demand', deviceId: null, label: null },
      manager,
      unresolved: 0,
    });
    expect(Object.keys(state)).not.toContain('apiUrl');
  });
});
