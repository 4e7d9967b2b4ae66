import { RareEarthsError } from '../errors/index.js';
import { codeTable } from './codes.js';
import type { TradeReadOptions } from './comtrade.js';
import { csvBlocks, type TradeSource } from './csv.js';
import {
  checkDuplicate,
  countSkip,
  headerIndex,
  outsideYears,
  type RowPlace,
  rowError,
  scaledDecimal,
  type TradeReadSummary,
  type TradeRecord,
} from './records.js';

/**
 * BACI's country table: its numeric country code → the ISO alpha-3 code and name.
 *
 * @category Trade
 */
export type BaciCountries = ReadonlyMap<number, BaciCountry>;

/**
 * One country of BACI's country table.
 *
 * @category Trade
 */
export interface BaciCountry {
  /** ISO 3166-1 alpha-3 code, e.g. `'CHN'`. */
  readonly iso3: string;
  /** The name as the table gives it. */
  readonly name: string;
}

/**
 * Reads the country table that comes with a BACI release (`country_codes_V2025…csv`: columns
 * `country_code`, `country_name`, `country_iso3`, and in older releases
 * `country_name_abbreviation` and `iso_3digit_alpha`), streaming.
 *
 * Format: CEPII, BACI documentation (the country-code file of each release).
 *
 * @category Trade
 * @param source - the file, as any {@link TradeSource}
 * @param options - `file`, its name for errors (default `'country_codes.csv'`)
 * @returns the table, numeric code → ISO alpha-3 and name
 * @throws {@link index!RareEarthsError} (`invalid-input`) for a missing column, a code that is not a
 *   whole number, an ISO code that is not three letters, or a code listed twice (with its line)
 * @example
 * ```ts
 * import { readBaciCountries } from 'rare-earths/trade';
 *
 * const table = await readBaciCountries('country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n');
 * table.get(156); // => { iso3: 'CHN', name: 'China' }
 * ```
 */
export async function readBaciCountries(
  source: TradeSource,
  options: { readonly file?: string } = {},
): Promise<BaciCountries> {
  const fn = 'readBaciCountries';
  const file = options.file ?? 'country_codes.csv';
  const table = new Map<number, { iso3: string; name: string }>();
  const lines = new Map<number, number>();
  let code: number | undefined;
  let iso: number | undefined;
  let name: number | undefined;
  for await (const block of csvBlocks(source, ',', { fn, file })) {
    let start = 0;
    if (code === undefined) {
      const header = block.rows[0];
      if (header === undefined) continue;
      const lower = header.map((column) => column.trim().toLowerCase());
      const isoColumn = lower.includes('country_iso3') ? 'country_iso3' : 'iso_3digit_alpha';
      const nameColumn = lower.includes('country_name')
        ? 'country_name'
        : 'country_name_abbreviation';
      const index = headerIndex(
        header,
        ['country_code', isoColumn, nameColumn],
        fn,
        file,
        'BACI country-code',
      );
      code = index.get('country_code') as number;
      iso = index.get(isoColumn) as number;
      name = index.get(nameColumn) as number;
      start = 1;
    }
    for (let r = start; r < block.rows.length; r += 1) {
      const row = block.rows[r] as readonly string[];
      const place: RowPlace = { fn, file, line: block.lines[r] ?? 0 };
      const numeric = (row[code] ?? '').trim();
      const iso3 = (row[iso as number] ?? '').trim();
      if (!/^\d+$/.test(numeric))
        rowError(place, 'country_code', `expected a whole number, got ${JSON.stringify(numeric)}`);
      if (!/^[A-Z]{3}$/.test(iso3))
        rowError(
          place,
          'country_iso3',
          `expected an ISO alpha-3 code, got ${JSON.stringify(iso3)}`,
        );
      const key = Number(numeric);
      const first = lines.get(key);
      if (first !== undefined)
        rowError(
          place,
          'country_code',
          `expected each code once, got ${key} again (first on line ${first})`,
        );
      lines.set(key, place.line);
      table.set(key, { iso3, name: (row[name as number] ?? '').trim() });
    }
  }
  if (code === undefined)
    rowError({ fn, file, line: 1 }, 'header', 'expected a header row, got an empty file');
  return table;
}

/**
 * Options for {@link readBaci}.
 *
 * @category Trade
 */
export interface ReadBaciOptions extends TradeReadOptions {
  /** The release's country table ({@link readBaciCountries}); BACI names countries by number. */
  readonly countries: BaciCountries;
}

const MISSING = /^(NA|)$/;

