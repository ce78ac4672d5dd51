import { describe, expect, it } from 'vitest';
import { appError, type Result } from '../../src-shared/errors';
import type { KassaApi } from '../../src-shared/ipc/contract';
import type { ScannerEvent } from '../../src-shared/ipc/scannerViews';
import type { AppState, CheckoutView, CustomerView } from '../../src-shared/ipc/views';
import type { TillPurchase } from '../../src-shared/ipc/localApiViews';
import { createKassaStore } from './kassaStore';

const customer: CustomerView = {
  client: 83532824,
  firstName: 'Иван',
  lastName: 'Петров',
  balance: 2365,
  rules: { source: 'server', pPlus: 2, pMinus: 10, accrueOnPaidPart: true },
};
const onScreen: CheckoutView = { stage: 'customer', busy: false, error: null, customer };
const idle: CheckoutView = { stage: 'idle', busy: false, error: null };

const appState: AppState = {
  phase: 'ready',
  demo: false,
  shopCode: 4,
  kassa: 1,
  language: 'ru',
  secretSet: true,
  problems: [],
  server: { state: 'unknown', message: '', at: null },
  scanner: { state: 'ready', message: '' },
  camera: { mode: 'on-demand', deviceId: null, label: null },
  manager: { passwordSet: true, loggedIn: false, lockedUntil: null },
  unresolved: 0,
};

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const unexpected = (): Promise<Result<never>> => Promise.resolve({ ok: false, error: appError('internal', 'unexpected call') });

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A bridge that records what the store sends and answers as the test says. */
function fakeApi(overrides: { checkout?: Partial<KassaApi['checkout']>; scan?: Partial<KassaApi['scan']> } = {}) {
  const sent: string[] = [];
  const pushes: {
    checkout: ((view: CheckoutView) => void)[];
    app: ((app: AppState) => void)[];
    scanner: ((event: ScannerEvent) => void)[];
    tillPurchase: ((purchase: TillPurchase) => void)[];
  } = { checkout: [], app: [], scanner: [], tillPurchase: [] };
  const record =
    <A extends unknown[], T>(name: string, answer: (...args: A) => Promise<Result<T>>) =>
    (...args: A) => {
      sent.push(`${name} ${JSON.stringify(args)}`);
      return answer(...args);
    };
  const api: KassaApi = {
    app: { getState: () => ok(appState) },
    scan: { submit: record('scan.submit', overrides.scan?.submit ?? (() => ok(onScreen))) },
    checkout: {
      accrue: record('checkout.accrue', overrides.checkout?.accrue ?? (() => ok(onScreen))),
      redeem: record('checkout.redeem', overrides.checkout?.redeem ?? (() => ok(onScreen))),
      clear: record('checkout.clear', overrides.checkout?.clear ?? (() => ok(idle))),
      touch: record('checkout.touch', overrides.checkout?.touch ?? (() => ok(onScreen))),
      cancelRepeat: record('checkout.cancelRepeat', overrides.checkout?.cancelRepeat ?? (() => ok(onScreen))),
    },
    manager: { setupPassword: unexpected, login: unexpected, logout: unexpected },
    settings: { get: unexpected, save: unexpected, setSecret: unexpected, testConnection: unexpected },
    firstRun: { choose: unexpected },
    demo: { customers: () => ok([]) },
    scanner: { list: unexpected, pin: unexpected, redirectToHidPos: unexpected },
    localApi: { get: unexpected, save: unexpected, newToken: unexpected },
    update: { status: unexpected, setFeed: unexpected, check: unexpected, install: unexpected },
    camera: { choose: unexpected, setOpen: unexpected },
    journal: {
      list: unexpected,
      day: unexpected,
      unresolved: unexpected,
      recheck: unexpected,
      resolve: unexpected,
      reverse: unexpected,
      export: unexpected,
    },
    events: {
      onAppState: (listener) => {
        pushes.app.push(listener);
        return () => undefined;
      },
      onCheckout: (listener) => {
        pushes.checkout.push(listener);
        return () => undefined;
      },
      onScanner: (listener) => {
        pushes.scanner.push(listener);
        return () => undefined;
      },
      onJournal: () => () => undefined,
      onJournalExport: () => () => undefined,
      onTillPurchase: (listener) => {
        pushes.tillPurchase.push(listener);
        return () => undefined;
      },
    },
  };
  return { api, sent, pushes };
}

async function withCustomer(fake: ReturnType<typeof fakeApi>) {
  const store = createKassaStore(fake.api);
  store.getState().actions.start();
  await store.getState().actions.submitScan('{"type":"Skidkabot"}');
  return store;
}

/** A press or an answer to main's question; the typing keep-alive is not one. */
const isPress = (line: string): boolean => line.startsWith('checkout.') && !line.startsWith('checkout.touch');

