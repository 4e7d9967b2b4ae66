// The DuckDB entry against the in-memory path on the same files: the same rows (HHI, totals,
// partners, top partner) for BACI and Comtrade, from CSV, Parquet and globs; and its refusals.
// Expected values come from tradeConcentration of rare-earths/trade on the same flows, whose
// numbers are checked by hand in tests/trade/import.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { duckdbTradeConcentration, tradeSql } from '../../src/duckdb/index.js';
import { RareEarthsError } from '../../src/index.js';
import {
  type BaciCountries,
  importTrade,
  readBaciCountries,
  type TradeConcentrationRow,
  tradeConcentration,
} from '../../src/trade/index.js';
import { refusal } from '../support/refusal.js';
import { BACI_COUNTRIES_CSV, BACI_CSV, comtradeFile, JAPAN_ROWS } from '../trade/fixtures.js';

const SOURCE = { id: 's', title: 't', publisher: 'p', year: 2026 };
const EU27 = baseline.regions?.filter((region) => region.code === 'EU27') ?? [];
const dir = mkdtempSync(join(tmpdir(), 'duckdb-trade-'));
let countries: BaciCountries;

beforeAll(async () => {
  countries = await readBaciCountries(BACI_COUNTRIES_CSV);
  writeFileSync(join(dir, 'BACI_Y2023.csv'), BACI_CSV);
  writeFileSync(join(dir, 'BACI_Y2024.csv'), BACI_CSV.replaceAll('2023,', '2024,'));
  writeFileSync(join(dir, 'japan.csv'), comtradeFile(JAPAN_ROWS));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_csv('${join(dir, 'BACI_Y2023.csv')}', all_varchar = true)) TO '${join(dir, 'BACI_Y2023.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
});

const strip = (rows: readonly TradeConcentrationRow[]) =>
  rows.map((row) => ({
    ...row,
    hhi: Number(row.hhi.toFixed(12)),
    top: { ...row.top, share: Number(row.top.share.toFixed(12)) },
  }));

describe('duckdbTradeConcentration', () => {
  test('BACI: the same rows as tradeConcentration on the imported flows, by value and by weight, with EU27 as one importer', async () => {
    const { flows } = await importTrade(BACI_CSV, { format: 'baci', countries, source: SOURCE });
    for (const measure of ['value', 'quantity'] as const) {
      const expected = tradeConcentration(flows, { measure, regions: EU27 });
      const got = await duckdbTradeConcentration(join(dir, 'BACI_Y2023.csv'), {
        format: 'baci',
        countries,
        measure,
        regions: EU27,
      });
      expect(strip(got)).toEqual(strip(expected));
    }
  });

  test('a glob over two years, and Parquet, give the same rows', async () => {
    const both = await duckdbTradeConcentration(join(dir, 'BACI_Y20*.csv'), {
      format: 'baci',
      countries,
    });
    expect([...new Set(both.map((r) => r.year))]).toEqual([2023, 2024]);
    const csv = await duckdbTradeConcentration(join(dir, 'BACI_Y2023.csv'), {
      format: 'baci',
      countries,
    });
    const parquet = await duckdbTradeConcentration(join(dir, 'BACI_Y2023.parquet'), {
      format: 'baci',
      countries,
    });
    expect(strip(parquet)).toEqual(strip(csv));
    const only2024 = await duckdbTradeConcentration(join(dir, 'BACI_Y20*.csv'), {
      format: 'baci',
      countries,
      years: { from: 2024, to: 2024 },
    });
    expect(only2024.every((r) => r.year === 2024)).toBe(true);
  });

  test("Comtrade: the importer's report kept, the exporter's as fallback, as importTrade does", async () => {
    const { flows } = await importTrade(comtradeFile(JAPAN_ROWS), {
      format: 'comtrade',
      source: SOURCE,
    });
    const expected = tradeConcentration(flows);
    const got = await duckdbTradeConcentration(join(dir, 'japan.csv'), { format: 'comtrade' });
    expect(strip(got)).toEqual(strip(expected));
    const exporter = await duckdbTradeConcentration(join(dir, 'japan.csv'), {
      format: 'comtrade',
      prefer: 'exporter',
    });
    const { flows: exporterFlows } = await importTrade(comtradeFile(JAPAN_ROWS), {
      format: 'comtrade',
      source: SOURCE,
      prefer: 'exporter',
    });
    expect(strip(exporter)).toEqual(strip(tradeConcentration(exporterFlows)));
  });

  test('a connection of your own is used and left open', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = await duckdbTradeConcentration(join(dir, 'BACI_Y2023.csv'), {
      format: 'baci',
      countries,
      connection,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect((await connection.runAndReadAll('SELECT 1 AS one')).getRowObjectsJS()).toEqual([
      { one: 1 },
    ]);
    connection.closeSync();
    instance.closeSync();
  });

  test('refuses bad files: a value that is not a number, a duplicate flow, an unknown country code', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'bad-value.csv',
        't,i,j,k,v,q\n2023,156,276,850511,12k,1\n',
        /expected non-negative numbers for value and quantity, got 1 row\(s\)/,
      ],
      ['negative.csv', 't,i,j,k,v,q\n2023,156,276,850511,-4,1\n', /expected non-negative numbers/],
      [
        'duplicate.csv',
        't,i,j,k,v,q\n2023,156,276,850511,1,1\n2023,156,276,850511,1,1\n',
        /expected one row per flow, got 2 \(flow 156 → 276, 2023, HS 850511\)/,
      ],
      [
        'unknown.csv',
        't,i,j,k,v,q\n2023,999,276,850511,1,1\n',
        /expected a country code of the BACI country table, got "999"/,
      ],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text);
      const promise = duckdbTradeConcentration(join(dir, name), { format: 'baci', countries });
      await expect(promise).rejects.toBeInstanceOf(RareEarthsError);
      await expect(promise).rejects.toThrow(message);
    }
  });

  test('refuses bad options before opening DuckDB', async () => {
    const file = join(dir, 'BACI_Y2023.csv');
    await expect(duckdbTradeConcentration(file, { format: 'baci' })).rejects.toThrow(
      /options\.countries/,
    );
    await expect(
      duckdbTradeConcentration(file, { format: 'baci', countries, measure: 'share' as never }),
    ).rejects.toThrow(/options\.measure/);
    await expect(
      duckdbTradeConcentration(file, { format: 'comtrade', prefer: 'both' as never }),
    ).rejects.toThrow(/options\.prefer/);
    await expect(duckdbTradeConcentration([], { format: 'comtrade' })).rejects.toThrow(
      /files: expected one or more/,
    );
  });
});

