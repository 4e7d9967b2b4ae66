import { RareEarthsError } from '../errors/index.js';
import type { TradeCode, YearRange } from '../trade/index.js';
import { codeTable } from '../trade/internal.js';

/**
 * Options for {@link tradeSql}.
 *
 * @category DuckDB
 */
export interface TradeSqlOptions {
  /** `'baci'` (`t, i, j, k, v, q`) or `'comtrade'` (the Comtrade Plus CSV columns). */
  readonly format: 'baci' | 'comtrade';
  /** The HS6 codes to keep (default the rare-earth codes of `rare-earths/trade`). */
  readonly codes?: readonly TradeCode[];
  /** Keep only these years (inclusive bounds). */
  readonly years?: YearRange;
  /**
   * For Comtrade, the optional columns the files hold (`partnerCode`, `partner2Code`,
   * `customsCode`, `motCode`, `freqCode`), so the query filters on them; found by
   * `duckdbTradeConcentration` with a `DESCRIBE`.
   */
  readonly columns?: readonly string[];
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function yearFilter(column: string, years: TradeSqlOptions['years'], fn: string): string[] {
  const out: string[] = [];
  for (const [bound, op] of [
    ['from', '>='],
    ['to', '<='],
  ] as const) {
    const year = years?.[bound];
    if (year === undefined) continue;
    if (!Number.isInteger(year)) {
      throw new RareEarthsError(fn, 'invalid-argument', [
        {
          path: ['options', 'years', bound],
          message: `expected a whole year, got ${JSON.stringify(year)}`,
        },
      ]);
    }
    out.push(`${column} ${op} ${year}`);
  }
  return out;
}

/** A field that is present but not a non-negative number (counted, so no bad row is summed away). */
function invalid(column: string, missing: string): string {
  const number = `TRY_CAST(trim(${column}) AS DOUBLE)`;
  return `((${number} IS NULL AND trim(${column}) NOT IN (${missing})) OR ${number} < 0)`;
}

/**
 * The table function that scans the files: CSV or Parquet, by extension; globs pass through.
 * `'by-name'` reads every CSV column as text under its header name (Comtrade, and the header
 * check of a BACI run); `'baci'` reads BACI's six columns by position with their types.
 *
 * @internal
 */
export function scan(files: readonly string[], layout: 'baci' | 'by-name', fn: string): string {
  if (files.length === 0 || files.some((file) => typeof file !== 'string' || file === '')) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      { path: ['files'], message: 'expected one or more file paths or globs' },
    ]);
  }
  const list = `[${files.map(literal).join(', ')}]`;
  const parquet = files.every((file) => /\.parquet$/i.test(file));
  if (!parquet && files.some((file) => /\.parquet$/i.test(file))) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      { path: ['files'], message: 'expected files of one kind, all CSV or all Parquet' },
    ]);
  }
  if (parquet) return `read_parquet(${list}, union_by_name = true)`;
  // BACI: year and country codes read as integers (a file where they are not fails the scan,
  // which the entry reports), the code, value and quantity as text: codes keep their leading
  // zeros, and a value that is not a number is counted by TRY_CAST instead of summed away.
  // Comtrade: every column as text, by name.
  return layout === 'baci'
    ? `read_csv(${list}, header = true, columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'VARCHAR', 'q': 'VARCHAR'})`
    : `read_csv(${list}, header = true, all_varchar = true, union_by_name = true)`;
}

/**
 * The SQL that filters trade files to the kept HS codes and years and groups them into one row
 * per year × reporter side × partner × code, ready for the concentration kernel: DuckDB SQL over
 * `read_csv`/`read_parquet`, so the files are scanned out of core and in parallel. The same
 * query runs unchanged in MotherDuck (point the paths at `s3://…` or `md:` tables) and, with
 * `read_csv(…)` replaced by a table name, in Spark SQL or any engine with `GROUP BY` and
 * `TRY_CAST`.
 *
 * Columns returned: `year`, `exporter`, `importer` (BACI numeric codes as text, Comtrade ISO
 * codes), `reported` (`'reconciled'`, `'importer'` or `'exporter'`), `hs` (six digits),
 * `quantity` (t), `value` (US$), `rows` (rows added), `missing` (rows without a
 * quantity) and `invalid` (rows whose value or quantity is present but not a non-negative
 * number: `duckdbTradeConcentration` refuses a result with any). Comtrade rows that are not bilateral totals (partner World, second-partner,
 * customs-procedure or transport-mode breakdowns, re-imports and re-exports) are left out, as
 * `readComtrade` leaves them out.
 *
 * @category DuckDB
 * @param files - CSV or Parquet paths or globs (`'baci/BACI_HS17_Y20*.csv'`)
 * @param options - `format`, `codes`, `years`, `columns`
 * @returns the query
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for no files, CSV and Parquet mixed, an
 *   unknown format, a bad code or a year that is not whole
 * @example
 * ```ts
 * import { tradeSql } from 'rare-earths/duckdb';
 *
 * const sql = tradeSql(['BACI_HS17_Y2023.csv'], { format: 'baci', years: { from: 2023 } });
 * sql.includes("k IN ('280530', '284610', '284690', '850511')"); // => true
 * ```
 */
