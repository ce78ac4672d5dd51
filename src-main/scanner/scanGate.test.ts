import { describe, expect, it } from 'vitest';
import { ScanGate } from './scanGate';

describe('ScanGate', () => {
  it('passes one copy of a scan read both from the device and from the window', () => {
    const gate = new ScanGate();
    expect(gate.accept('{"a":1}', 'device', 1000)).toBe(true);
    expect(gate.accept('{"a":1}', 'window', 1020)).toBe(false);
    expect(gate.accept('{"a":1}', 'window', 9000)).toBe(true);
  });

  it('whichever copy comes first wins', () => {
    const gate = new ScanGate();
    expect(gate.accept('{"a":1}', 'window', 1000)).toBe(true);
    expect(gate.accept('{"a":1}', 'device', 1005)).toBe(false);
  });

  it('lets a deliberate rescan and a different scan through', () => {
    const gate = new ScanGate();
    expect(gate.accept('{"a":1}', 'device', 1000)).toBe(true);
    expect(gate.accept('{"a":1}', 'device', 1200)).toBe(true);
    expect(gate.accept('{"b":2}', 'window', 1300)).toBe(true);
  });
});
