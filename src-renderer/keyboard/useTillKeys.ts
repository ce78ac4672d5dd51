import { useEffect } from 'react';
import { isTextEntry } from '../scan/scanEntry';
import { useKassa, useActions } from '../store/StoreContext';
import { commandFor, type Command } from './shortcuts';

/** One keydown listener for the whole window: the till is driven from the keyboard, never only the mouse. */
export function useTillKeys(): void {
  const actions = useActions();
  const screen = useKassa((state) => state.screen);
  const ready = useKassa((state) => state.app?.phase === 'ready');
  const demoCustomers = useKassa((state) => state.demoCustomers);
  const confirming = useKassa((state) => state.checkout.stage === 'confirm');
  const camera = useKassa((state) => (state.app?.camera.mode ?? 'off') !== 'off');
  const cameraOpen = useKassa((state) => state.cameraOpen);

  useEffect(() => {
    const run = (command: Command): void => {
      if (command.type === 'demoScan') {
        const customer = demoCustomers[command.index];
        if (customer) void actions.submitScan(customer.qrText);
        return;
      }
      // Every other command is named after the store action it runs.
      void actions[command.type]();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.repeat) return;
      const command = commandFor(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          inTextEntry: isTextEntry(event.target),
        },
        { screen, ready, demoCustomers: demoCustomers.length, confirming, camera, cameraOpen },
      );
      if (!command) return;
      // F10 would otherwise focus the window menu on Windows; F2/F4 have browser meanings too.
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, screen, ready, demoCustomers, confirming, camera, cameraOpen]);
}
