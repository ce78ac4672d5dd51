import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, passwordLength } from '../manager/password';
import type { Result } from '../errors';
import { daySchema, journalFilterSchema, operationIdSchema, reasonSchema } from '../journal/schemas';
import type { ExportProgress, ExportReply, JournalDay, JournalPulse, OperationView, RecheckReply, ReversalReply } from '../journal/types';
import { MAX_FEED_URL_LENGTH } from '../update/feedUrl';
import type { UpdateView } from '../update/types';
import type { EventChannel, InvokeChannel } from './channelNames';
import type { ScannerEvent, ScannerListView, ScannerRedirected } from './scannerViews';
import type { CameraSettings } from '../settings/settings';
import type { AppState, CheckoutView, ConnectionCheck, DemoCustomer, SettingsView } from './views';
import type { LocalApiView, TillPurchase } from './localApiViews';

/**
 * The one source of truth for IPC: for every channel, the schema main applies to what the renderer
 * sends, and the reply type. Every reply is a Result, so errors cross as plain {kind, code, message}
 * objects (Electron keeps only `message` of a thrown error).
 */
interface ChannelSpec<Args extends z.ZodMiniTuple, Reply> {
  args: Args;
  /** Phantom: carries the reply type only. */
  reply?: Reply;
}

function channel<Reply>() {
  return <Args extends z.ZodMiniTuple>(args: Args): ChannelSpec<Args, Reply> => ({ args });
}

const integer = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));
const purchaseKopecksSchema = integer(1, 100_000_000_00);
const bonusesSchema = integer(1);
// The raw bound keeps normalisation cheap; the rule itself counts characters as the renderer does.
const passwordSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(MAX_PASSWORD_LENGTH * 4),
    z.refine((password) => passwordLength(password) <= MAX_PASSWORD_LENGTH),
  );

export const settingsSchema = z.strictObject({
  shopCode: z.nullable(integer(1)),
  kassa: integer(1, 1_000_000),
  apiUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(500)),
  rules: z.strictObject({
    source: z.enum(['server', 'shop']),
    pPlus: z.number().check(z.minimum(0), z.maximum(100)),
    pMinus: z.number().check(z.minimum(0), z.maximum(100)),
    accrueOnPaidPart: z.boolean(),
  }),
  language: z.enum(['ru', 'en']),
  scanner: z.strictObject({
    pinned: z.nullable(
      z.strictObject({
        vendorId: integer(0, 0xffff),
        productId: integer(0, 0xffff),
        serialNumber: z.nullable(z.string().check(z.maxLength(256))),
      }),
    ),
  }),
  camera: z.strictObject({
    mode: z.enum(['off', 'on-demand', 'always']),
    deviceId: z.nullable(z.string().check(z.minLength(1), z.maxLength(500))),
    label: z.nullable(z.string().check(z.maxLength(300))),
  }),
});

/**
 * The scanner pin is the «Сканер» section's (scanner.pin), the camera the «Камера» section's
 * (camera.choose): a form loaded before they were set must not undo them.
 */
export const settingsSaveSchema = z.partial(settingsSchema, { scanner: true, camera: true });

/** A device as `scanner.list` named it. */
const scannerIdSchema = z.string().check(z.minLength(1), z.maxLength(300));

