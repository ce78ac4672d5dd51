import { describe, expect, it } from 'vitest';
import { commandFor, type KeyContext, type KeyPress } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  inTextEntry: false,
  ...extra,
});
const cashier: KeyContext = { screen: 'cashier', ready: true, demoCustomers: 0 };

describe('commandFor', () => {
  it('maps the till keys, also while the purchase field has the focus', () => {
    expect(commandFor(press('F2', { inTextEntry: true }), cashier)).toEqual({ type: 'accrue' });
    expect(commandFor(press('F4', { inTextEntry: true }), cashier)).toEqual({ type: 'redeem' });
    expect(commandFor(press('Escape', { inTextEntry: true }), cashier)).toEqual({ type: 'newCustomer' });
    expect(commandFor(press('F10'), cashier)).toEqual({ type: 'openManager' });
  });

  it('leaves the manager screen with Esc and ignores the till keys there', () => {
    const manager: KeyContext = { ...cashier, screen: 'manager' };
    expect(commandFor(press('Escape'), manager)).toEqual({ type: 'closeManager' });
    expect(commandFor(press('F2'), manager)).toBeNull();
  });

  it('answers the double-press question yes only with F9; Enter and Esc say no; nothing else applies', () => {
    const asking: KeyContext = { ...cashier, confirming: true, demoCustomers: 3 };
    expect(commandFor(press('F9', { inTextEntry: true }), asking)).toEqual({ type: 'confirmRepeat' });
    expect(commandFor(press('Enter', { inTextEntry: true }), asking)).toEqual({ type: 'cancelRepeat' });
    expect(commandFor(press('Escape'), asking)).toEqual({ type: 'cancelRepeat' });
    for (const key of ['F2', 'F4', 'F10', '2']) expect(commandFor(press(key), asking)).toBeNull();
    expect(commandFor(press('Enter'), cashier)).toBeNull();
  });

  it('opens the camera with F6 unless the manager turned it off; Esc closes it before anything else', () => {
    expect(commandFor(press('F6', { inTextEntry: true }), { ...cashier, camera: true })).toEqual({ type: 'openCamera' });
    expect(commandFor(press('F6'), { ...cashier, camera: false })).toBeNull();
    expect(commandFor(press('F6'), { ...cashier, camera: true, screen: 'manager' })).toBeNull();
    const scanning: KeyContext = { ...cashier, camera: true, cameraOpen: true };
    expect(commandFor(press('Escape'), scanning)).toEqual({ type: 'closeCamera' });
    expect(commandFor(press('F2'), scanning)).toEqual({ type: 'accrue' });
    expect(commandFor(press('Escape'), { ...cashier, camera: true })).toEqual({ type: 'newCustomer' });
  });

  it('does nothing during first run or with a modifier held', () => {
    expect(commandFor(press('F2'), { ...cashier, ready: false })).toBeNull();
    expect(commandFor(press('F2', { ctrlKey: true }), cashier)).toBeNull();
  });

  it('picks a demo customer by digit only outside a field and only when one exists', () => {
    const demo: KeyContext = { ...cashier, demoCustomers: 3 };
    expect(commandFor(press('2'), demo)).toEqual({ type: 'demoScan', index: 1 });
    expect(commandFor(press('2', { inTextEntry: true }), demo)).toBeNull();
    expect(commandFor(press('4'), demo)).toBeNull();
    expect(commandFor(press('2'), cashier)).toBeNull();
  });
});
