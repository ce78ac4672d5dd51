import type { Result } from '../../src-shared/errors';
import { codedError } from '../../src-shared/errors';
import type { MessageKey } from '../../src-shared/messages/messages';
import type { KeyboardLayout, PosLayout, ReportLayout } from './reportLayout';

/** One input value of a report, as the descriptor declares it. Usages are (page << 16) | id. */
export interface InputElement {
  reportId: number | null;
  /** Bit position in the report as delivered, report ID byte included. */
  bitOffset: number;
  bitSize: number;
  usage: number;
  constant: boolean;
}

export interface ParsedDescriptor {
  inputs: InputElement[];
  /** Usages of the top-level (application) collections: 0x008C0002 scanner, 0x00010006 keyboard. */
  applications: number[];
  usesReportIds: boolean;
}

const usage = (page: number, id: number): number => page * 0x10000 + id;
export const USAGE_KEYBOARD = usage(0x01, 0x06);
export const USAGE_BARCODE_SCANNER = usage(0x8c, 0x02);
const BYTE_COUNT_USAGES = [usage(0x01, 0x3b), usage(0x8c, 0x3b)];
const SYMBOLOGY_USAGES = [usage(0x8c, 0xfb), usage(0x8c, 0xfc), usage(0x8c, 0xfd)];
const DECODED_DATA = usage(0x8c, 0xfe);
const DATA_CONTINUED = usage(0x8c, 0xff);
const KEYBOARD_PAGE = 0x07;

/** Real descriptors hold a few hundred values; these caps keep a hostile one from eating memory. */
const MAX_ELEMENTS = 4096;
const MAX_USAGE_RANGE = 1024;

interface Globals {
  usagePage: number;
  reportSize: number;
  reportCount: number;
  reportId: number | null;
}

function fail(key: MessageKey): Result<ParsedDescriptor> {
  return { ok: false, error: codedError('input', key) };
}

/**
 * Parses a HID report descriptor (short items; long items skipped) into the input values each
 * report carries, enough to find where a HID POS scanner puts its data. Never throws: a truncated
 * or absurd descriptor is an error result.
 */
export function parseReportDescriptor(bytes: Uint8Array): Result<ParsedDescriptor> {
  let globals: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: null };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMin: number | null = null;
  const inputs: InputElement[] = [];
  const inputBits = new Map<number | null, number>();
  const applications: number[] = [];
  let depth = 0;
  let usesReportIds = false;

  let pos = 0;
  while (pos < bytes.length) {
    const prefix = bytes[pos] ?? 0;
    if (prefix === 0xfe) {
      // Long item: size byte, tag byte, data.
      const size = bytes[pos + 1];
      if (size === undefined) return fail('scanner.descriptorTorn');
      pos += 3 + size;
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03] ?? 0;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (pos + 1 + size > bytes.length) return fail('scanner.descriptorTorn');
    let value = 0;
    for (let i = size - 1; i >= 0; i -= 1) value = value * 256 + (bytes[pos + 1 + i] ?? 0);
    pos += 1 + size;
    const withPage = (id: number): number => (size === 4 ? value : usage(globals.usagePage, id));

    if (type === 1) {
      if (tag === 0) globals = { ...globals, usagePage: value };
      else if (tag === 7) globals = { ...globals, reportSize: value };
      else if (tag === 8) {
        globals = { ...globals, reportId: value };
        usesReportIds = true;
      } else if (tag === 9) globals = { ...globals, reportCount: value };
      else if (tag === 10) stack.push(globals);
      else if (tag === 11) globals = stack.pop() ?? globals;
    } else if (type === 2) {
      if (tag === 0) usages.push(withPage(value));
      else if (tag === 1) usageMin = withPage(value);
      else if (tag === 2 && usageMin !== null) {
        const max = withPage(value);
        if (max - usageMin > MAX_USAGE_RANGE) return fail('scanner.descriptorFake');
        for (let u = usageMin; u <= max; u += 1) usages.push(u);
        usageMin = null;
      }
    } else if (type === 0) {
      if (tag === 8) {
        const count = globals.reportCount;
        if (inputs.length + count > MAX_ELEMENTS || globals.reportSize > 32) {
          return fail('scanner.descriptorFake');
        }
        const start = inputBits.get(globals.reportId) ?? (globals.reportId === null ? 0 : 8);
        const constant = (value & 0x01) !== 0;
        const variable = (value & 0x02) !== 0;
        for (let i = 0; i < count; i += 1) {
          // A variable item gives each value its own usage, the last one repeating; an array item's
          // values are indexes into the whole list, so each takes the first usage as its name.
          const own = variable ? usages[Math.min(i, usages.length - 1)] : usages[0];
          inputs.push({
            reportId: globals.reportId,
            bitOffset: start + i * globals.reportSize,
            bitSize: globals.reportSize,
            usage: own ?? 0,
            constant,
          });
        }
        inputBits.set(globals.reportId, start + count * globals.reportSize);
      } else if (tag === 10) {
        if (depth === 0 && value === 0x01) applications.push(usages[0] ?? 0);
        depth += 1;
      } else if (tag === 12) {
        depth = Math.max(0, depth - 1);
      }
      usages = [];
      usageMin = null;
    }
  }
  return { ok: true, value: { inputs, applications, usesReportIds } };
}

