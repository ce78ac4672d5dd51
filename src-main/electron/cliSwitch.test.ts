import { describe, expect, it } from 'vitest';
import { cliArguments } from './cliSwitch';

describe('cliArguments', () => {
  it('is null for a start of the till', () => {
    expect(cliArguments(['/opt/kassa/skidkabot-kassa'])).toBeNull();
    expect(cliArguments(['/opt/kassa/skidkabot-kassa', '--demo'])).toBeNull();
  });

  it('takes the words after the switch from a packaged app, an unpackaged one and the launchers', () => {
    expect(cliArguments(['skidkabot-kassa', '--cli', 'decode', '{}'])).toEqual(['decode', '{}']);
    expect(cliArguments(['electron', '.', '--cli', '--json', 'doctor'])).toEqual(['--json', 'doctor']);
    expect(cliArguments(['skidkabot-kassa', '--ozone-platform=headless', '--cli', '--', 'balance', '--qr', 'x'])).toEqual(['balance', '--qr', 'x']);
  });

  it("keeps the command line's own `--` and drops only the launcher's", () => {
    expect(cliArguments(['kassa.exe', '--cli', '--', 'decode', '--', '--json'])).toEqual(['decode', '--', '--json']);
    expect(cliArguments(['kassa.exe', '--cli'])).toEqual([]);
  });
});
