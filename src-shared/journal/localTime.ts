/**
 * The journal keeps the shop's local time: a shift, a day's report and a month file all follow the
 * clock on the wall, not UTC. These helpers read the local zone of the process that calls them.
 */

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `2025-03-14T10:22:31.123+03:00`: the local wall time with its offset, so Date.parse gets the instant back. */
export function localIso(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `YYYY-MM-DD` of a local ISO time written by localIso. */
export function dayOfIso(at: string): string {
  return at.slice(0, 10);
}

/** `YYYY-MM` of a local ISO time written by localIso. */
export function monthOfIso(at: string): string {
  return at.slice(0, 7);
}

/** The local hour (0–23) of a local ISO time written by localIso. */
export function hourOfIso(at: string): number {
  return Number(at.slice(11, 13));
}

export function localDay(ms: number): string {
  return dayOfIso(localIso(ms));
}

export function localMonth(ms: number): string {
  return monthOfIso(localIso(ms));
}

/** True for a real calendar day written as YYYY-MM-DD (rejects 2025-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(year, month - 1, date);
  return probe.getFullYear() === year && probe.getMonth() === month - 1 && probe.getDate() === date;
}
