import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppError } from '../../src-shared/errors';
import type { AppState, CheckoutView } from '../../src-shared/ipc/views';
import { localDay } from '../../src-shared/journal/localTime';
import type { OperationStatus, OperationView } from '../../src-shared/journal/types';
import { faultyFs } from '../journal/faultyFs';
import { createKeytarSecretStore, MemorySecretStore, type KeytarApi, type SecretStore } from '../../src-main/settings/secretStore';
import { DEMO_CUSTOMERS, DEMO_SHOP } from '../../src-main/simulator/demoData';
import { selfSignedCert } from '../simulator/selfSignedCert';
import { startFaultySimulator, type FaultySimulator } from '../simulator/faultySimulator';
import { createAppCore, type AppCore, type AppOptions } from '../../src-main/app/createApp';
import { startSwitchableProxy } from './switchableProxy';
import { callCore, ORIGIN, value } from '../app/callCore';
import type { CoreCall } from '../app/callCore';
import { CHEAP_SCRYPT } from '../manager/cheapScrypt';

/**
 * The fault suite of issue 5: each scenario breaks one thing between the till and the server (or
 * the till's own disk or keychain), presses «Начислить» through the app's real core, and is then
 * held to the same four promises: no operation doubled, none missing from the journal, a clear
 * message, and the next customer served. Shared by `npm run faults` (which prints the table) and
 * faults.test.ts (which CI runs).
 */

const PASSWORD = 'пароль-менеджера-1';
function demoCustomer(index: number): { client: number } {
  const customer = DEMO_CUSTOMERS[index];
  if (!customer) throw new Error('the simulator has no demo customers');
  return customer;
}
/** The customer every scenario presses for (2365 bonuses), and the next customer after the fault (0). */
const IVAN = demoCustomer(0);
const MARIA = demoCustomer(1);
/** 1000 ₽ at the demo shop's 2 %: 20 bonuses. */
const PURCHASE_KOPECKS = 1000_00;
const INITIAL: ReadonlyMap<number, number> = new Map(DEMO_CUSTOMERS.map((customer) => [customer.client, customer.balance]));

/** What the cashier's screen ended with after the press: the journal's status of the operation, or no operation at all. */
export type SeenOutcome = OperationStatus | 'not-sent';

export interface FaultExpectation {
  outcome: SeenOutcome;
  /** The words on the cashier's screen; null for a plain success. */
  message: RegExp | null;
}

export interface Till {
  core: AppCore;
  call: CoreCall;
  scan(client: number): Promise<CheckoutView>;
  accrue(): Promise<CheckoutView>;
  state(): Promise<AppState>;
}

export interface FaultKit {
  /** The Skidkabot server whose balances must agree with the journal. */
  bank: FaultySimulator;
  dataDir: string;
  /** A till on this kit's data folder, talking to the bank unless told otherwise. */
  open(options?: Partial<AppOptions>): Promise<Till>;
  /** Password, shop 4, its secret: a till as the shop left it yesterday. */
  setUp(till: Till): Promise<void>;
  /** Closed at the end of the scenario, after the tills. */
  defer(cleanup: () => Promise<void>): void;
}

/** What a scenario hands back: the till it pressed on, and the screen right after the press. */
export interface Pressed {
  till: Till;
  view: CheckoutView;
  /** Server requests the press (and what it triggered) made. */
  requests: number;
  /** What else the scenario checked on the way, e.g. that a repeat was blocked and what the manager did. */
  checks?: Check[];
  /** Undo the fault before the next customer. */
  heal?: () => Promise<void>;
}

export interface Check {
  text: string;
  ok: boolean;
}

export interface FaultScenario {
  id: string;
  title: string;
  expected: FaultExpectation;
  run(kit: FaultKit): Promise<Pressed>;
}

export interface ScenarioReport {
  id: string;
  title: string;
  outcome: SeenOutcome;
  message: string;
  requests: number;
  doubled: boolean;
  /** Operations the server applied that the journal does not show as applied, and journal entries still open. */
  journal: { operations: number; open: number; agrees: boolean };
  nextCustomer: boolean;
  checks: Check[];
  /** Every promise the scenario broke, in words; empty when it kept them all. */
  failures: string[];
}


