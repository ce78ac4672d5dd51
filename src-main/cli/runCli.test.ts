import { describe, expect, it } from 'vitest';
import { appError, type ErrorKind } from '../../src-shared/errors';
import { failed, succeeded, type CliCommand } from './command';
import { runCli } from './runCli';
import { memoryIo } from '../../test-support/cli/memoryIo';
import { textContaining } from '../../test-support/matchers';


const echo: CliCommand = {
  name: 'echo',
  summary: 'повторить слово',
  synopsis: '--word <слово>',
  options: { word: { type: 'string', valueName: '<слово>', description: 'слово' } },
  run(args) {
    const word = args.values.word;
    if (typeof word !== 'string') return Promise.resolve(failed(appError('input', 'Нет слова.')));
    return Promise.resolve(succeeded({ word }, [`Слово: ${word}`]));
  },
};

const failing = (kind: ErrorKind): CliCommand => ({
  name: 'fail',
  summary: 'ошибиться',
  synopsis: '',
  options: {},
  run() {
    return Promise.resolve(failed(appError(kind, 'Не вышло.', kind === 'server' ? 5 : undefined), { tried: true }));
  },
});

const throwing: CliCommand = {
  name: 'throw',
  summary: 'упасть',
  synopsis: '',
  options: {},
  run() {
    return Promise.reject(new Error('broken invariant'));
  },
};

describe('runCli', () => {
  it('prints a command’s lines and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['echo', '--word', 'мир'], [echo], io)).toBe(0);
    expect(io.out).toBe('Слово: мир\n');
    expect(io.err).toBe('');
  });

  it('prints exactly one JSON object with --json, before or after the command', async () => {
    for (const argv of [['--json', 'echo', '--word', 'мир'], ['echo', '--word', 'мир', '--json']]) {
      const io = memoryIo();
      expect(await runCli(argv, [echo], io)).toBe(0);
      expect(JSON.parse(io.out)).toEqual({ ok: true, word: 'мир' });
      expect(io.out.trim().split('\n')).toHaveLength(1);
    }
  });

  it.each([
    ['server', 1],
    ['scan', 2],
    ['vendor', 2],
    ['input', 2],
    ['config', 2],
    ['network', 3],
    ['outcome-unknown', 3],
  ] as const)('exits %s errors with %i and reports them in JSON', async (kind, code) => {
    const io = memoryIo();
    expect(await runCli(['fail', '--json'], [failing(kind)], io)).toBe(code);
    const printed: unknown = JSON.parse(io.out);
    expect(printed).toEqual({
      ok: false,
      tried: true,
      error: kind === 'server' ? { kind, code: 5, message: 'Не вышло.' } : { kind, message: 'Не вышло.' },
    });
  });

  it('puts the error on stderr for a person', async () => {
    const io = memoryIo();
    expect(await runCli(['fail'], [failing('network')], io)).toBe(3);
    expect(io.out).toBe('');
    expect(io.err).toBe('Не вышло.\n');
  });

  it('shows the usage and exits 2 without a command or with an unknown one', async () => {
    for (const argv of [[], ['frobnicate'], ['--verbose', 'echo']]) {
      const io = memoryIo();
      expect(await runCli(argv, [echo], io)).toBe(2);
      expect(io.err).toContain('Использование: skidkabot-kassa <команда>');
      expect(io.err).toContain('echo  повторить слово');
    }
  });

  it('answers an unknown command with one JSON object under --json', async () => {
    const io = memoryIo();
    expect(await runCli(['--json', 'frobnicate'], [echo], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ ok: false, error: { kind: 'input', key: 'cli.unknownCommand', message: textContaining('«frobnicate»') } });
  });

  it('gives help on request and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], [echo], io)).toBe(0);
    expect(io.out).toContain('Команды:');
    const commandIo = memoryIo();
    expect(await runCli(['echo', '-h'], [echo], commandIo)).toBe(0);
    expect(commandIo.out).toContain('Использование: skidkabot-kassa echo --word <слово>');
    expect(commandIo.out).toMatch(/--word <слово>\s+слово/);
  });

  it('refuses a bad option with a pointer to the command’s help', async () => {
    const io = memoryIo();
    expect(await runCli(['echo', '--wrod', 'x'], [echo], io)).toBe(2);
    expect(io.err).toBe('Неизвестный параметр --wrod. Справка: skidkabot-kassa echo --help\n');
  });

  it('turns an exception into an internal error, never a stack trace', async () => {
    const io = memoryIo();
    expect(await runCli(['throw', '--json'], [throwing], io)).toBe(3);
    expect(JSON.parse(io.out)).toMatchObject({
      ok: false,
      error: { kind: 'internal', key: 'internal.unexpected', message: textContaining('broken invariant') },
    });
  });

  it('keeps a long-running command alive until it is done', async () => {
    const events: string[] = [];
    const serving: CliCommand = {
      ...echo,
      name: 'serve',
      run() {
        const keepRunning = (): Promise<void> => {
          events.push('stopped');
          return Promise.resolve();
        };
        return Promise.resolve({ ...succeeded({}, ['Работаю.']), keepRunning });
      },
    };
    const io = memoryIo();
    expect(await runCli(['serve'], [serving], io)).toBe(0);
    expect(io.out).toBe('Работаю.\n');
    expect(events).toEqual(['stopped']);
  });
});
