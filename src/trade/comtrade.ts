import { codeTable, type TradeCode } from './codes.js';
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
 * How far a long read has got.
 *
 * @category Trade
 */
export interface TradeReadProgress {
  /** Bytes read so far (characters, for a string source). */
  readonly bytes: number;
  /** Data rows read so far. */
  readonly rows: number;
}

/**
 * A range of years, both bounds inclusive and optional.
 *
 * @category Trade
 */
export interface YearRange {
  /** The first year kept. */
  readonly from?: number;
  /** The last year kept. */
  readonly to?: number;
}

/**
 * Options shared by the trade readers.
 *
 * @category Trade
 */
export interface TradeReadOptions {
  /** The file's name, for provenance and errors (default `'comtrade.csv'` or `'baci.csv'`). */
  readonly file?: string;
  /** The HS6 codes to keep (default {@link RARE_EARTH_TRADE_CODES}). */
  readonly codes?: readonly TradeCode[];
  /** Keep only these years (inclusive bounds). */
  readonly years?: YearRange;
  /** The field delimiter (default `','`). */
  readonly delimiter?: string;
  /** Called after each block of rows (about every 64 kB of a stream). */
  readonly onProgress?: (progress: TradeReadProgress) => void;
}

/**
 * Options for {@link readComtrade}.
 *
 * @category Trade
 */
export interface ReadComtradeOptions extends TradeReadOptions {
  /**
   * What to do with a partner that is not a country (Comtrade's "areas, n.e.s." such as
   * `S19` or `_X`): `'error'` (default) refuses the file at that line; `'other'` books the flow
   * to the exporter `'other'` (imports only; an export to an unallocated area is still refused)
   * and the summary counts it.
   */
  readonly unallocatedPartners?: 'error' | 'other';
}

// Comtrade Plus CSV (API and bulk downloads): the columns read. Headers are matched without
// regard to case (the web interface writes `RefYear`, the API `refYear`).
const REQUIRED = [
  'refYear',
  'reporterISO',
  'flowCode',
  'partnerISO',
  'cmdCode',
  'netWgt',
  'primaryValue',
] as const;
const COUNTRY = /^[A-Z]{3}$/;
const WORLD_ISO = 'W00';
const CMD = /^(\d{2}|\d{4}|\d{6}|TOTAL)$/;

interface Columns {
  readonly year: number;
  readonly reporter: number;
  readonly reporterName: number | undefined;
  readonly flow: number;
  readonly partner: number;
  readonly partnerCode: number | undefined;
  readonly partnerName: number | undefined;
  readonly partner2: number | undefined;
  readonly customs: number | undefined;
  readonly transport: number | undefined;
  readonly frequency: number | undefined;
  readonly cmd: number;
  readonly netWgt: number;
  readonly estimated: number | undefined;
  readonly value: number;
}

function columns(index: Map<string, number>): Columns {
  const at = (name: string): number => index.get(name.toLowerCase()) as number;
  const maybe = (name: string): number | undefined => index.get(name.toLowerCase());
  return {
    year: at('refYear'),
    reporter: at('reporterISO'),
    reporterName: maybe('reporterDesc'),
    flow: at('flowCode'),
    partner: at('partnerISO'),
    partnerCode: maybe('partnerCode'),
    partnerName: maybe('partnerDesc'),
    partner2: maybe('partner2Code'),
    customs: maybe('customsCode'),
    transport: maybe('motCode'),
    frequency: maybe('freqCode'),
    cmd: at('cmdCode'),
    netWgt: at('netWgt'),
    estimated: maybe('isNetWgtEstimated'),
    value: at('primaryValue'),
  };
}

function field(row: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : (row[column] ?? '').trim();
}