async function openTill(kit: { bank: FaultySimulator; dataDir: string }, overrides: Partial<AppOptions>): Promise<Till> {
  const core = await createAppCore({
    dataDir: kit.dataDir,
    secretStore: new MemorySecretStore(),
    apiUrl: kit.bank.url,
    trustedOrigin: ORIGIN,
    managerScrypt: CHEAP_SCRYPT,
    ...overrides,
  });
  const call = callCore(core);
  return {
    core,
    call,
    scan: async (client) => value(await call('scan.submit', kit.bank.issueQr(client)), 'scan.submit'),
    accrue: async () => value(await call('checkout.accrue', { purchaseKopecks: PURCHASE_KOPECKS }), 'checkout.accrue'),
    state: async () => value(await call('app.getState'), 'app.getState'),
  };
}

async function setUp(till: Till): Promise<void> {
  value(await till.call('manager.setupPassword', PASSWORD), 'manager.setupPassword');
  const view = value(await till.call('settings.get'), 'settings.get');
  value(await till.call('settings.save', { ...view.settings, shopCode: DEMO_SHOP.code }), 'settings.save');
  value(await till.call('settings.setSecret', DEMO_SHOP.secret), 'settings.setSecret');
}

/** Scan Ivan, break something, press «Начислить» once. */
async function pressWith(till: Till, bank: FaultySimulator, fault: () => Promise<void> | void): Promise<{ view: CheckoutView; requests: number }> {
  await till.scan(IVAN.client);
  await fault();
  const before = bank.requestCount();
  const view = await till.accrue();
  return { view, requests: bank.requestCount() - before };
}

/** A till with a disk that fails every write while `full` is on. */
function diskThatFails(code: string): { fs: AppOptions['journalFs']; set(on: boolean): void; heal: () => Promise<void> } {
  let failing = false;
  const writes = new Set(['write', 'writeFileAtomic', 'openAppend', 'mkdir']);
  const { fs } = faultyFs((event) => (failing && writes.has(event.call) ? code : null));
  return {
    fs,
    set(on) {
      failing = on;
    },
    heal: () => {
      failing = false;
      return Promise.resolve();
    },
  };
}

/** A keychain the scenario can lock, or make vanish, and bring back. */
function switchableKeychain(): { store: SecretStore; set(mode: 'ok' | 'locked' | 'missing'): void } {
  let mode: 'ok' | 'locked' | 'missing' = 'ok';
  const entries = new Map<string, string>();
  const key = (service: string, account: string): string => `${service}\u0000${account}`;
  const api: KeytarApi = {
    async getPassword(service, account) {
      // Locked: the Secret Service waits for an unlock prompt nobody answers.
      if (mode === 'locked') return new Promise<string | null>(() => undefined);
      if (mode === 'missing') throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
      return entries.get(key(service, account)) ?? null;
    },
    setPassword(service, account, password) {
      entries.set(key(service, account), password);
      return Promise.resolve();
    },
    deletePassword(service, account) {
      return Promise.resolve(entries.delete(key(service, account)));
    },
  };
  return {
    store: createKeytarSecretStore({ service: 'Skidkabot Kassa faults', loadKeytar: () => Promise.resolve(api), timeoutMs: 300 }),
    set(next) {
      mode = next;
    },
  };
}

/** One fault on the accrual's own answer; the balance answers as usual. */
function answerFault(kind: 'drop-after-apply' | 'drop-before-apply' | 'html-500' | 'empty-body' | 'malformed-json' | 'cp1251' | 'php-notice') {
  return async (kit: FaultKit): Promise<Pressed> => {
    const till = await kit.open();
    await kit.setUp(till);
    const pressed = await pressWith(till, kit.bank, () => kit.bank.injectFault({ kind }, { endpoint: 'plus' }));
    return { till, ...pressed };
  };
}

const NOT_APPLIED = /не изменился: бонусы не начислены\. Можно провести начисление ещё раз/;

