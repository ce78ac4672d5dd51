import type { ScanEnd } from './scanAssembler';
import type { ScanMode } from './reportStream';

/** How a scan came in and how its end was seen, in the words the CLI and the manager screen use. */
export const MODE_LABELS: Record<ScanMode, string> = { 'hid-pos': 'HID POS', keyboard: 'клавиатура' };

export const END_LABELS: Record<ScanEnd, string> = {
  json: 'по закрывающей скобке',
  suffix: 'по Enter/Tab',
  continuation: 'по флагу конца',
  gap: 'по паузе',
};