function yearOf(text: string, place: RowPlace, column: string): number {
  if (!/^\d{4}$/.test(text))
    return rowError(place, column, `expected a year, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Why a Comtrade row is not a bilateral total of a kept code, or undefined to keep it. */
function skipReason(row: readonly string[], c: Columns, place: RowPlace): string | undefined {
  const frequency = field(row, c.frequency);
  if (frequency !== '' && frequency !== 'A') {
    rowError(
      place,
      'freqCode',
      `expected annual data (freqCode A), got ${JSON.stringify(frequency)}: download the annual series`,
    );
  }
  const flow = field(row, c.flow);
  if (flow !== 'M' && flow !== 'X')
    return `flow ${flow || '(empty)'} (only imports M and exports X are kept)`;
  if (field(row, c.partner) === WORLD_ISO || field(row, c.partnerCode) === '0')
    return 'partner is World';
  const partner2 = field(row, c.partner2);
  if (partner2 !== '' && partner2 !== '0') return 'second-partner breakdown (partner2Code ≠ 0)';
  const customs = field(row, c.customs);
  if (customs !== '' && customs !== 'C00') return 'customs-procedure breakdown (customsCode ≠ C00)';
  const transport = field(row, c.transport);
  if (transport !== '' && transport !== '0') return 'transport-mode breakdown (motCode ≠ 0)';
  return undefined;
}

/**
 * Reads a UN Comtrade CSV (the Comtrade Plus API and bulk layout: `refYear`, `reporterISO`,
 * `flowCode`, `partnerISO`, `cmdCode`, `netWgt` in kg, `primaryValue` in US$, and the optional
 * `freqCode`, `partnerCode`, `partner2Code`, `customsCode`, `motCode`, `…Desc`,
 * `isNetWgtEstimated`), streaming, and yields the rows of the kept HS codes as
 * {@link TradeRecord}s: imports (`M`) as the importer's report, exports (`X`) as the
 * exporter's, net weight converted kg → t exactly, value kept in US$ (CIF for imports, FOB for
 * exports, Comtrade's `primaryValue`). Rows that are not bilateral totals — partner World,
 * re-imports and re-exports, breakdowns by second partner, customs procedure or transport mode
 * — are counted in the summary, not kept, so a total is never added to its parts. Memory holds
 * one block of the file, whatever its size.
 *
 * Format: UN Statistics Division, "UN Comtrade Plus: data items" (the API's CSV columns).
 *
 * @category Trade
 * @param source - the file: text, a `Blob`/`File`, a web `ReadableStream`, or an (async)
 *   iterable of chunks such as a Node read stream
 * @param options - `file` (its name), `codes`, `years`, `unallocatedPartners`, `delimiter`,
 *   `onProgress`
 * @returns an async generator of records; its return value is the {@link TradeReadSummary}
 * @throws {@link index!RareEarthsError} (`invalid-input`, naming the file, line and column) for a
 *   missing column (with a hint when the delimiter looks wrong), bytes that are not UTF-8, an
 *   unclosed quote at the end (a truncated last line), a row with more or fewer fields than the
 *   header, monthly data, a year that is not four digits, a reporter or partner that is not an
 *   ISO alpha-3 country (unless `unallocatedPartners: 'other'`), a commodity code that is not
 *   2, 4 or 6 digits (or `TOTAL`), a negative or non-numeric weight or value, a row with
 *   neither, or a second row of the same flow. Rows before the error have been yielded: collect
 *   them with {@link importTrade}, which returns nothing when a file fails.
 * @example
 * ```ts
 * import { readComtrade } from 'rare-earths/trade';
 *
 * const csv = [
 *   'freqCode,refYear,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,netWgt,primaryValue',
 *   'A,2024,JPN,Japan,M,156,CHN,China,284690,1250000,23000000',
 *   'A,2024,JPN,Japan,M,0,W00,World,284690,1900000,41000000',
 * ].join('\n');
 * const records = [];
 * for await (const record of readComtrade(csv, { file: 'japan.csv' })) records.push(record);
 * records.length; // => 1
 * records[0]?.quantity; // => '1250'
 * records[0]?.line; // => 2
 * ```
 */
export async function* readComtrade(
  source: TradeSource,
  options: ReadComtradeOptions = {},
): AsyncGenerator<TradeRecord, TradeReadSummary, undefined> {
  const fn = 'readComtrade';
  const file = options.file ?? 'comtrade.csv';
  const codes = codeTable(fn, options.codes);
  const skipped: Record<string, number> = {};
  const seen = new Map<string, number>();
  let c: Columns | undefined;
  let rows = 0;
  let kept = 0;
  let withoutQuantity = 0;
  let estimatedQuantity = 0;
  let bytes = 0;
  const context = {
    fn,
    file,
    onBytes: (read: number) => {
      bytes = read;
    },
  };
  for await (const block of csvBlocks(source, options.delimiter ?? ',', context)) {
    let start = 0;
    if (c === undefined) {
      const header = block.rows[0];
      if (header === undefined) continue;
      c = columns(headerIndex(header, REQUIRED, fn, file, 'UN Comtrade'));
      start = 1;
    }
    for (let r = start; r < block.rows.length; r += 1) {
      const row = block.rows[r] as readonly string[];
      const place: RowPlace = { fn, file, line: block.lines[r] ?? 0 };
      rows += 1;
      const cmd = field(row, c.cmd);
      if (!CMD.test(cmd)) {
        rowError(
          place,
          'cmdCode',
          `expected an HS code of 2, 4 or 6 digits (or TOTAL), got ${JSON.stringify(cmd)}`,
        );
      }
      const code = codes.get(cmd);
      if (code === undefined) {
        countSkip(skipped, 'HS code not kept');
        continue;
      }
      const year = yearOf(field(row, c.year), place, 'refYear');
      if (outsideYears(options.years, year)) {
        countSkip(skipped, 'year outside the range asked for');
        continue;
      }
      const reason = skipReason(row, c, place);
      if (reason !== undefined) {
        countSkip(skipped, reason);
        continue;
      }
      const importing = field(row, c.flow) === 'M';
      const reporter = field(row, c.reporter);
      if (!COUNTRY.test(reporter)) {
        rowError(
          place,
          'reporterISO',
          `expected an ISO 3166-1 alpha-3 country code, got ${JSON.stringify(reporter)}`,
        );
      }
      const partnerCode = field(row, c.partner);
      let partner = partnerCode;
      if (!COUNTRY.test(partner)) {
        if (options.unallocatedPartners !== 'other' || !importing) {
          rowError(
            place,
            'partnerISO',
            `expected an ISO 3166-1 alpha-3 country code, got ${JSON.stringify(partner)}${importing ? " (pass unallocatedPartners: 'other' to book areas n.e.s. to 'other')" : ''}`,
          );
        }
        countSkip(skipped, 'kept, unallocated partner booked to other');
        partner = 'other';
      }
      const weight = field(row, c.netWgt);
      const value = field(row, c.value);
      if (weight === '' && value === '')
        rowError(place, 'netWgt', 'expected a net weight or a value, got neither');
      const quantity = weight === '' ? undefined : scaledDecimal(weight, -3, place, 'netWgt');
      const money = value === '' ? undefined : scaledDecimal(value, 0, place, 'primaryValue');
      const estimated = /^(true|1)$/i.test(field(row, c.estimated));
      const exporter = importing ? partner : reporter;
      const importer = importing ? reporter : partner;
      checkDuplicate(
        seen,
        [year, reporter, importing ? 'M' : 'X', partnerCode, code.hs].join('|'),
        place,
      );
      const reporterName = field(row, c.reporterName);
      const partnerName = field(row, c.partnerName);
      const names: { exporter?: string; importer?: string } = {};
      const exporterName = importing ? partnerName : reporterName;
      const importerName = importing ? reporterName : partnerName;
      if (exporterName !== '' && exporter !== 'other') names.exporter = exporterName;
      if (importerName !== '') names.importer = importerName;
      kept += 1;
      if (quantity === undefined) withoutQuantity += 1;
      if (estimated && quantity !== undefined) estimatedQuantity += 1;
      yield {
        year,
        exporter,
        importer,
        names,
        reportedBy: importing ? 'importer' : 'exporter',
        hs: code.hs,
        ...(code.stage === undefined ? {} : { stage: code.stage }),
        description: code.description,
        product: code.product,
        ...(quantity === undefined ? {} : { quantity }),
        ...(estimated && quantity !== undefined ? { quantityEstimated: true } : {}),
        ...(money === undefined ? {} : { value: money }),
        valueBasis: importing ? 'CIF' : 'FOB',
        file,
        line: place.line,
      };
    }
    options.onProgress?.({ bytes, rows });
  }
  if (c === undefined) {
    rowError({ fn, file, line: 1 }, 'header', 'expected a header row, got an empty file');
  }
  return { file, format: 'comtrade', rows, kept, skipped, withoutQuantity, estimatedQuantity };
}
