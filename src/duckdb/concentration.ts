import { RareEarthsError } from '../errors/index.js';
import type { Region } from '../model/index.js';
import type {
  BaciCountries,
  MirrorPreference,
  TradeCode,
  TradeConcentrationRow,
  YearRange,
} from '../trade/index.js';
import { codeTable, concentrationOfColumns, hs6, regionOf } from '../trade/internal.js';
import { scan, tradeSql } from './sql.js';

/**
 * The part of a DuckDB connection the entry uses: a `DuckDBConnection` of `@duckdb/node-api`
 * has it. Typed structurally so that the entry's types do not depend on the optional package.
 *
 * @category DuckDB
 */
export interface DuckdbConnectionLike {
  /** Runs a query and reads all its rows. */
  runAndReadAll(sql: string): Promise<DuckdbReaderLike>;
}

/**
 * The result of {@link DuckdbConnectionLike.runAndReadAll}, as far as the entry reads it.
 *
 * @category DuckDB
 */
export interface DuckdbReaderLike {
  /** Every row as an object of JavaScript values. */
  getRowObjectsJS(): Record<string, unknown>[];
}

/**
 * Options for {@link duckdbTradeConcentration}.
 *
 * @category DuckDB
 */
export interface DuckdbTradeOptions {
  /** `'baci'` or `'comtrade'`. */
  readonly format: 'baci' | 'comtrade';
  /** BACI's country table (`readBaciCountries` of `rare-earths/trade`); required for BACI. */
  readonly countries?: BaciCountries;
  /** The HS6 codes to keep (default the rare-earth codes). */
  readonly codes?: readonly TradeCode[];
  /** Keep only these years (inclusive bounds). */
  readonly years?: YearRange;
  /** Concentrate by `'value'` (US$, default) or `'quantity'` (t). */
  readonly measure?: 'value' | 'quantity';
  /** Regions whose members import as one; flows between members are left out. */
  readonly regions?: readonly Region[];
  /** Comtrade: which report of a mirrored flow to keep (default `'importer'`; not `'both'`). */
  readonly prefer?: Exclude<MirrorPreference, 'both'>;
  /** A connection to use (default: a fresh in-memory DuckDB, closed afterwards). */
  readonly connection?: DuckdbConnectionLike;
}

interface GroupedRow {
  readonly year: number;
  readonly exporter: string;
  readonly importer: string;
  readonly reported: string;
  readonly hs: string;
  readonly quantity: number | null;
  readonly value: number | null;
  readonly rows: number;
  readonly missing: number;
  readonly invalid: number;
}