export function tradeSql(files: string | readonly string[], options: TradeSqlOptions): string {
  const fn = 'tradeSql';
  const list = typeof files === 'string' ? [files] : files;
  const format = options?.format;
  if (format !== 'baci' && format !== 'comtrade') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'format'],
        message: `expected 'baci' or 'comtrade', got ${JSON.stringify(format)}`,
      },
    ]);
  }
  const codes = [...codeTable(fn, options.codes).keys()].map(literal).join(', ');
  const from = scan(list, format === 'baci' ? 'baci' : 'by-name', fn);
  if (format === 'baci') {
    // In CSV the code is filtered as read (text keeps its leading zero), so DuckDB can skip the
    // other 5,000 products before any cast; Parquet may store it as a number.
    const parquet = from.startsWith('read_parquet');
    const code = parquet ? "lpad(CAST(k AS VARCHAR), 6, '0')" : 'k';
    const year = 'CAST(t AS INTEGER)';
    const where = [`${code} IN (${codes})`, ...yearFilter(year, options.years, fn)];
    const v = parquet ? 'CAST(v AS VARCHAR)' : 'v';
    const q = parquet ? 'CAST(q AS VARCHAR)' : 'q';
    return [
      `SELECT ${year} AS year, trim(CAST(i AS VARCHAR)) AS exporter, trim(CAST(j AS VARCHAR)) AS importer,`,
      `  'reconciled' AS reported, ${code} AS hs,`,
      `  SUM(TRY_CAST(trim(${q}) AS DOUBLE)) AS quantity, SUM(TRY_CAST(trim(${v}) AS DOUBLE)) * 1000 AS value,`,
      `  COUNT(*) AS rows, COUNT(*) FILTER (WHERE TRY_CAST(trim(${q}) AS DOUBLE) IS NULL) AS missing,`,
      `  COUNT(*) FILTER (WHERE ${invalid(v, "'', 'NA'")} OR ${invalid(q, "'', 'NA'")}) AS invalid`,
      `FROM ${from}`,
      `WHERE ${where.join(' AND ')}`,
      'GROUP BY ALL',
      'ORDER BY year, importer, hs, exporter',
    ].join('\n');
  }
  const present = new Set((options.columns ?? []).map((column) => column.toLowerCase()));
  const where = [
    `cmdCode IN (${codes})`,
    "flowCode IN ('M', 'X')",
    "partnerISO <> 'W00'",
    ...yearFilter('year', options.years, fn),
  ];
  if (present.has('partnercode')) where.push("partnerCode <> '0'");
  if (present.has('partner2code')) where.push("coalesce(partner2Code, '0') = '0'");
  if (present.has('customscode')) where.push("coalesce(customsCode, 'C00') = 'C00'");
  if (present.has('motcode')) where.push("coalesce(motCode, '0') = '0'");
  if (present.has('freqcode')) where.push("freqCode = 'A'");
  return [
    'SELECT year,',
    "  CASE WHEN flowCode = 'M' THEN partnerISO ELSE reporterISO END AS exporter,",
    "  CASE WHEN flowCode = 'M' THEN reporterISO ELSE partnerISO END AS importer,",
    "  CASE WHEN flowCode = 'M' THEN 'importer' ELSE 'exporter' END AS reported,",
    '  cmdCode AS hs,',
    '  SUM(TRY_CAST(netWgt AS DOUBLE)) / 1000 AS quantity, SUM(TRY_CAST(primaryValue AS DOUBLE)) AS value,',
    '  COUNT(*) AS rows, COUNT(*) FILTER (WHERE TRY_CAST(netWgt AS DOUBLE) IS NULL) AS missing,',
    `  COUNT(*) FILTER (WHERE ${invalid('netWgt', "''")} OR ${invalid('primaryValue', "''")}) AS invalid`,
    'FROM (',
    `  SELECT *, CAST(refYear AS INTEGER) AS year FROM ${from}`,
    ')',
    `WHERE ${where.join(' AND ')}`,
    'GROUP BY ALL',
    'ORDER BY year, importer, hs, exporter',
  ].join('\n');
}
