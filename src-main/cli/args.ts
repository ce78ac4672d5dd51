import { parseArgs } from 'node:util';
import { codedError, type AppError, type Result } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in the help after the option name, e.g. `<N>`. */
  valueName?: string;
  /** One Russian line for the help. */
  description: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * node's parseArgs, with every complaint in Russian: its own strict mode throws English messages,
 * so it runs lenient here and the tokens are checked one by one.
 */
export function parseCommandArgs(
  args: readonly string[],
  options: Record<string, OptionSpec>,
  maxPositionals: number,
): Result<ParsedArgs> {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(
      Object.entries(options).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) return usageError('cli.unknownOption', { option: token.rawName });
    if (seen.has(token.name)) return usageError('cli.optionTwice', { option: token.rawName });
    seen.add(token.name);
    if (spec.type === 'boolean' && token.value !== undefined) {
      return usageError('cli.optionNoValue', { option: token.rawName });
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return usageError('cli.optionNeedsValue', { option: token.rawName });
    }
  }
  if (positionals.length > maxPositionals) {
    return usageError(
      'cli.extraArgument',
      maxPositionals === 0 ? { value: clip(positionals[0] ?? '') } : { value: clip(positionals[maxPositionals] ?? ''), quote: 1 },
    );
  }
  return { ok: true, value: { values, positionals } };
}

function usageError(key: MessageKey, params: MessageParams): { ok: false; error: AppError } {
  return { ok: false, error: codedError('input', key, params) };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