/**
 * Reads a CEPII BACI file (`t, i, j, k, v, q`: year, exporter and importer as BACI numeric
 * codes, HS6 product, value in thousands of US$, quantity in tonnes), streaming, and yields the
 * rows of the kept HS codes as {@link TradeRecord}s: each a reconciled flow (BACI reconciles
 * the exporter's and the importer's reports and values flows FOB), value converted thousand
 * US$ → US$ exactly, quantity kept in tonnes (`NA`, missing in about 2% of BACI rows, gives a
 * record without quantity, counted in the summary). Memory holds one block of the file.
 *
 * Format: Gaulier & Zignago (2010), "BACI: International Trade Database at the Product-Level",
 * CEPII Working Paper 2010-23, and the release's readme (variables t, i, j, k, v, q).
 *
 * @category Trade
 * @param source - the file, as any {@link TradeSource}
 * @param options - `countries` (required), `file`, `codes`, `years`, `delimiter`, `onProgress`
 * @returns an async generator of records; its return value is the {@link TradeReadSummary}
 * @throws {@link index!RareEarthsError} (`invalid-input`, naming the file, line and column) for a
 *   missing column, bytes that are not UTF-8, an unclosed quote or a short last line, a product
 *   code that is not six digits (BACI writes HS6 codes with their leading zero), a country code
 *   not in the country table, a negative or non-numeric value or quantity, or a second row of
 *   the same flow
 * @example
 * ```ts
 * import { readBaci } from 'rare-earths/trade';
 *
 * const countries = new Map([
 *   [156, { iso3: 'CHN', name: 'China' }],
 *   [276, { iso3: 'DEU', name: 'Germany' }],
 * ]);
 * const csv = 't,i,j,k,v,q\n2023,156,276,850511,12500.5,310.25\n2023,156,276,010121,9,1\n';
 * const records = [];
 * for await (const record of readBaci(csv, { countries })) records.push(record);
 * records[0]?.value; // => '12500500'
 * records[0]?.quantity; // => '310.25'
 * records[0]?.stage; // => 'magnet'
 * ```
 */
export async function* readBaci(
  source: TradeSource,
  options: ReadBaciOptions,
): AsyncGenerator<TradeRecord, TradeReadSummary, undefined> {
  const fn = 'readBaci';
  const file = options?.file ?? 'baci.csv';
  if (!(options?.countries instanceof Map)) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'countries'],
        message: 'expected the release country table (readBaciCountries), got none',
      },
    ]);
  }
  const codes = codeTable(fn, options.codes);
  const skipped: Record<string, number> = {};
  const seen = new Map<string, number>();
  let index: Map<string, number> | undefined;
  let rows = 0;
  let kept = 0;
  let withoutQuantity = 0;
  let bytes = 0;
  const context = {
    fn,
    file,
    onBytes: (read: number) => {
      bytes = read;
    },
  };
  const country = (text: string, place: RowPlace, column: string) => {
    const entry = /^\d+$/.test(text) ? options.countries.get(Number(text)) : undefined;
    if (entry === undefined) {
      return rowError(
        place,
        column,
        `expected a country code of the BACI country table, got ${JSON.stringify(text)}`,
      );
    }
    return entry;
  };
  for await (const block of csvBlocks(source, options.delimiter ?? ',', context)) {
    let start = 0;
    if (index === undefined) {
      const header = block.rows[0];
      if (header === undefined) continue;
      index = headerIndex(header, ['t', 'i', 'j', 'k', 'v', 'q'], fn, file, 'BACI');
      start = 1;
    }
    const [t, i, j, k, v, q] = ['t', 'i', 'j', 'k', 'v', 'q'].map(
      (name) => index?.get(name) as number,
    ) as [number, number, number, number, number, number];
    for (let r = start; r < block.rows.length; r += 1) {
      const row = block.rows[r] as readonly string[];
      rows += 1;
      const product = (row[k] ?? '').trim();
      if (!/^\d{6}$/.test(product)) {
        rowError(
          { fn, file, line: block.lines[r] ?? 0 },
          'k',
          `expected a six-digit HS code, got ${JSON.stringify(product)}`,
        );
      }
      const code = codes.get(product);
      if (code === undefined) {
        countSkip(skipped, 'HS code not kept');
        continue;
      }
      const place: RowPlace = { fn, file, line: block.lines[r] ?? 0 };
      const yearText = (row[t] ?? '').trim();
      if (!/^\d{4}$/.test(yearText))
        rowError(place, 't', `expected a year, got ${JSON.stringify(yearText)}`);
      const year = Number(yearText);
      if (outsideYears(options.years, year)) {
        countSkip(skipped, 'year outside the range asked for');
        continue;
      }
      const exporterText = (row[i] ?? '').trim();
      const importerText = (row[j] ?? '').trim();
      const exporter = country(exporterText, place, 'i');
      const importer = country(importerText, place, 'j');
      const valueText = (row[v] ?? '').trim();
      const quantityText = (row[q] ?? '').trim();
      const value = MISSING.test(valueText) ? undefined : scaledDecimal(valueText, 3, place, 'v');
      const quantity = MISSING.test(quantityText)
        ? undefined
        : scaledDecimal(quantityText, 0, place, 'q');
      if (value === undefined && quantity === undefined)
        rowError(place, 'v', 'expected a value or a quantity, got neither');
      checkDuplicate(seen, [year, exporterText, importerText, product].join('|'), place);
      kept += 1;
      if (quantity === undefined) withoutQuantity += 1;
      yield {
        year,
        exporter: exporter.iso3,
        importer: importer.iso3,
        names: { exporter: exporter.name, importer: importer.name },
        reportedBy: 'reconciled',
        hs: code.hs,
        ...(code.stage === undefined ? {} : { stage: code.stage }),
        description: code.description,
        product: code.product,
        ...(quantity === undefined ? {} : { quantity }),
        ...(value === undefined ? {} : { value }),
        valueBasis: 'FOB',
        file,
        line: place.line,
      };
    }
    options.onProgress?.({ bytes, rows });
  }
  if (index === undefined)
    rowError({ fn, file, line: 1 }, 'header', 'expected a header row, got an empty file');
  return { file, format: 'baci', rows, kept, skipped, withoutQuantity, estimatedQuantity: 0 };
}
