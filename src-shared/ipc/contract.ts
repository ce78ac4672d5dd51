import { z } from 'zod';
import type { Result } from '../errors';
import type { EventChannel, InvokeChannel } from './channelNames';
import type { AppState, CheckoutView, ConnectionCheck, DemoCustomer, SettingsView } from './views';

/**
 * The one source of truth for IPC: for every channel, the schema main applies to what the renderer
 * sends, and the reply type. Every reply is a Result, so errors cross as plain {kind, code, message}
 * objects (Electron keeps only `message` of a thrown error).
 */
interface ChannelSpec<Args extends z.ZodTuple, Reply> {
  args: Args;
  /** Phantom: carries the reply type only. */
  reply?: Reply;
}

function channel<Reply>() {
  return <Args extends z.ZodTuple>(args: Args): ChannelSpec<Args, Reply> => ({ args });
}

const integer = z.number().int().safe();
export const purchaseKopecksSchema = integer.min(1).max(100_000_000_00);
export const bonusesSchema = integer.min(1);
export const passwordSchema = z.string().min(1).max(256);

export const settingsSchema = z.strictObject({
  shopCode: integer.min(1).nullable(),
  kassa: integer.min(1).max(1_000_000),
  apiUrl: z.url({ protocol: /^https?$/ }).max(500),
  rules: z.strictObject({
    source: z.enum(['server', 'shop']),
    pPlus: z.number().min(0).max(100),
    pMinus: z.number().min(0).max(100),
    accrueOnPaidPart: z.boolean(),
  }),
  language: z.enum(['ru', 'en']),
});

export const invokeContract = {
  'app.getState': channel<AppState>()(z.tuple([])),
  /** A scan delivered as text: keystroke capture in the renderer, a paste, or the harness. */
  'scan.submit': channel<CheckoutView>()(z.tuple([z.string().max(1_000_000)])),
  'checkout.accrue': channel<CheckoutView>()(z.tuple([z.strictObject({ purchaseKopecks: purchaseKopecksSchema })])),
  'checkout.redeem': channel<CheckoutView>()(
    z.tuple([z.strictObject({ purchaseKopecks: purchaseKopecksSchema, bonuses: bonusesSchema })]),
  ),
  'checkout.clear': channel<CheckoutView>()(z.tuple([])),
  'manager.setupPassword': channel<AppState>()(z.tuple([passwordSchema])),
  'manager.login': channel<AppState>()(z.tuple([passwordSchema])),
  'manager.logout': channel<AppState>()(z.tuple([])),
  'settings.get': channel<SettingsView>()(z.tuple([])),
  'settings.save': channel<SettingsView>()(z.tuple([settingsSchema])),
  /** The shop secret goes one way only: the renderer can set it, never read it. */
  'settings.setSecret': channel<SettingsView>()(z.tuple([integer.min(0)])),
  'settings.testConnection': channel<ConnectionCheck>()(z.tuple([])),
  /** First run, after the password: the shop's own code and secret are saved through settings.*; these are the shortcuts. */
  'firstRun.choose': channel<AppState>()(z.tuple([z.enum(['test-shop', 'demo'])])),
  'demo.customers': channel<DemoCustomer[]>()(z.tuple([])),
} satisfies Record<InvokeChannel, ChannelSpec<z.ZodTuple, unknown>>;

type Contract = typeof invokeContract;
export type ChannelArgs<C extends InvokeChannel> = z.infer<Contract[C]['args']>;
export type ChannelReply<C extends InvokeChannel> = NonNullable<Contract[C]['reply']>;

interface EventPayloadTable {
  appState: AppState;
  checkout: CheckoutView;
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
