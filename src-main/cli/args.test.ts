import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type OptionSpec } from './args';
import { textContaining } from '../../test-support/matchers';

const options: Record<string, OptionSpec> = {
  qr: { type: 'string', description: 'скан' },
  bonuses: { type: 'string', description: 'бонусы' },
  json: { type: 'boolean', description: 'JSON' },
  help: { type: 'boolean', short: 'h', description: 'справка' },
};

describe('parseCommandArgs', () => {
  it('reads options, flags and positionals', () => {
    expect(parseCommandArgs(['--qr', '{"a":1}', '--bonuses=5', '--json', '-h'], options, 0)).toEqual({
      ok: true,
      value: { values: { qr: '{"a":1}', bonuses: '5', json: true, help: true }, positionals: [] },
    });
    expect(parseCommandArgs(['--', '--json'], options, 1)).toEqual({
      ok: true,
      value: { values: {}, positionals: ['--json'] },
    });
  });

  it('takes a value that starts with a dash only when written inline', () => {
    expect(parseCommandArgs(['--bonuses=-5'], options, 0)).toMatchObject({ ok: true, value: { values: { bonuses: '-5' } } });
    expect(parseCommandArgs(['--bonuses', '-5'], options, 0)).toMatchObject({
      ok: false,
      error: { kind: 'input', message: textContaining('--bonuses=<значение>') },
    });
  });

  it.each([
    [['--bogus'], 'Неизвестный параметр --bogus.'],
    [['-x'], 'Неизвестный параметр -x.'],
    [['--qr', 'a', '--qr', 'b'], 'Параметр --qr указан дважды.'],
    [['--qr'], 'У параметра --qr нет значения'],
    [['--json=yes'], 'Параметр --json не принимает значения.'],
    [['stray'], 'Лишний аргумент «stray».'],
  ])('refuses %j in Russian', (args, message) => {
    const parsed = parseCommandArgs(args, options, 0);
    expect(parsed).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(parsed.ok ? '' : parsed.error.message).toContain(message);
  });

  it('asks for quotes when a scan was split into words', () => {
    const parsed = parseCommandArgs(['{"type":', '"Skidkabot"}'], options, 1);
    expect(parsed.ok ? '' : parsed.error.message).toContain('в кавычки');
  });
});
