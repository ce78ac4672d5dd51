/**
 * The channel names alone, with no validation library: the sandboxed preload imports this file and
 * must stay one small CommonJS bundle. `contract.ts` checks at compile time that every name here has
 * a schema and a reply type there, and no more.
 */
export const IPC_PREFIX = 'skidkabot:';

export const INVOKE_CHANNELS = [
  'app.getState',
  'scan.submit',
  'checkout.accrue',
  'checkout.redeem',
  'checkout.clear',
  'checkout.touch',
  'checkout.cancelRepeat',
  'manager.setupPassword',
  'manager.login',
  'manager.logout',
  'settings.get',
  'settings.save',
  'settings.setSecret',
  'settings.testConnection',
  'firstRun.choose',
  'demo.customers',
  'journal.list',
  'journal.day',
  'journal.unresolved',
  'journal.recheck',
  'journal.resolve',
  'journal.reverse',
  'journal.export',
  'scanner.list',
  'scanner.pin',
  'scanner.redirectToHidPos',
  'localApi.get',
  'localApi.save',
  'localApi.newToken',
  'update.status',
  'update.setFeed',
  'update.check',
  'update.install',
  'camera.choose',
  'camera.setOpen',
] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Pushed from main to the renderer. */
export const EVENT_CHANNELS = ['appState', 'checkout', 'scanner', 'journal', 'journalExport', 'tillPurchase'] as const;

export type EventChannel = (typeof EVENT_CHANNELS)[number];
