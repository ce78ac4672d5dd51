import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SCANNER_VENDORS } from './deviceCatalog';
import { UDEV_RULE_NAME, udevInstallCommands, udevRuleInstalled } from './udevRule';

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
    // One mapping per file: a filtered folder mapping lost the README (the packed app is checked in packagedApp.test.ts).
    expect(config.linux.extraResources).toContainEqual({ from: `assets/udev/${UDEV_RULE_NAME}`, to: `udev/${UDEV_RULE_NAME}` });
    expect(config.linux.extraResources).toContainEqual({ from: 'assets/udev/README.md', to: 'udev/README.md' });
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

describe('udevInstallCommands', () => {
  /** Runs the commands with `sudo` replaced by a stub that only writes down what it was asked. */
  async function runWithStubSudo(commands: string): Promise<string[]> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-sudo-'));
    try {
      await writeFile(path.join(dir, 'sudo'), `#!/bin/sh\nprintf '%s|' "$@" >> '${dir}/log'\necho >> '${dir}/log'\n`);
      await chmod(path.join(dir, 'sudo'), 0o755);
      await promisify(execFile)('sh', ['-e', '-c', commands], { env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}` } });
      return (await readFile(path.join(dir, 'log'), 'utf8')).trim().split('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('installs straight from the shipped file when root can read it (unpacked app, deb)', async () => {
    const commands = udevInstallCommands('/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules', false);
    expect(commands.split('\n')[0]).toBe("sudo install -m 644 '/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules' /etc/udev/rules.d/70-skidkabot-scanners.rules");
    expect(await runWithStubSudo(commands)).toEqual([
      'install|-m|644|/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules|/etc/udev/rules.d/70-skidkabot-scanners.rules|',
      'udevadm|control|--reload-rules|',
      'udevadm|trigger|--action=change|--subsystem-match=hidraw|',
    ]);
  });

  it("copies the rule out of an AppImage's mount as the user first, then installs the copy as root", async () => {
    const mount = await mkdtemp(path.join(os.tmpdir(), ".mount_Kassa'$(touch pwned) "));
    try {
      const shipped = path.join(mount, UDEV_RULE_NAME);
      await writeFile(shipped, 'SUBSYSTEM=="hidraw", TAG+="uaccess"\n');
      const sudo = await runWithStubSudo(udevInstallCommands(shipped, true));
      expect(sudo[0]).toBe(`install|-m|644|/tmp/${UDEV_RULE_NAME}|/etc/udev/rules.d/${UDEV_RULE_NAME}|`);
      expect(await readFile(`/tmp/${UDEV_RULE_NAME}`, 'utf8')).toBe('SUBSYSTEM=="hidraw", TAG+="uaccess"\n');
      await expect(readFile(path.join(process.cwd(), 'pwned'))).rejects.toThrow();
    } finally {
      await rm(mount, { recursive: true, force: true });
      await rm(`/tmp/${UDEV_RULE_NAME}`, { force: true });
    }
  });
});
