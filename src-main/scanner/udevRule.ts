import { access } from 'node:fs/promises';
import path from 'node:path';

export const UDEV_RULE_NAME = '70-skidkabot-scanners.rules';

/** Where udev reads rules: the administrator's folder first, then the packages' (the .deb puts it there). */
const UDEV_RULE_DIRS = ['/etc/udev/rules.d', '/usr/lib/udev/rules.d', '/lib/udev/rules.d'] as const;

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

/** A path as one word for sh, whatever it holds. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The commands the manager pastes into a terminal to install the rule shipped at `ruleFile`. An
 * AppImage's files live in a FUSE mount that only its user can read (root gets "Permission denied"),
 * so the rule is first copied out, as that user, to a folder root can read.
 */
export function udevInstallCommands(ruleFile: string | null, fromAppImage: boolean): string {
  const shipped = ruleFile ?? UDEV_RULE_NAME;
  const lines: string[] = [];
  let source = shellWord(shipped);
  if (fromAppImage) {
    const copy = `/tmp/${UDEV_RULE_NAME}`;
    lines.push(`cp ${source} ${copy}`);
    source = copy;
  }
  lines.push(
    `sudo install -m 644 ${source} /etc/udev/rules.d/${UDEV_RULE_NAME}`,
    'sudo udevadm control --reload-rules',
    'sudo udevadm trigger --action=change --subsystem-match=hidraw',
  );
  return lines.join('\n');
}
