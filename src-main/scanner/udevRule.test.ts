import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SCANNER_VENDORS } from './deviceCatalog';
import { UDEV_RULE_NAME, udevRuleInstalled } from './udevRule';

const root = path.resolve(import.meta.dirname, '../..');
const rules = readFileSync(path.join(root, 'assets/udev', UDEV_RULE_NAME), 'utf8')
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

  it('ships in the Linux packages: beside the app, and installed by the .deb where udev reads package rules', () => {
    const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      linux: { extraResources: { from: string; to: string }[] };
      deb: { fpm: string[] };
    };
    expect(config.linux.extraResources).toContainEqual(expect.objectContaining({ from: 'assets/udev', to: 'udev' }));
    const mapping = config.deb.fpm.find((arg) => arg.endsWith(`/${UDEV_RULE_NAME}`));
    const [source, target] = (mapping ?? '').split('=');
    expect(readFileSync(path.join(root, source ?? ''), 'utf8')).toContain('TAG+="uaccess"');
    expect(target).toBe(`/usr/lib/udev/rules.d/${UDEV_RULE_NAME}`);
  });
});

describe('udevRuleInstalled', () => {
  it('finds the rule in any of udev’s folders, and says so when it is in none', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'kassa-udev-'));
    try {
      const dirs = [path.join(base, 'etc'), path.join(base, 'usr-lib')];
      await Promise.all(dirs.map((dir) => mkdir(dir)));
      expect(await udevRuleInstalled(dirs)).toBe(false);
      await writeFile(path.join(dirs[1] ?? '', UDEV_RULE_NAME), rules.join('\n'));
      expect(await udevRuleInstalled(dirs)).toBe(true);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
