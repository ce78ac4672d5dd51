import { describe, expect, it } from 'vitest';
import { commandsFor } from './cliMain';

describe('commandsFor', () => {
  it('loads only the command the line names, wherever the global flags stand', async () => {
    expect((await commandsFor(['decode', '{}'])).map((c) => c.name)).toEqual(['decode']);
    expect((await commandsFor(['--json', 'balance', '--qr', 'x'])).map((c) => c.name)).toEqual(['balance']);
  });

  it('loads every command, in the help order, for the list, a typo or an inherited property name', async () => {
    const all = ['decode', 'balance', 'accrue', 'redeem', 'checkout', 'simulator', 'doctor', 'scanners', 'journal'];
    expect((await commandsFor(['--help'])).map((c) => c.name)).toEqual(all);
    expect((await commandsFor(['decod'])).map((c) => c.name)).toEqual(all);
    expect((await commandsFor(['constructor'])).map((c) => c.name)).toEqual(all);
  });
});