describe('tradeSql', () => {
  test('pushes the code and year filters into SQL; refuses mixed kinds, unknown formats, fractional years', () => {
    const sql = tradeSql('x.csv', {
      format: 'comtrade',
      years: { from: 2020, to: 2024 },
      columns: ['partnerCode', 'motCode'],
    });
    expect(sql).toContain("cmdCode IN ('280530', '284610', '284690', '850511')");
    expect(sql).toContain('year >= 2020 AND year <= 2024');
    expect(sql).toContain("coalesce(motCode, '0') = '0'");
    expect(sql).not.toContain('customsCode');
    expect(tradeSql("o'brien.csv", { format: 'baci' })).toContain("'o''brien.csv'");
    expect(refusal(() => tradeSql(['a.csv', 'b.parquet'], { format: 'baci' })).message).toMatch(
      /all CSV or all Parquet/,
    );
    expect(refusal(() => tradeSql('a.csv', { format: 'xlsx' as never })).message).toMatch(
      /options\.format/,
    );
    expect(
      refusal(() => tradeSql('a.csv', { format: 'baci', years: { from: 2020.5 } })).message,
    ).toMatch(/options\.years\.from/);
  });
});

describe('files DuckDB cannot read as BACI', () => {
  test('columns in another order, a year that is not a number, a file that is not there', async () => {
    const countries = await readBaciCountries(BACI_COUNTRIES_CSV);
    const cases: [string, string | undefined, RegExp][] = [
      [
        'order.csv',
        'i,t,j,k,v,q\n156,2023,276,850511,1,1\n',
        /expected the BACI columns t, i, j, k, v, q, got i, t, j/,
      ],
      [
        'year.csv',
        't,i,j,k,v,q\n20x3,156,276,850511,1,1\n',
        /expected files DuckDB can read as BACI, got an error/,
      ],
      ['absent.csv', undefined, /expected files DuckDB can read as BACI, got an error/],
    ];
    for (const [name, text, message] of cases) {
      if (text !== undefined) writeFileSync(join(dir, name), text);
      await expect(
        duckdbTradeConcentration(join(dir, name), { format: 'baci', countries }),
      ).rejects.toThrow(message);
    }
  });
});
