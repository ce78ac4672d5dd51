import { createStore, type StoreApi } from 'zustand/vanilla';
import { appError } from '../../src-shared/appError';
import type { AppError, Result } from '../../src-shared/errors';
import type { ChannelArgs, KassaApi } from '../../src-shared/ipc/contract';
import type { ScanDropReport, ScannerEvent, ScannerListView, ScannerRedirected, ScanOrigin, ScanReport } from '../../src-shared/ipc/scannerViews';
import type { AppState, CheckoutView, ConnectionCheck, DemoCustomer, SettingsView } from '../../src-shared/ipc/views';
import type { CameraSettings } from '../../src-shared/settings/settings';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import type { TillPurchase } from '../../src-shared/ipc/localApiViews';
import { computeFigures } from '../checkout/figures';

export type Screen = 'cashier' | 'manager';

export interface KassaState {
  /** Null until main has answered the first app.getState. */
  app: AppState | null;
  checkout: CheckoutView;
  /** A failure to reach main at all: shown instead of the screens. */
  fatal: AppError | null;
  screen: Screen;
  purchaseText: string;
  /** A total the POS sent through the local API: it fills the purchase field for this customer or the next one. */
  posPurchase: string | null;
  /** Null while the cashier has not edited it: the field then follows the maximum. */
  redeemText: string | null;
  /** The cashier pressed a button with no purchase total: the hint turns into an error. */
  purchaseMissing: boolean;
  /** Calls from this window in flight; together with main's `busy` they block a second press. */
  inFlight: number;
  /** The operation the cashier pressed, while it is in flight: its button says it is being sent. */
  sending: OperationKind | null;
  /** Grows with every customer put on screen, so the purchase field takes the focus each time. */
  customerSerial: number;
  demoCustomers: DemoCustomer[];
  /** The last scan as main read it, for the manager's live test. */
  lastScan: ScanReport | null;
  /** A half-read scan main threw away: the cashier is asked to scan again. Cleared by the next scan. */
  scanDrop: ScanDropReport | null;
  /** The cashier opened the camera (F6, «Камера») for one scan. */
  cameraOpen: boolean;
}

export interface KassaActions {
  /** Subscribes to main's pushes and loads the state; returns the unsubscribe. */
  start: () => () => void;
  /** `origin` says how the window read it (keystrokes, paste), for the manager's live test. */
  submitScan: (text: string, origin?: ScanOrigin) => Promise<void>;
  setPurchaseText: (text: string) => void;
  setRedeemText: (text: string) => void;
  accrue: () => Promise<void>;
  redeem: () => Promise<void>;
  /** «Да» to the double-press question: the press asked about is sent again, as main described it. */
  confirmRepeat: () => Promise<void>;
  /** «Нет»: back to the customer, nothing sent. */
  cancelRepeat: () => Promise<void>;
  newCustomer: () => Promise<void>;
  openManager: () => void;
  closeManager: () => void;
  setupPassword: (password: string) => Promise<AppError | null>;
  login: (password: string) => Promise<AppError | null>;
  logout: () => Promise<AppError | null>;
  chooseFirstRun: (choice: 'test-shop' | 'demo') => Promise<AppError | null>;
  /** First run with the shop's own code and secret: the keychain, then the settings, then the new state. */
  connectOwnShop: (shop: { shopCode: number; secret: number; kassa: number }) => Promise<AppError | null>;
  loadSettings: () => Promise<Result<SettingsView>>;
  saveSettings: (settings: ChannelArgs<'settings.save'>[0]) => Promise<Result<SettingsView>>;
  setSecret: (secret: number) => Promise<Result<SettingsView>>;
  testConnection: () => Promise<Result<ConnectionCheck>>;
  listScanners: () => Promise<Result<ScannerListView>>;
  /** Null unpins: the app chooses the scanner again. */
  pinScanner: (deviceId: string | null) => Promise<Result<ScannerListView>>;
  redirectScanner: (deviceId: string) => Promise<Result<ScannerRedirected>>;
  openCamera: () => void;
  closeCamera: () => void;
  /** Tells main the window is using the camera (or stopped): `media` is granted only in between. */
  setCameraAccess: (open: boolean) => Promise<Result<{ open: boolean }>>;
  chooseCamera: (camera: CameraSettings) => Promise<Result<CameraSettings>>;
}

export type KassaStore = StoreApi<KassaState & { actions: KassaActions }>;

const IDLE: CheckoutView = { stage: 'idle', busy: false, error: null };

/** Typing tells main at most this often that the cashier is still serving the customer on screen. */
const TOUCH_EVERY_MS = 5_000;

