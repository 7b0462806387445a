/**
 * ISO 8601 dates as the model accepts them: a calendar date (`2024-03-01`, read as midnight UTC)
 * or a date-time with an explicit zone (`2024-03-01T09:30:00Z`, `...+01:00`). A time without a
 * zone is refused, because reading it in the machine's local zone would make results depend on
 * where they were computed.
 */

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Why `text` is not an accepted date, or `undefined` when it is one. */
export function dateProblem(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) {
    return 'must be an ISO 8601 date such as "2024-03-01" or "2024-03-01T09:30:00Z"';
  }
  const [, y, mo, d, h, mi, s, , zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `has month ${mo}, which is not 01 to 12`;
  const maxDay = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > maxDay) return `has day ${d}, which is not in ${y}-${mo}`;
  if (h !== undefined) {
    if (zone === undefined) return 'has a time but no zone: add "Z" or an offset such as "+01:00"';
    if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) {
      return 'has a time of day out of range';
    }
    if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) {
      return 'has a zone offset out of range';
    }
  }
  return undefined;
}

/** Milliseconds since the epoch for an accepted date (see {@link dateProblem}). */
export function dateToTime(text: string): number {
  return text.length === 10 ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
}

/** Whole days (possibly fractional) from `from` to `to`, both epoch milliseconds. */
export function daysBetween(from: number, to: number): number {
  return (to - from) / 86_400_000;
}

/** The calendar date (`YYYY-MM-DD`, UTC) of an epoch time. */
export function timeToDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
