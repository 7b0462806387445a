/**
 * The pieces of a LinkedIn `Connections.csv` export (the format is described in `linkedin.ts`):
 * finding the header line after LinkedIn's "Notes:" preamble, reading its dates, and making ids
 * from profile addresses and names.
 *
 * @module
 */
import { parseCsv } from './csv-text.js';

/** The columns of LinkedIn's `Connections.csv`, in the order LinkedIn writes them. */
export const LINKEDIN_COLUMNS = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
] as const;
/** A column of LinkedIn's `Connections.csv`. */
export type LinkedInColumn = (typeof LINKEDIN_COLUMNS)[number];

/** Columns an export may lack: exports before 2020 had no `URL`; emails are often hidden. */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['URL', 'Email Address']);

/** Where the header line starts in the text, and its 1-based line number. */
export interface HeaderPlace {
  readonly offset: number;
  readonly line: number;
}

/** Whether one line of text is the header: its fields include First Name and Last Name. */
function isHeader(line: string): boolean {
  if (!line.includes('First Name')) return false;
  const fields = parseCsv(line).rows[0]?.fields.map((field) => field.trim()) ?? [];
  return fields.includes('First Name') && fields.includes('Last Name');
}

/**
 * The header line of a LinkedIn export: the first line whose fields include `First Name` and
 * `Last Name`, looking at most `maxLines` lines in. Whatever comes before it (LinkedIn's
 * "Notes:" preamble) is not data.
 */
export function findHeader(
  text: string,
  maxLines = Number.POSITIVE_INFINITY,
): HeaderPlace | undefined {
  const breaks = /\r\n|\r|\n/g;
  let offset = 0;
  let line = 1;
  while (line <= maxLines) {
    const found = breaks.exec(text);
    const end = found === null ? text.length : found.index;
    if (isHeader(text.slice(offset, end))) return { offset, line };
    if (found === null) return undefined;
    offset = found.index + found[0].length;
    line++;
  }
  return undefined;
}

/** Whether the text starts like a LinkedIn export: the "Notes:" preamble or the header. */
export function looksLikeLinkedIn(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /^"?Notes:/.test(start) || findHeader(start.slice(0, 16_384), 20) !== undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDay(year: number, month: number, day: number): string | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1000) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * A `Connected On` date as an ISO 8601 calendar date: `12 Mar 2024` (day, English month name or
 * its first three letters, year; LinkedIn's form) or `2024-03-12`. `undefined` when it is
 * neither, or names a day that does not exist (`31 Feb 2024`).
 */
export function parseConnectedOn(text: string): string | undefined {
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const name = (dmy[2] as string).toLowerCase();
    const index = MONTHS.findIndex(
      (m) => m === name || m.slice(0, 3) === name || (name === 'sept' && m === 'september'),
    );
    return index < 0 ? undefined : isoDay(Number(dmy[3]), index + 1, Number(dmy[1]));
  }
  const iso = ISO_DAY.exec(text);
  return iso ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}

/**
 * A slug of a name: accents removed, lower case, every run of characters other than letters
 * and digits (any script) made one `-`, none at either end. `Zoë O'Brien, PhD` -> `zoe-o-brien-phd`.
 * Text with no letter or digit is its own slug, trimmed and in lower case.
 */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? text.trim().toLowerCase() : slug;
}

/**
 * The handle of a LinkedIn profile address, decoded and in lower case: the part after `/in/`
 * (`https://www.linkedin.com/in/jane-doe-1a2b3c` -> `jane-doe-1a2b3c`), or else the last part of
 * the path; `undefined` for text that is not an http(s) address with a path.
 */
export function profileHandle(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const parts = parsed.pathname.split('/').filter((part) => part !== '');
  const at = parts.indexOf('in');
  const raw = at >= 0 && at + 1 < parts.length ? parts[at + 1] : parts[parts.length - 1];
  if (raw === undefined) return undefined;
  let handle = raw;
  try {
    handle = decodeURIComponent(raw);
  } catch {
    // A stray % is part of the handle.
  }
  handle = handle.trim().toLowerCase();
  return handle === '' ? undefined : handle;
}

/** Hands out ids: the wanted one if free, else `<id>-2`, `<id>-3`, ... in the order asked. */
export class IdPool {
  readonly #used = new Set<string>();
  /** For each id asked for, the first suffix not yet known to be taken (ids are never freed). */
  readonly #nextSuffix = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.#used.add(id);
  }

  take(wanted: string): string {
    let id = wanted;
    // Resuming where the last search for `wanted` stopped keeps n people of one name linear,
    // not quadratic (20,000 rows of "Jo Smith" took over a minute).
    for (let n = this.#nextSuffix.get(wanted) ?? 2; this.#used.has(id); n++) {
      id = `${wanted}-${n}`;
      this.#nextSuffix.set(wanted, n + 1);
    }
    this.#used.add(id);
    return id;
  }
}