async function withConnection<T>(
  fn: string,
  given: DuckdbConnectionLike | undefined,
  work: (connection: DuckdbConnectionLike) => Promise<T>,
): Promise<T> {
  if (given !== undefined) return work(given);
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new RareEarthsError(fn, 'not-computable', [
      {
        path: ['@duckdb/node-api'],
        message:
          'expected the optional peer dependency @duckdb/node-api to be installed (npm install @duckdb/node-api), got none',
      },
    ]);
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function number(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : (value as number);
}

async function describe(
  connection: DuckdbConnectionLike,
  files: readonly string[],
): Promise<string[]> {
  const reader = scan(files, 'by-name', 'duckdbTradeConcentration');
  const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
  return result.getRowObjectsJS().map((row) => String(row.column_name));
}

/**
 * The concentration of each importer's imports by partner, per importer × year × HS code,
 * computed out of core: DuckDB scans the CSV or Parquet files (globs too), filters them to the
 * kept codes and years and groups them in SQL ({@link tradeSql}); the grouped rows — a few per
 * importer and partner, however large the files — go to the same kernel as
 * `tradeConcentration` of `rare-earths/trade` ({@link index!hhiByGroup}), so both give the same
 * rows for the same flows. Comtrade mirror flows are reconciled as `reconcileMirror` does
 * (importer's report, exporter's where the importer gives none).
 *
 * Needs the optional peer dependency `@duckdb/node-api` (1.5).
 *
 * @category DuckDB
 * @param files - CSV or Parquet paths or globs
 * @param options - `format`, `countries` (BACI), `codes`, `years`, `measure`, `regions`,
 *   `prefer`, `connection`
 * @returns one row per importer × year × code, as `tradeConcentration` returns them
 * @throws {@link index!RareEarthsError} (`not-computable`) when `@duckdb/node-api` is not installed;
 *   (`invalid-argument`) for bad options or a BACI run without its country table;
 *   (`invalid-input`) when the files hold a value or quantity that is not a non-negative
 *   number, a flow twice, a BACI country code not in the table, or a malformed HS code (DuckDB
 *   gives no line numbers: the message says which flow, and `readBaci`/`readComtrade` on the
 *   file give the line)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { duckdbTradeConcentration } from 'rare-earths/duckdb';
 *
 * const file = join(tmpdir(), 'baci-example.csv');
 * writeFileSync(file, 't,i,j,k,v,q\n2023,156,276,850511,900,30\n2023,392,276,850511,100,2\n');
 * const countries = new Map([
 *   [156, { iso3: 'CHN', name: 'China' }],
 *   [276, { iso3: 'DEU', name: 'Germany' }],
 *   [392, { iso3: 'JPN', name: 'Japan' }],
 * ]);
 * const [row] = await duckdbTradeConcentration(file, { format: 'baci', countries });
 * row?.hhi; // ≈ 0.82
 * row?.total; // => 1000000
 * ```
 */
export async function duckdbTradeConcentration(
  files: string | readonly string[],
  options: DuckdbTradeOptions,
): Promise<TradeConcentrationRow[]> {
  const fn = 'duckdbTradeConcentration';
  const list = typeof files === 'string' ? [files] : [...files];
  const measure = options?.measure ?? 'value';
  if (measure !== 'value' && measure !== 'quantity') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'measure'],
        message: `expected 'value' or 'quantity', got ${JSON.stringify(measure)}`,
      },
    ]);
  }
  const prefer = options?.prefer ?? 'importer';
  if (prefer !== 'importer' && prefer !== 'exporter') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'prefer'],
        message: `expected 'importer' or 'exporter', got ${JSON.stringify(prefer)}`,
      },
    ]);
  }
  if (options?.format === 'baci' && !(options.countries instanceof Map)) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'countries'],
        message: 'expected the BACI release country table (readBaciCountries)',
      },
    ]);
  }
  const region = regionOf(fn, options?.regions);
  // Build the query first: bad options fail before any connection is opened.
  tradeSql(list, options);
  const grouped = await withConnection(fn, options.connection, async (connection) => {
    try {
      const columns = await describe(connection, list);
      // BACI's columns are read by position with their types: check the header names first.
      if (options.format === 'baci' && columns.join(',').toLowerCase() !== 't,i,j,k,v,q') {
        throw new RareEarthsError(fn, 'invalid-input', [
          {
            path: [list.join(', ')],
            message: `expected the BACI columns t, i, j, k, v, q, got ${columns.join(', ')}`,
          },
        ]);
      }
      const sql = tradeSql(list, { ...options, columns });
      const result = await connection.runAndReadAll(sql);
      return result.getRowObjectsJS() as unknown as GroupedRow[];
    } catch (error) {
      if (error instanceof RareEarthsError) throw error;
      throw new RareEarthsError(fn, 'invalid-input', [
        {
          path: [list.join(', ')],
          message: `expected files DuckDB can read as ${options.format === 'baci' ? 'BACI' : 'UN Comtrade'}, got an error: ${String((error as Error).message).split('\n')[0]}`,
        },
      ]);
    }
  });
  const codes = codeTable(fn, options.codes);
  const countryOf = (code: string, flow: GroupedRow): string => {
    if (options.format === 'comtrade') return code;
    const entry = /^\d+$/.test(code) ? options.countries?.get(Number(code)) : undefined;
    if (entry === undefined) {
      throw new RareEarthsError(fn, 'invalid-input', [
        {
          path: [list.join(', ')],
          message: `expected a country code of the BACI country table, got ${JSON.stringify(code)} (flow ${flow.exporter} → ${flow.importer}, ${flow.year}, ${flow.hs})`,
        },
      ]);
    }
    return entry.iso3;
  };
  // Mirror flows: keep one report per year × exporter × importer × code.
  const chosen = new Map<string, GroupedRow>();
  for (const row of grouped) {
    const where = `flow ${row.exporter} → ${row.importer}, ${row.year}, HS ${row.hs}`;
    if (number(row.invalid) > 0) {
      throw new RareEarthsError(fn, 'invalid-input', [
        {
          path: [list.join(', ')],
          message: `expected non-negative numbers for value and quantity, got ${number(row.invalid)} row(s) that are not (${where})`,
        },
      ]);
    }
    if (number(row.rows) > 1) {
      throw new RareEarthsError(fn, 'invalid-input', [
        {
          path: [list.join(', ')],
          message: `expected one row per flow, got ${number(row.rows)} (${where}${row.reported === 'reconciled' ? '' : `, ${row.reported}'s report`})`,
        },
      ]);
    }
    const key = `${row.year}|${row.exporter}|${row.importer}|${row.hs}`;
    const held = chosen.get(key);
    if (held === undefined || (held.reported !== prefer && row.reported === prefer))
      chosen.set(key, row);
  }
  const importer: string[] = [];
  const exporter: string[] = [];
  const year: number[] = [];
  const hs: string[] = [];
  const amount: number[] = [];
  const missing: number[] = [];
  const stage: (TradeCode['stage'] | undefined)[] = [];
  for (const row of chosen.values()) {
    const to = countryOf(row.importer, row);
    const from = countryOf(row.exporter, row);
    const buyer = region.get(to) ?? to;
    if (region.has(to) && region.get(from) === buyer) continue;
    const measured = measure === 'value' ? row.value : row.quantity;
    const code = hs6(row.hs) as string;
    importer.push(buyer);
    exporter.push(from);
    year.push(number(row.year));
    hs.push(code);
    amount.push(measured === null ? 0 : number(measured));
    missing.push(measured === null ? 1 : 0);
    stage.push(codes.get(row.hs)?.stage);
  }
  return concentrationOfColumns({ importer, exporter, year, hs, amount, missing, stage });
}