export const invokeContract = {
  'app.getState': channel<AppState>()(z.tuple([])),
  /** A scan delivered as text: keystroke capture in the renderer, a paste, or the harness. */
  'scan.submit': channel<CheckoutView>()(
    z.tuple([
      z.string().check(z.maxLength(1_000_000)),
      z.optional(z.strictObject({ via: z.enum(['keystrokes', 'paste', 'camera']), durationMs: z.optional(z.number().check(z.minimum(0), z.maximum(3_600_000))) })),
    ]),
  ),
  /** `confirmDuplicate`: the cashier answered «yes» to the double-press question of the 'confirm' stage. */
  'checkout.accrue': channel<CheckoutView>()(
    z.tuple([z.strictObject({ purchaseKopecks: purchaseKopecksSchema, confirmDuplicate: z.optional(z.boolean()) })]),
  ),
  'checkout.redeem': channel<CheckoutView>()(
    z.tuple([z.strictObject({ purchaseKopecks: purchaseKopecksSchema, bonuses: bonusesSchema, confirmDuplicate: z.optional(z.boolean()) })]),
  ),
  'checkout.clear': channel<CheckoutView>()(z.tuple([])),
  /** The cashier is typing the purchase: the customer stays on screen past the idle period. */
  'checkout.touch': channel<CheckoutView>()(z.tuple([])),
  /** «No» to the double-press question: back to the customer, nothing sent. */
  'checkout.cancelRepeat': channel<CheckoutView>()(z.tuple([])),
  'manager.setupPassword': channel<AppState>()(z.tuple([passwordSchema])),
  'manager.login': channel<AppState>()(z.tuple([passwordSchema])),
  'manager.logout': channel<AppState>()(z.tuple([])),
  'settings.get': channel<SettingsView>()(z.tuple([])),
  /** Main keeps its own scanner pin whatever arrives here. */
  'settings.save': channel<SettingsView>()(z.tuple([settingsSaveSchema])),
  /** The shop secret goes one way only: the renderer can set it, never read it. */
  'settings.setSecret': channel<SettingsView>()(z.tuple([integer(0)])),
  'settings.testConnection': channel<ConnectionCheck>()(z.tuple([])),
  /** First run, after the password: the shop's own code and secret are saved through settings.*; these are the shortcuts. */
  'firstRun.choose': channel<AppState>()(z.tuple([z.enum(['test-shop', 'demo'])])),
  'demo.customers': channel<DemoCustomer[]>()(z.tuple([])),
  /** The journal, for the manager only: operations newest first. */
  'journal.list': channel<OperationView[]>()(z.tuple([journalFilterSchema])),
  /** The shift report and the hourly chart of a day, for one register or (null) all. */
  'journal.day': channel<JournalDay>()(z.tuple([z.strictObject({ day: daySchema, kassa: z.nullable(integer(1)) })])),
  'journal.unresolved': channel<OperationView[]>()(z.tuple([])),
  /**
   * Asks the balance again. `useScannedQr`: the QR kept with the operation has expired, so the code
   * of the customer just scanned at the till is used (the customer shows a fresh one).
   */
  'journal.recheck': channel<RecheckReply>()(
    z.tuple([z.strictObject({ id: operationIdSchema, reason: reasonSchema, useScannedQr: z.optional(z.boolean()) })]),
  ),
  'journal.resolve': channel<OperationView>()(
    z.tuple([z.strictObject({ id: operationIdSchema, action: z.enum(['applied', 'not-applied']), reason: reasonSchema })]),
  ),
  'journal.reverse': channel<ReversalReply>()(
    z.tuple([z.strictObject({ id: operationIdSchema, reason: reasonSchema, useScannedQr: z.optional(z.boolean()) })]),
  ),
  /** Main writes the CSV (a save dialog in the app); progress arrives as journalExport events. */
  'journal.export': channel<ExportReply>()(
    z.tuple([z.extend(z.pick(journalFilterSchema, { kassa: true, client: true, kind: true }), { day: daySchema })]),
  ),
  /** Looks at the USB bus now. */
  'scanner.list': channel<ScannerListView>()(z.tuple([])),
  /** Pins the device to read (by vendor/product ID and serial), or null to let the app choose. */
  'scanner.pin': channel<ScannerListView>()(z.tuple([z.nullable(scannerIdSchema)])),
  /** A Honeywell in keyboard mode: sends its scans to HID POS. Only when the manager presses the button. */
  'scanner.redirectToHidPos': channel<ScannerRedirected>()(z.tuple([scannerIdSchema])),
  /** The local API for the POS, for the manager only: its switch, port and token. */
  'localApi.get': channel<LocalApiView>()(z.tuple([])),
  'localApi.save': channel<LocalApiView>()(z.tuple([z.strictObject({ enabled: z.boolean(), port: integer(1024, 65535) })])),
  /** A new token: the old one stops working at once. */
  'localApi.newToken': channel<LocalApiView>()(z.tuple([])),
  /** Updates, for the manager only: the version, the feed, the last check. */
  'update.status': channel<UpdateView>()(z.tuple([])),
  /** The feed's address; an empty string turns updates off. Main validates it (feedUrl.ts). */
  'update.setFeed': channel<UpdateView>()(z.tuple([z.string().check(z.maxLength(MAX_FEED_URL_LENGTH * 2))])),
  'update.check': channel<UpdateView>()(z.tuple([])),
  /** Restarts into the downloaded version; refused while the till is busy. */
  'update.install': channel<UpdateView>()(z.tuple([])),
  /** The manager's camera choice for this till. */
  'camera.choose': channel<CameraSettings>()(z.tuple([settingsSchema.shape.camera])),
  /**
   * The window opens (true) or closes (false) the camera. Main grants `media` only between the two,
   * so the renderer awaits this before asking for the camera.
   */
  'camera.setOpen': channel<{ open: boolean }>()(z.tuple([z.boolean()])),
} satisfies Record<InvokeChannel, ChannelSpec<z.ZodMiniTuple, unknown>>;

type Contract = typeof invokeContract;
export type ChannelArgs<C extends InvokeChannel> = z.infer<Contract[C]['args']>;
export type ChannelReply<C extends InvokeChannel> = NonNullable<Contract[C]['reply']>;

interface EventPayloadTable {
  appState: AppState;
  checkout: CheckoutView;
  scanner: ScannerEvent;
  journal: JournalPulse;
  journalExport: ExportProgress;
  tillPurchase: TillPurchase;
}
/** Fails to compile when an event name in channelNames.ts has no payload type here. */
export type EventPayloads = { [E in EventChannel]: EventPayloadTable[E] };

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string> = C extends `${string}.${infer M}` ? M : never;

/** The object the preload exposes on `window.kassa`: one method per channel, grouped by namespace. */
export type KassaApi = {
  [N in Namespace<InvokeChannel>]: {
    [C in InvokeChannel as Namespace<C> extends N ? Method<C> : never]: (
      ...args: ChannelArgs<C>
    ) => Promise<Result<ChannelReply<C>>>;
  };
} & {
  events: {
    [E in EventChannel as `on${Capitalize<E>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void;
  };
};
