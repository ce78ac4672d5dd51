import type { Screen } from '../store/kassaStore';

export type Command =
  | { type: 'accrue' }
  | { type: 'redeem' }
  | { type: 'newCustomer' }
  | { type: 'confirmRepeat' }
  | { type: 'cancelRepeat' }
  | { type: 'openManager' }
  | { type: 'closeManager' }
  | { type: 'demoScan'; index: number }
  | { type: 'openCamera' }
  | { type: 'closeCamera' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The focus is in a field that takes typed text. */
  inTextEntry: boolean;
}

export interface KeyContext {
  screen: Screen;
  /** The till is set up; during first run no shortcut applies. */
  ready: boolean;
  demoCustomers: number;
  /**
   * The till asks whether a double press was meant. Only F9 says yes: Enter, F2 and F4 are the keys a
   * hurried cashier presses again by habit, so Enter says no, like Esc; nothing else applies.
   */
  confirming?: boolean;
  /** The manager left the camera on (not 'off'): F6 opens it. */
  camera?: boolean;
  /** The cashier's camera is open for one scan: Esc closes it, before anything else. */
  cameraOpen?: boolean;
}

/**
 * The keyboard map of the till. Function keys work even while typing in a field, because the cashier's
 * hands stay on the keyboard; digits pick a demo customer only outside a field, where they type nothing.
 */
export function commandFor(press: KeyPress, context: KeyContext): Command | null {
  if (!context.ready || press.ctrlKey || press.altKey || press.metaKey) return null;
  if (context.screen === 'manager') {
    return press.key === 'Escape' ? { type: 'closeManager' } : null;
  }
  if (context.confirming) {
    if (press.key === 'F9') return { type: 'confirmRepeat' };
    return press.key === 'Escape' || press.key === 'Enter' ? { type: 'cancelRepeat' } : null;
  }
  if (context.cameraOpen && press.key === 'Escape') return { type: 'closeCamera' };
  switch (press.key) {
    case 'F6':
      return context.camera ? { type: 'openCamera' } : null;
    case 'F2':
      return { type: 'accrue' };
    case 'F4':
      return { type: 'redeem' };
    case 'Escape':
      return { type: 'newCustomer' };
    case 'F10':
      return { type: 'openManager' };
  }
  if (!press.inTextEntry && /^[1-9]$/.test(press.key)) {
    const index = Number(press.key) - 1;
    if (index < context.demoCustomers) return { type: 'demoScan', index };
  }
  return null;
}
