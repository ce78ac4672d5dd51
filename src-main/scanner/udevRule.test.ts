import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCANNER_VENDORS } from './deviceCatalog';

const rules = readFileSync(new URL('../../assets/udev/70-skidkabot-scanners.rules', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe('udev rule', () => {
  it('grants the desktop user every known scanner vendor, for hidraw and for the USB node', () => {
    for (const vendorId of SCANNER_VENDORS.keys()) {
      const vid = vendorId.toString(16).padStart(4, '0');
      expect(rules, vid).toContain(`SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${vid}", TAG+="uaccess"`);
      expect(rules, vid).toContain(`SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ATTR{idVendor}=="${vid}", TAG+="uaccess"`);
    }
  });

  it('grants nothing else and never opens a device to everyone', () => {
    expect(rules).toHaveLength(SCANNER_VENDORS.size * 2);
    expect(rules.join('\n')).not.toMatch(/MODE|GROUP/);
  });
});
