import type { Scheduler } from '../../src-shared/keyboard/scheduler';

/**
 * Real time whose timers do not keep Node running: the idle clear and the manager's session end
 * must not hold a finished test or CLI process open.
 */
export const backgroundScheduler: Scheduler = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
