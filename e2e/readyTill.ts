import { afterEach, beforeEach } from 'vitest';
import { startSimulator, type Simulator } from '../src-main/simulator/simulator';
import { launchApp, type LaunchedApp } from './harness';

export interface ReadyTill {
  simulator: Simulator;
  app: LaunchedApp;
}

/**
 * For each test of the calling describe block: a fresh simulator and a till already set up on it
 * (password, shop 4), handed to `onOpen`, both closed after the test.
 */
export function eachTestWithReadyTill(onOpen: (till: ReadyTill) => void): void {
  let opened: ReadyTill | null = null;
  beforeEach(async () => {
    const simulator = await startSimulator();
    opened = { simulator, app: await launchApp({ apiUrl: simulator.url, setup: 'ready' }) };
    onOpen(opened);
  });
  afterEach(async () => {
    await opened?.app.close();
    await opened?.simulator.close();
    opened = null;
  });
}
