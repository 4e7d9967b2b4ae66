import { RareEarthsError } from '../errors/index.js';
import type { Stage } from '../model/index.js';

/**
 * Who reported a trade record: the importing country (UN Comtrade flow `M`), the exporting
 * country (flow `X`), or a reconciliation of both (CEPII BACI).
 *
 * @category Trade
 */
export type TradeReporter = 'importer' | 'exporter' | 'reconciled';

/**
 * The names a trade file gives the two countries of a flow.
 *
 * @category Trade
 */
export interface TradeNames {
  /** The exporter's name. */
  readonly exporter?: string;
  /** The importer's name. */
  readonly importer?: string;
}

/**
 * One row of a trade file that an import keeps, in the library's units: quantity in tonnes and
 * value in US dollars, both as exact decimal strings converted from the file's units (Comtrade
 * kg → t; BACI thousand US$ → US$) without rounding.
 *
 * @category Trade
 */
export interface TradeRecord {
  /** The year of the flow. */
  readonly year: number;
  /** The exporting country (ISO 3166-1 alpha-3), or `'other'` for an unallocated partner. */
  readonly exporter: string;
  /** The importing country (ISO alpha-3). */
  readonly importer: string;
  /** The country's name as the file gives it (Comtrade's `…Desc`, BACI's country table). */
  readonly names: TradeNames;
  /** Whose report this is. */
  readonly reportedBy: TradeReporter;
  /** The HS6 code with its dot, e.g. `'2846.90'`. */
  readonly hs: string;
  /** The stage whose product the code carries. */
  readonly stage?: Stage;
  /** The code's words. */
  readonly description: string;
  /** The product whose mass `quantity` is. */
  readonly product: string;
  /** Net weight in tonnes (t), exact; absent when the file gives none. */
  readonly quantity?: string;
  /** Whether the file flags the weight as estimated (Comtrade `isNetWgtEstimated`). */
  readonly quantityEstimated?: boolean;
  /** Value in US dollars, exact; absent when the file gives none. */
  readonly value?: string;
  /** How the value is measured: `'CIF'` (imports), `'FOB'` (exports and BACI). */
  readonly valueBasis: 'CIF' | 'FOB';
  /** The file's name, as given to the reader. */
  readonly file: string;
  /** The line of the file the record starts on (1 = the header). */
  readonly line: number;
}

/**
 * What a reader did with a file: rows read, rows kept, rows left out and why. Every row left
 * out is counted under its reason, so nothing is dropped unseen.
 *
 * @category Trade
 */
export interface TradeReadSummary {
  /** The file's name. */
  readonly file: string;
  /** `'comtrade'` or `'baci'`. */
  readonly format: 'comtrade' | 'baci';
  /** Data rows read (the header excluded). */
  readonly rows: number;
  /** Rows kept as {@link TradeRecord}s. */
  readonly kept: number;
  /** Rows left out, by reason (e.g. `'HS code not kept'`, `'partner is World'`). */
  readonly skipped: Readonly<Record<string, number>>;
  /** Kept rows without a quantity (BACI `q` = NA, Comtrade empty `netWgt`). */
  readonly withoutQuantity: number;
  /** Kept rows whose weight the file flags as estimated. */
  readonly estimatedQuantity: number;
}

/** A reader's place in the file, for errors. @internal */
export interface RowPlace {
  readonly fn: string;
  readonly file: string;
  readonly line: number;
}

/** @internal */
export function rowError(place: RowPlace, column: string, message: string): never {
  throw new RareEarthsError(place.fn, 'invalid-input', [
    { path: [place.file, `line ${place.line}`, column], message },
  ]);
}

const DECIMAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A non-negative decimal field times 10^power, exactly, as a decimal string (`'12345.6'`, −3 →
 * `'12.3456'`). Refuses a negative or non-numeric field, naming its line and column.
 *
 * @internal
 */
export function scaledDecimal(
  text: string,
  power: number,
  place: RowPlace,
  column: string,
): string {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed);
  if (match === null || trimmed === '' || trimmed === '.' || /^\.?[eE]/.test(trimmed)) {
    const negative = /^-\s*\d/.test(trimmed);
    return rowError(
      place,
      column,
      negative
        ? `expected a non-negative number, got ${trimmed}`
        : `expected a number, got ${JSON.stringify(text)}`,
    );
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0') + power;
  const digits = `${whole}${fraction}`;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = `${digits}${'0'.repeat(point - digits.length)}`;
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (result.includes('.')) result = result.replace(/0+$/, '').replace(/\.$/, '');
  result = result.replace(/^0+(?=\d)/, '');
  return result === '' ? '0' : result;
}

/** The header's columns by lower-cased name → index; refuses a missing required one. @internal */
export function headerIndex(
  header: readonly string[],
  required: readonly string[],
  fn: string,
  file: string,
  layout: string,
): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, column) => {
    index.set(name.trim().toLowerCase(), column);
  });
  const missing = required.filter((name) => !index.has(name.toLowerCase()));
  if (missing.length > 0) {
    const delimiterHint =
      header.length === 1 && /[;\t|]/.test(header[0] ?? '')
        ? ` The header is one field holding ${JSON.stringify((/[;\t|]/.exec(header[0] ?? '') ?? [''])[0])}: is the file separated by another delimiter? Pass \`delimiter\`.`
        : '';
    throw new RareEarthsError(fn, 'invalid-input', [
      {
        path: [file, 'line 1'],
        message: `expected the ${layout} columns ${missing.map((name) => JSON.stringify(name)).join(', ')}, got a header without them.${delimiterHint}`,
      },
    ]);
  }
  return index;
}

/** Whether a year falls outside the range asked for (bounds inclusive, each optional). @internal */
export function outsideYears(
  years: { readonly from?: number; readonly to?: number } | undefined,
  year: number,
): boolean {
  return (
    (years?.from !== undefined && year < years.from) || (years?.to !== undefined && year > years.to)
  );
}

/** Counts a skipped row under its reason. @internal */
export function countSkip(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Refuses a second record of the same flow, naming both lines. @internal */
export function checkDuplicate(seen: Map<string, number>, key: string, place: RowPlace): void {
  const first = seen.get(key);
  if (first !== undefined) {
    throw new RareEarthsError(place.fn, 'invalid-input', [
      {
        path: [place.file, `line ${place.line}`],
        message: `expected one row per flow, got a duplicate of line ${first} (${key.replaceAll('|', ', ')})`,
      },
    ]);
  }
  seen.set(key, place.line);
}