describe('kassa store', () => {
  it('sends the typed purchase in kopecks and the redeem amount, defaulting to the maximum', async () => {
    const fake = fakeApi();
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('1 200,50');
    await store.getState().actions.redeem();
    expect(fake.sent.at(-1)).toBe('checkout.redeem [{"purchaseKopecks":120050,"bonuses":120}]');
    store.getState().actions.setRedeemText('100');
    await store.getState().actions.accrue();
    expect(fake.sent.at(-1)).toBe('checkout.accrue [{"purchaseKopecks":120050}]');
  });

  it('tells main the cashier is still typing, at most every few seconds', async () => {
    const fake = fakeApi();
    let clock = 0;
    const store = createKassaStore(fake.api, () => clock);
    store.getState().actions.start();
    store.getState().actions.setPurchaseText('1');
    await store.getState().actions.submitScan('{"type":"Skidkabot"}');
    store.getState().actions.setPurchaseText('12');
    clock = 1_000;
    store.getState().actions.setPurchaseText('120');
    clock = 6_000;
    store.getState().actions.setRedeemText('5');
    expect(fake.sent.filter((line) => line.startsWith('checkout.touch'))).toHaveLength(2);
  });

  it('sends nothing without a purchase total and marks the field instead', async () => {
    const fake = fakeApi();
    const store = await withCustomer(fake);
    await store.getState().actions.accrue();
    expect(fake.sent).toEqual(['scan.submit ["{\\"type\\":\\"Skidkabot\\"}"]']);
    expect(store.getState().purchaseMissing).toBe(true);
  });

  it('sends a redemption the rules refuse to nobody', async () => {
    const fake = fakeApi();
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('1000');
    store.getState().actions.setRedeemText('101');
    await store.getState().actions.redeem();
    expect(fake.sent.some((line) => line.startsWith('checkout.redeem'))).toBe(false);
  });

  it('ignores a second press while the first is in flight', async () => {
    const answer = deferred<Result<CheckoutView>>();
    const fake = fakeApi({ checkout: { accrue: () => answer.promise } });
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('500');
    const first = store.getState().actions.accrue();
    await store.getState().actions.accrue();
    await store.getState().actions.redeem();
    await store.getState().actions.newCustomer();
    answer.resolve({ ok: true, value: { stage: 'done', busy: false, error: null, customer, outcomes: [] } });
    await first;
    expect(fake.sent.filter(isPress)).toEqual(['checkout.accrue [{"purchaseKopecks":50000}]']);
    expect(store.getState().checkout.stage).toBe('done');
  });

  it('Esc drops a balance query in flight, and the next customer is not held by it', async () => {
    const slow = deferred<Result<CheckoutView>>();
    const answers = [() => slow.promise, () => ok(onScreen)];
    const fake = fakeApi({ scan: { submit: () => (answers.shift() ?? (() => ok(onScreen)))() } });
    const store = createKassaStore(fake.api);
    store.getState().actions.start();
    const first = store.getState().actions.submitScan('{"type":"Skidkabot"}');
    fake.pushes.checkout.forEach((push) => push({ stage: 'idle', busy: true, error: null }));
    await store.getState().actions.newCustomer();
    expect(fake.sent.filter(isPress)).toEqual(['checkout.clear []']);
    expect(store.getState().checkout).toEqual(idle);
    await store.getState().actions.submitScan('{"type":"Skidkabot"}');
    expect(store.getState().checkout.stage).toBe('customer');
    expect(store.getState().inFlight).toBe(0);
    slow.resolve({ ok: true, value: onScreen });
    await first;
  });

  it('Esc does not touch an operation in flight', async () => {
    const answer = deferred<Result<CheckoutView>>();
    const fake = fakeApi({ checkout: { accrue: () => answer.promise } });
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('500');
    const pressed = store.getState().actions.accrue();
    fake.pushes.checkout.forEach((push) => push({ ...onScreen, busy: true }));
    await store.getState().actions.newCustomer();
    expect(fake.sent.filter(isPress)).toEqual(['checkout.accrue [{"purchaseKopecks":50000}]']);
    answer.resolve({ ok: true, value: onScreen });
    await pressed;
  });

  it("clears the customer's figures when main pushes an idle view", async () => {
    const fake = fakeApi();
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('500');
    store.getState().actions.setRedeemText('3');
    for (const push of fake.pushes.checkout) push(idle);
    expect(store.getState()).toMatchObject({ checkout: idle, purchaseText: '', redeemText: null });
  });

  it('keeps the typed figures when main refuses, and shows the reason on the checkout', async () => {
    const refusal = appError('server', 'У клиента не хватает баллов.', 13);
    const fake = fakeApi({ checkout: { redeem: () => ok<CheckoutView>({ ...onScreen, error: refusal }) } });
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('500');
    await store.getState().actions.redeem();
    expect(store.getState()).toMatchObject({ purchaseText: '500', checkout: { stage: 'customer', error: refusal } });
  });

  it('answers the double-press question with the press main asked about, and keeps the figures on «no»', async () => {
    const asked: CheckoutView = {
      stage: 'confirm',
      busy: false,
      error: null,
      customer,
      repeat: { kind: 'redeem', purchaseKopecks: 50_000, bonuses: 12, earlier: { at: '2025-03-14T10:22:31.123+03:00', status: 'applied' } },
    };
    const fake = fakeApi({ checkout: { redeem: () => ok(asked) } });
    const store = await withCustomer(fake);
    store.getState().actions.setPurchaseText('500');
    store.getState().actions.setRedeemText('12');
    await store.getState().actions.redeem();
    expect(store.getState().checkout.stage).toBe('confirm');
    // While asked, the buttons send nothing.
    await store.getState().actions.accrue();
    await store.getState().actions.cancelRepeat();
    expect(store.getState()).toMatchObject({ checkout: { stage: 'customer' }, purchaseText: '500', redeemText: '12' });

    await store.getState().actions.redeem();
    store.getState().actions.setPurchaseText('999');
    await store.getState().actions.confirmRepeat();
    expect(fake.sent.filter(isPress)).toEqual([
      'checkout.redeem [{"purchaseKopecks":50000,"bonuses":12}]',
      'checkout.cancelRepeat []',
      'checkout.redeem [{"purchaseKopecks":50000,"bonuses":12}]',
      'checkout.redeem [{"purchaseKopecks":50000,"bonuses":12,"confirmDuplicate":true}]',
    ]);
  });

  it('starts a new customer with empty fields and moves the focus counter', async () => {
    const fake = fakeApi();
    const store = await withCustomer(fake);
    const serial = store.getState().customerSerial;
    store.getState().actions.setPurchaseText('500');
    for (const push of fake.pushes.checkout) push({ stage: 'done', busy: false, error: null, customer, outcomes: [] });
    await store.getState().actions.submitScan('{"again":1}');
    expect(store.getState()).toMatchObject({ purchaseText: '', customerSerial: serial + 1 });
  });

  it('tells main how the window read a scan, and says nothing when it does not know', async () => {
    const fake = fakeApi();
    const store = createKassaStore(fake.api);
    await store.getState().actions.submitScan('{"a":1}', { via: 'keystrokes', durationMs: 140 });
    await store.getState().actions.submitScan('{"a":2}');
    expect(fake.sent).toEqual(['scan.submit ["{\\"a\\":1}",{"via":"keystrokes","durationMs":140}]', 'scan.submit ["{\\"a\\":2}"]']);
  });

  it('keeps the last scan for the live test, and a dropped scan until the next one arrives', () => {
    const fake = fakeApi();
    const store = createKassaStore(fake.api);
    store.getState().actions.start();
    const push = (event: ScannerEvent) => fake.pushes.scanner.forEach((listener) => listener(event));
    const dropped: ScannerEvent = { kind: 'dropped', at: 1, error: { kind: 'scan', message: 'Сканер отключился во время чтения.', key: 'scanDrop.deviceLost' } };
    push(dropped);
    expect(store.getState()).toMatchObject({ scanDrop: dropped, lastScan: null });
    const scanned: ScannerEvent = {
      kind: 'scan',
      at: 2,
      via: 'hid-pos',
      durationMs: 4,
      waitMs: 0,
      endedBy: 'json',
      chars: 64,
      result: { ok: true, vendor: 4, client: 83532824, repaired: false },
    };
    push(scanned);
    expect(store.getState()).toMatchObject({ scanDrop: null, lastScan: scanned });
  });

  it('turns a bridge that throws into an error on screen, not an exception', async () => {
    const fake = fakeApi({ scan: { submit: () => Promise.reject(new Error('ipc gone')) } });
    const store = createKassaStore(fake.api);
    await store.getState().actions.submitScan('{}');
    expect(store.getState().checkout.error?.kind).toBe('internal');
    expect(store.getState().inFlight).toBe(0);
  });

  it('fills the purchase field with a total the POS sent, for the customer on screen and for the next one', async () => {
    const fake = fakeApi();
    const store = createKassaStore(fake.api);
    store.getState().actions.start();
    for (const push of fake.pushes.tillPurchase) push({ purchaseKopecks: 123450 });
    await store.getState().actions.submitScan('{"type":"Skidkabot"}');
    expect(store.getState().purchaseText).toBe('1234,50');
    await store.getState().actions.accrue();
    expect(fake.sent.at(-1)).toBe('checkout.accrue [{"purchaseKopecks":123450}]');

    for (const push of fake.pushes.checkout) push({ stage: 'done', busy: false, error: null, customer, outcomes: [] });
    for (const push of fake.pushes.checkout) push(idle);
    for (const push of fake.pushes.checkout) push({ ...onScreen, customer: { ...customer, client: 1 } });
    expect(store.getState().purchaseText).toBe('');

    for (const push of fake.pushes.tillPurchase) push({ purchaseKopecks: 50000 });
    expect(store.getState().purchaseText).toBe('500');
  });
});