export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  {
    id: 'lost-after-apply',
    title: 'Ответ потерян после проведения',
    expected: { outcome: 'applied', message: null },
    run: answerFault('drop-after-apply'),
  },
  {
    id: 'lost-before-apply',
    title: 'Ответ потерян до проведения',
    expected: { outcome: 'not-applied', message: NOT_APPLIED },
    run: answerFault('drop-before-apply'),
  },
  {
    id: 'lost-unresolved',
    title: 'Ответ потерян, и баланс не проверить',
    expected: { outcome: 'unknown', message: /Неизвестно, начислены ли бонусы \(20\).*Не повторяйте начисление — позовите менеджера/ },
    async run(kit) {
      const till = await kit.open();
      await kit.setUp(till);
      const pressed = await pressWith(till, kit.bank, () => {
        kit.bank.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
        kit.bank.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
      });
      // The cashier scans the customer again and presses again: the till refuses and sends nothing.
      const again = await till.scan(IVAN.client);
      const before = kit.bank.requestCount();
      const refused = await till.accrue();
      const blocked = again.stage === 'customer' && (again.customer.blocked?.length ?? 0) > 0;
      const held = refused.error?.kind === 'outcome-unknown' && kit.bank.requestCount() === before;
      const checks: Check[] = [{ text: 'повтор заблокирован, на сервер не ушёл', ok: blocked && held }];
      const [open] = value(await till.call('journal.unresolved'), 'journal.unresolved');
      const checked = open ? await till.call('journal.recheck', { id: open.id, reason: 'проверка после сбоя связи' }) : null;
      checks.push({ text: 'менеджер перепроверил по балансу: проведена', ok: checked?.ok === true && checked.value.verdict === 'applied' });
      return { till, ...pressed, checks };
    },
  },
  {
    id: 'slow',
    title: 'Сервер медленнее тайм-аута',
    expected: { outcome: 'not-applied', message: NOT_APPLIED },
    async run(kit) {
      const till = await kit.open({ clientTimeoutMs: 1_500 });
      await kit.setUp(till);
      const pressed = await pressWith(till, kit.bank, () => kit.bank.injectFault({ kind: 'slow', delayMs: 4_000 }, { endpoint: 'plus' }));
      return { till, ...pressed };
    },
  },
  {
    id: 'refused',
    title: 'Соединение отвергнуто',
    expected: { outcome: 'refused', message: /Нет связи с сервером Скидкабот/ },
    async run(kit) {
      const proxy = await startSwitchableProxy(kit.bank.url);
      kit.defer(() => proxy.close());
      const till = await kit.open({ apiUrl: proxy.url });
      await kit.setUp(till);
      const pressed = await pressWith(till, kit.bank, () => proxy.refuse());
      return { till, ...pressed, heal: () => proxy.accept() };
    },
  },
  {
    id: 'dns',
    title: 'Имя сервера не находится (DNS)',
    expected: { outcome: 'not-sent', message: /Сервер Скидкабот не найден/ },
    async run(kit) {
      const till = await kit.open({ apiUrl: undefined });
      await kit.setUp(till);
      await pointTillAt(till, 'http://skidkabot.invalid');
      const before = kit.bank.requestCount();
      const view = value(await till.call('scan.submit', kit.bank.issueQr(IVAN.client)), 'scan.submit');
      return { till, view, requests: kit.bank.requestCount() - before, heal: () => pointTillAt(till, kit.bank.url) };
    },
  },
  {
    id: 'tls',
    title: 'Сертификат HTTPS не доверенный',
    expected: { outcome: 'not-sent', message: /сертификат не прошёл проверку/ },
    async run(kit) {
      const untrusted = await startFaultySimulator({ tls: selfSignedCert() });
      kit.defer(() => untrusted.close());
      const till = await kit.open({ apiUrl: undefined });
      await kit.setUp(till);
      await pointTillAt(till, untrusted.url);
      const view = value(await till.call('scan.submit', kit.bank.issueQr(IVAN.client)), 'scan.submit');
      // Nothing got past the handshake: the untrusted server never saw a request either.
      return { till, view, requests: untrusted.requestCount(), heal: () => pointTillAt(till, kit.bank.url) };
    },
  },
  {
    id: 'html-500',
    title: 'Страница ошибки HTML 500',
    expected: { outcome: 'not-applied', message: NOT_APPLIED },
    run: answerFault('html-500'),
  },
  {
    id: 'empty-body',
    title: 'Пустой ответ',
    expected: { outcome: 'applied', message: null },
    run: answerFault('empty-body'),
  },
  {
    id: 'malformed-json',
    title: 'Оборванный JSON',
    expected: { outcome: 'applied', message: null },
    run: answerFault('malformed-json'),
  },
  {
    id: 'cp1251',
    title: 'Ответ в windows-1251',
    expected: { outcome: 'applied', message: null },
    run: answerFault('cp1251'),
  },
  {
    id: 'php-notice',
    title: 'PHP Notice перед JSON',
    expected: { outcome: 'applied', message: null },
    run: answerFault('php-notice'),
  },
  {
    id: 'disk-full',
    title: 'Диск заполнен в начале операции',
    expected: { outcome: 'not-sent', message: /Журнал операций не записан, операция НЕ отправлена \(диск заполнен/ },
    async run(kit) {
      const disk = diskThatFails('ENOSPC');
      const till = await kit.open({ journalFs: disk.fs });
      await kit.setUp(till);
      const pressed = await pressWith(till, kit.bank, () => disk.set(true));
      return { till, ...pressed, heal: disk.heal };
    },
  },
  {
    id: 'journal-read-only',
    title: 'Папка журнала без права записи',
    expected: { outcome: 'not-sent', message: /Журнал операций не записан, операция НЕ отправлена \(нет права записи/ },
    async run(kit) {
      const disk = diskThatFails('EACCES');
      const till = await kit.open({ journalFs: disk.fs });
      await kit.setUp(till);
      const pressed = await pressWith(till, kit.bank, () => disk.set(true));
      return { till, ...pressed, heal: disk.heal };
    },
  },
  keychainScenario('keychain-locked', 'Хранилище паролей заблокировано', 'locked', /Хранилище паролей ОС недоступно: нет ответа/),
  keychainScenario('keychain-missing', 'Хранилища паролей нет', 'missing', /Хранилище паролей ОС недоступно \(техническая причина: The name org\.freedesktop\.secrets/),
];

/** The till was set up yesterday; today the keychain does not give the secret. */
function keychainScenario(id: string, title: string, mode: 'locked' | 'missing', message: RegExp): FaultScenario {
  return {
    id,
    title,
    expected: { outcome: 'not-sent', message },
    async run(kit) {
      const keychain = switchableKeychain();
      const yesterday = await kit.open({ secretStore: keychain.store });
      await kit.setUp(yesterday);
      await yesterday.core.close();
      keychain.set(mode);
      const till = await kit.open({ secretStore: keychain.store });
      value(await till.call('manager.login', PASSWORD), 'manager.login');
      const state = await till.state();
      const told = state.phase === 'ready' && state.problems.some((problem) => message.test(problem.message));
      const before = kit.bank.requestCount();
      const view = value(await till.call('scan.submit', kit.bank.issueQr(IVAN.client)), 'scan.submit');
      return {
        till,
        view,
        requests: kit.bank.requestCount() - before,
        checks: [{ text: 'касса открыта, менеджер видит причину в строке проблем', ok: told }],
        heal: () => {
          keychain.set('ok');
          return Promise.resolve();
        },
      };
    },
  };
}

async function pointTillAt(till: Till, apiUrl: string): Promise<void> {
  const view = value(await till.call('settings.get'), 'settings.get');
  value(await till.call('settings.save', { ...view.settings, apiUrl }), 'settings.save');
}

/** The message the cashier reads after the press: the checkout's error, or the failed operation's own. */
function messageOf(view: CheckoutView): string {
  if (view.error) return view.error.message;
  if (view.stage !== 'done') return '';
  const failed = view.outcomes.find((outcome): outcome is Extract<typeof outcome, { error: AppError }> => 'error' in outcome);
  return failed?.error.message ?? '';
}

function effect(view: OperationView): number {
  if (view.status !== 'applied') return 0;
  return view.kind === 'accrue' ? view.bonuses : -view.bonuses;
}

/** Runs one scenario on a fresh data folder and simulator and checks every promise. */
export async function runScenario(scenario: FaultScenario): Promise<ScenarioReport> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `kassa-faults-${scenario.id}-`));
  const bank = await startFaultySimulator();
  const tills: Till[] = [];
  const deferred: (() => Promise<void>)[] = [];
  const kit: FaultKit = {
    bank,
    dataDir,
    async open(options = {}) {
      const till = await openTill({ bank, dataDir }, options);
      tills.push(till);
      return till;
    },
    setUp,
    defer: (cleanup) => void deferred.push(cleanup),
  };
  const failures: string[] = [];
  try {
    const pressed = await scenario.run(kit);
    const { till, view } = pressed;
    const day = localDay(Date.now());
    const afterPress = value(await till.call('journal.list', { day }), 'journal.list');
    const pressedOp = afterPress.find((op) => op.client === IVAN.client);
    const outcome: SeenOutcome = pressedOp?.outcome?.status ?? (pressedOp ? pressedOp.status : 'not-sent');
    const message = messageOf(view);

    if (outcome !== scenario.expected.outcome) failures.push(`итог ${outcome}, ожидался ${scenario.expected.outcome}`);
    if (scenario.expected.message === null ? message !== '' : !scenario.expected.message.test(message)) {
      failures.push(`сообщение кассиру: «${message}»`);
    }
    if (message !== '' && !/[А-Яа-яЁё]/.test(message)) failures.push('сообщение не по-русски');
    if (outcome === 'not-sent' && pressed.requests > 0) failures.push(`на сервер ушло запросов: ${pressed.requests}`);
    for (const check of pressed.checks ?? []) if (!check.ok) failures.push(`не выполнено: ${check.text}`);

    await pressed.heal?.();
    const next = await till.scan(MARIA.client);
    const served = next.stage === 'customer' ? await till.accrue() : next;
    const nextCustomer = served.stage === 'done' && served.outcomes.every((o) => o.status === 'applied');
    if (!nextCustomer) failures.push(`следующий покупатель не обслужен: ${messageOf(served) || served.stage}`);

    const operations = value(await till.call('journal.list', { day }), 'journal.list');
    const open = operations.filter((op) => op.unresolved).length;
    if (open > 0) failures.push(`в журнале неразрешённых операций: ${open}`);
    let agrees = true;
    let doubled = false;
    for (const [client, initial] of INITIAL) {
      const journaled = operations.filter((op) => op.client === client).reduce((sum, op) => sum + effect(op), 0);
      const actual = bank.balanceOf(client) - initial;
      if (actual !== journaled) {
        agrees = false;
        failures.push(`покупатель ${client}: на сервере ${actual >= 0 ? '+' : ''}${actual}, в журнале ${journaled >= 0 ? '+' : ''}${journaled}`);
      }
      // One press of 20 bonuses per customer: anything above is a second one.
      if (actual > 20) doubled = true;
    }
    if (doubled) failures.push('операция проведена дважды');
    return {
      id: scenario.id,
      title: scenario.title,
      outcome,
      message,
      requests: pressed.requests,
      doubled,
      journal: { operations: operations.length, open, agrees },
      nextCustomer,
      checks: pressed.checks ?? [],
      failures,
    };
  } finally {
    for (const till of tills) await till.core.close().catch(() => undefined);
    for (const cleanup of deferred) await cleanup().catch(() => undefined);
    await bank.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const OUTCOME_WORDS: Record<SeenOutcome, string> = {
  applied: 'проведена',
  'not-applied': 'не проведена',
  refused: 'отказ, не отправлена',
  unknown: 'итог неизвестен',
  pending: 'не завершена',
  'not-sent': 'не отправлялась',
};

/** The table `npm run faults` prints: one line per scenario, what the cashier saw and whether every promise held. */
export function formatTable(reports: readonly ScenarioReport[]): string {
  const rows = reports.map((report) => [
    report.title,
    OUTCOME_WORDS[report.outcome],
    String(report.requests),
    report.doubled ? 'ДА' : 'нет',
    report.journal.agrees && report.journal.open === 0 ? `сходится (${report.journal.operations})` : 'РАСХОДИТСЯ',
    report.nextCustomer ? 'да' : 'НЕТ',
    report.failures.length === 0 ? 'OK' : 'ПРОВАЛ',
  ]);
  const header = ['Сценарий', 'Итог на кассе', 'Запросов', 'Двойное', 'Журнал и сервер', 'След. покупатель', 'Проверка'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' │ ');
  const details = reports.flatMap((report) => [
    `• ${report.title}: ${report.message === '' ? '(сообщения нет: проведена)' : `«${report.message}»`}`,
    ...report.checks.map((check) => `    ${check.ok ? '✓' : '✗'} ${check.text}`),
    ...report.failures.map((failure) => `    ПРОВАЛ: ${failure}`),
  ]);
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line), '', 'Что видит кассир:', ...details].join('\n');
}
