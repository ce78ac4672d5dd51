import type { JournalFilter } from '../../src-shared/journal/schemas';
import type { OperationKind } from '../../src-shared/skidkabot/types';

/** The journal's filters as the manager types them. Empty register and customer mean «all». */
export interface JournalForm {
  day: string;
  kassa: string;
  customer: string;
  kind: OperationKind | 'all';
}

export type JournalQuery =
  | { ok: true; list: JournalFilter & { day: string }; day: { day: string; kassa: number | null } }
  | { ok: false; errors: { kassa?: true; customer?: true; day?: true } };

const DIGITS = /^\d{1,15}$/;

/** The day `delta` days from `day` (YYYY-MM-DD) on the local calendar; `day` itself when it is not a date. */
export function shiftDay(day: string, delta: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + delta);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What the form asks main for: the list with every filter, the shift report for the day and register. */
export function queryFromForm(form: JournalForm): JournalQuery {
  const errors: { kassa?: true; customer?: true; day?: true } = {};
  const kassaText = form.kassa.trim();
  const customerText = form.customer.replace(/\s+/g, '');
  const kassa = kassaText === '' ? null : DIGITS.test(kassaText) && Number(kassaText) >= 1 ? Number(kassaText) : undefined;
  const client = customerText === '' ? null : DIGITS.test(customerText) ? Number(customerText) : undefined;
  if (kassa === undefined) errors.kassa = true;
  if (client === undefined) errors.customer = true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.day)) errors.day = true;
  if (kassa === undefined || client === undefined || errors.day) return { ok: false, errors };
  const list: JournalFilter & { day: string } = { day: form.day };
  if (kassa !== null) list.kassa = kassa;
  if (client !== null) list.client = client;
  if (form.kind !== 'all') list.kind = form.kind;
  return { ok: true, list, day: { day: form.day, kassa } };
}
