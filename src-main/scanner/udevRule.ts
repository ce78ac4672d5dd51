import { access } from 'node:fs/promises';
import path from 'node:path';

export const UDEV_RULE_NAME = '70-skidkabot-scanners.rules';

/** Where udev reads rules: the administrator's folder first, then the packages' (the .deb puts it there). */
export const UDEV_RULE_DIRS = ['/etc/udev/rules.d', '/usr/lib/udev/rules.d', '/lib/udev/rules.d'] as const;

/** Whether our rule is installed in any of `dirs`, so the manager is told to install it only when it is not. */
export async function udevRuleInstalled(dirs: readonly string[] = UDEV_RULE_DIRS): Promise<boolean> {
  for (const dir of dirs) {
    try {
      await access(path.join(dir, UDEV_RULE_NAME));
      return true;
    } catch {
      // Not in this folder: look in the next.
    }
  }
  return false;
}