function byteAligned(elements: InputElement[]): boolean {
  return elements.every((e) => e.bitSize === 8 && e.bitOffset % 8 === 0);
}

/** A run of consecutive byte-sized elements: its first byte and length, or null when it is not one. */
function byteRun(elements: InputElement[]): { offset: number; size: number } | null {
  const first = elements[0];
  if (!first || !byteAligned(elements)) return null;
  const offset = first.bitOffset / 8;
  return elements.every((e, i) => e.bitOffset / 8 === offset + i) ? { offset, size: elements.length } : null;
}

/** The HID POS layout a descriptor declares: data, byte count, symbology and continuation flag. */
export function posLayoutFromDescriptor(parsed: ParsedDescriptor): PosLayout | null {
  const dataElements = parsed.inputs.filter((e) => e.usage === DECODED_DATA && !e.constant);
  const reportId = dataElements[0]?.reportId ?? null;
  const inReport = parsed.inputs.filter((e) => e.reportId === reportId && !e.constant);
  const data = byteRun(dataElements.filter((e) => e.reportId === reportId));
  if (!data) return null;
  const count = inReport.find((e) => BYTE_COUNT_USAGES.includes(e.usage) && e.bitSize === 8 && e.bitOffset % 8 === 0);
  const symbology = byteRun(inReport.filter((e) => SYMBOLOGY_USAGES.includes(e.usage)));
  const continued = inReport.find((e) => e.usage === DATA_CONTINUED);
  return {
    kind: 'hid-pos',
    source: 'report descriptor',
    reportId,
    length: count ? { offset: count.bitOffset / 8 } : null,
    data,
    symbology,
    continued: continued ? { offset: Math.floor(continued.bitOffset / 8), mask: 1 << continued.bitOffset % 8 } : null,
  };
}

/** A keyboard collection's boot-style report: which report ID precedes it, if any. */
function keyboardLayoutFromDescriptor(parsed: ParsedDescriptor): KeyboardLayout | null {
  if (!parsed.applications.includes(USAGE_KEYBOARD)) return null;
  const key = parsed.inputs.find((e) => Math.floor(e.usage / 0x10000) === KEYBOARD_PAGE);
  if (!key) return null;
  return { kind: 'keyboard', source: 'report descriptor', reportId: key.reportId };
}

/** What the descriptor says to read: HID POS data first, a keyboard otherwise. */
export function layoutFromDescriptor(bytes: Uint8Array): ReportLayout | null {
  const parsed = parseReportDescriptor(bytes);
  if (!parsed.ok) return null;
  return posLayoutFromDescriptor(parsed.value) ?? keyboardLayoutFromDescriptor(parsed.value);
}