export function createKassaStore(api: KassaApi, now: () => number = Date.now): KassaStore {
  return createStore<KassaState & { actions: KassaActions }>()((set, get) => {
    let touchedAt = -Infinity;
    function stillServing(): void {
      if (get().checkout.stage === 'idle' || now() - touchedAt < TOUCH_EVERY_MS) return;
      touchedAt = now();
      void api.checkout.touch();
    }

    function applyCheckout(view: CheckoutView): void {
      const previous = get().checkout;
      // Back from the double-press question is the same customer: the typed purchase stays.
      const sameCustomer = (previous.stage === 'customer' || previous.stage === 'confirm') && 'customer' in view && previous.customer.client === view.customer.client;
      const arrived = view.stage === 'customer' && !sameCustomer;
      if (arrived) {
        set((state) => ({
          checkout: view,
          purchaseText: state.posPurchase ?? '',
          redeemText: null,
          purchaseMissing: false,
          customerSerial: state.customerSerial + 1,
        }));
      } else if (view.stage === 'idle') {
        // Main clears the customer after an idle period: nothing of theirs may stay on screen.
        set((state) => ({ checkout: view, purchaseText: state.posPurchase ?? '', redeemText: null, purchaseMissing: false }));
      } else if (view.stage === 'done') {
        // The POS's total was for this purchase: the next customer's comes with its own push.
        set({ checkout: view, posPurchase: null });
      } else {
        set({ checkout: view });
      }
      // The demo list shows each customer's balance: after an operation it has moved.
      if (view.stage === 'done' && get().app?.demo === true) void loadDemoCustomers();
    }

    function applyTillPurchase(purchase: TillPurchase): void {
      const text = purchaseText(purchase.purchaseKopecks);
      set({ posPurchase: text, purchaseText: text, purchaseMissing: false });
    }

    function applyScanner(event: ScannerEvent): void {
      if (event.kind === 'scan') set({ lastScan: event, scanDrop: null });
      else set({ scanDrop: event });
    }

    function applyApp(app: AppState): void {
      const wasDemo = get().app?.demo === true;
      set({ app });
      if (app.demo && !wasDemo) void loadDemoCustomers();
      if (!app.demo && wasDemo) set({ demoCustomers: [] });
    }

    async function loadDemoCustomers(): Promise<void> {
      const reply = await call(() => api.demo.customers());
      if (reply.ok) set({ demoCustomers: reply.value });
    }

    /** Shows a refused call where the cashier looks: on the checkout, keeping what is on screen. */
    function showError(error: AppError): void {
      set((state) => ({ checkout: { ...state.checkout, error } }));
    }

    async function operate(send: () => Promise<Result<CheckoutView>>): Promise<void> {
      set((state) => ({ inFlight: state.inFlight + 1 }));
      try {
        const reply = await call(send);
        if (reply.ok) applyCheckout(reply.value);
        else showError(reply.error);
      } finally {
        set((state) => ({ inFlight: state.inFlight - 1 }));
      }
    }

    /** For the calls that answer with the whole AppState: apply it, hand back only the refusal. */
    async function changeApp(send: () => Promise<Result<AppState>>): Promise<AppError | null> {
      const reply = await call(send);
      if (!reply.ok) return reply.error;
      applyApp(reply.value);
      return null;
    }

    /** Settings changes alter the status line (shop, register, language): fetch the state they led to. */
    async function afterSettings<T>(reply: Result<T>): Promise<Result<T>> {
      if (reply.ok) await changeApp(() => api.app.getState());
      return reply;
    }

    /** Sends nothing that main would refuse anyway: no purchase, a redemption outside the rules, a press mid-flight. */
    async function press(kind: OperationKind): Promise<void> {
      const { inFlight, checkout, purchaseText, redeemText } = get();
      if (inFlight > 0 || checkout.busy || checkout.stage !== 'customer') return;
      const figures = computeFigures(purchaseText, redeemText, checkout.customer);
      if (figures.state !== 'ok') {
        set({ purchaseMissing: figures.state === 'empty' });
        return;
      }
      const { purchaseKopecks, redeem } = figures;
      if (kind === 'redeem' && redeem.state !== 'ok') return;
      set({ sending: kind });
      await operate(() =>
        kind === 'redeem' && redeem.state === 'ok'
          ? api.checkout.redeem({ purchaseKopecks, bonuses: redeem.bonuses })
          : api.checkout.accrue({ purchaseKopecks }),
      );
      set({ sending: null });
    }

    /** The double-press question's answer; the press itself comes from main's question, not from the fields. */
    async function answerRepeat(yes: boolean): Promise<void> {
      const { inFlight, checkout } = get();
      if (inFlight > 0 || checkout.busy || checkout.stage !== 'confirm') return;
      if (!yes) {
        await operate(() => api.checkout.cancelRepeat());
        return;
      }
      const { kind, purchaseKopecks, bonuses } = checkout.repeat;
      set({ sending: kind });
      await operate(() =>
        kind === 'redeem'
          ? api.checkout.redeem({ purchaseKopecks, bonuses, confirmDuplicate: true })
          : api.checkout.accrue({ purchaseKopecks, confirmDuplicate: true }),
      );
      set({ sending: null });
    }

    return {
      app: null,
      checkout: IDLE,
      fatal: null,
      screen: 'cashier',
      purchaseText: '',
      posPurchase: null,
      redeemText: null,
      purchaseMissing: false,
      inFlight: 0,
      sending: null,
      customerSerial: 0,
      demoCustomers: [],
      lastScan: null,
      scanDrop: null,
      cameraOpen: false,
      actions: {
        start() {
          const offApp = api.events.onAppState(applyApp);
          const offCheckout = api.events.onCheckout(applyCheckout);
          const offScanner = api.events.onScanner(applyScanner);
          const offTillPurchase = api.events.onTillPurchase(applyTillPurchase);
          void call(() => api.app.getState()).then((reply) => {
            if (reply.ok) applyApp(reply.value);
            else set({ fatal: reply.error });
          });
          return () => {
            offApp();
            offCheckout();
            offScanner();
            offTillPurchase();
          };
        },
        async submitScan(text, origin) {
          // Never dropped here, even mid-operation: main decides, and a scan that vanishes silently
          // would leave the cashier scanning again and again.
          // Not counted in flight: a balance query the cashier cancels must not hold the next customer's buttons.
          const reply = await call(() => (origin ? api.scan.submit(text, origin) : api.scan.submit(text)));
          if (reply.ok) applyCheckout(reply.value);
          else showError(reply.error);
        },
        setPurchaseText(text) {
          set({ purchaseText: text, purchaseMissing: false });
          stillServing();
        },
        setRedeemText(text) {
          set({ redeemText: text });
          stillServing();
        },
        accrue: () => press('accrue'),
        redeem: () => press('redeem'),
        confirmRepeat: () => answerRepeat(true),
        cancelRepeat: () => answerRepeat(false),
        async newCustomer() {
          const { inFlight, checkout } = get();
          // A balance query may be dropped (main ignores its answer); an operation in flight may not,
          // and the waiting panel says why.
          const balanceQuery = checkout.stage === 'idle' && checkout.busy;
          if (!balanceQuery && (inFlight > 0 || checkout.busy)) return;
          await operate(() => api.checkout.clear());
        },
        openManager() {
          set({ screen: 'manager', cameraOpen: false });
        },
        closeManager() {
          set({ screen: 'cashier' });
        },
        setupPassword: (password) => changeApp(() => api.manager.setupPassword(password)),
        login: (password) => changeApp(() => api.manager.login(password)),
        logout: () => changeApp(() => api.manager.logout()),
        chooseFirstRun: (choice) => changeApp(() => api.firstRun.choose(choice)),
        async connectOwnShop({ shopCode, secret, kassa }) {
          const current = await call(() => api.settings.get());
          if (!current.ok) return current.error;
          // The secret first, as main does for the test shop: a shop code without its secret is half a setup.
          const stored = await call(() => api.settings.setSecret(secret));
          if (!stored.ok) return stored.error;
          const saved = await call(() => api.settings.save({ ...current.value.settings, shopCode, kassa }));
          if (!saved.ok) return saved.error;
          return changeApp(() => api.app.getState());
        },
        loadSettings: () => call(() => api.settings.get()),
        saveSettings: async (settings) => afterSettings(await call(() => api.settings.save(settings))),
        setSecret: async (secret) => afterSettings(await call(() => api.settings.setSecret(secret))),
        testConnection: async () => {
          const reply = await call(() => api.settings.testConnection());
          // The check updates the server state on the status line.
          await changeApp(() => api.app.getState());
          return reply;
        },
        listScanners: () => call(() => api.scanner.list()),
        pinScanner: (deviceId) => call(() => api.scanner.pin(deviceId)),
        redirectScanner: (deviceId) => call(() => api.scanner.redirectToHidPos(deviceId)),
        openCamera() {
          if (get().app?.camera.mode !== 'off') set({ cameraOpen: true });
        },
        closeCamera() {
          set({ cameraOpen: false });
        },
        setCameraAccess: (open) => call(() => api.camera.setOpen(open)),
        chooseCamera: async (camera) => afterSettings(await call(() => api.camera.choose(camera))),
      },
    };
  });
}

/** The bridge promises a Result, but a broken preload or a crashed main must not escape as an exception. */
async function call<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch {
    return { ok: false, error: appError('internal', 'Касса не отвечает. Перезапустите программу.') };
  }
}

/** The purchase field's text for kopecks, as a cashier would type it: `1234,50`. */
function purchaseText(kopecks: number): string {
  const rubles = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  return rest === 0 ? String(rubles) : `${rubles},${String(rest).padStart(2, '0')}`;
}
