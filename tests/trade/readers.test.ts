// The Comtrade and BACI readers on files in the published layouts (tests/trade/fixtures.ts):
// kept rows, units (kg → t, thousand US$ → US$, exact), provenance lines, what is left out and
// why; every input kind (text, bytes in any chunking, web streams, Blobs, Node streams); and
// hostile files, each refused with its line.
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RareEarthsError } from '../../src/index.js';
import {
  readBaci,
  readBaciCountries,
  readComtrade,
  type TradeReadSummary,
  type TradeRecord,
  type TradeSource,
} from '../../src/trade/index.js';
import {
  BACI_COUNTRIES_CSV,
  BACI_CSV,
  COMTRADE_COLUMNS,
  comtradeFile,
  comtradeLine,
  JAPAN_ROWS,
} from './fixtures.js';

async function collect(
  reader: AsyncGenerator<TradeRecord, TradeReadSummary, undefined>,
): Promise<{ records: TradeRecord[]; summary: TradeReadSummary }> {
  const records: TradeRecord[] = [];
  let step = await reader.next();
  while (step.done !== true) {
    records.push(step.value);
    step = await reader.next();
  }
  return { records, summary: step.value };
}

async function refusedWith(promise: Promise<unknown>): Promise<RareEarthsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RareEarthsError) return error;
    throw error;
  }
  throw new Error('expected a RareEarthsError, got a result');
}

const comtrade = (source: TradeSource, options = {}) =>
  collect(readComtrade(source, { file: 'japan.csv', ...options }));
const countries = () => readBaciCountries(BACI_COUNTRIES_CSV);
const baci = async (source: TradeSource, options = {}) =>
  collect(readBaci(source, { file: 'baci.csv', countries: await countries(), ...options }));

const JAPAN = comtradeFile(JAPAN_ROWS);

describe('readComtrade', () => {
  test('keeps the bilateral totals of the rare-earth codes, in t and US$, with their lines', async () => {
    const { records, summary } = await comtrade(JAPAN);
    expect(
      records.map((r) => [r.line, r.exporter, r.importer, r.hs, r.quantity, r.value, r.reportedBy]),
    ).toEqual([
      [2, 'CHN', 'JPN', '2846.90', '1250', '23000000', 'importer'],
      [3, 'VNM', 'JPN', '2846.90', '300', '4500000', 'importer'],
      [4, 'CHN', 'JPN', '8505.11', '2000.5', '61000000', 'importer'],
      [6, 'CHN', 'JPN', '2846.90', '1200', '20000000', 'exporter'],
      [11, 'KOR', 'JPN', '2805.30', '0.5', '7000', 'importer'],
      [12, 'CHN', 'JPN', '2805.30', '40', '900000', 'exporter'],
    ]);
    expect(records[2]).toMatchObject({
      stage: 'magnet',
      quantityEstimated: true,
      valueBasis: 'CIF',
    });
    expect(records[3]?.valueBasis).toBe('FOB');
    expect(records[4]?.names).toEqual({ exporter: 'Korea, "Rep." of', importer: 'Japan' });
    expect(summary).toEqual({
      file: 'japan.csv',
      format: 'comtrade',
      rows: 11,
      kept: 6,
      skipped: {
        'partner is World': 1,
        'second-partner breakdown (partner2Code ≠ 0)': 1,
        'customs-procedure breakdown (customsCode ≠ C00)': 1,
        'flow RX (only imports M and exports X are kept)': 1,
        'HS code not kept': 1,
      },
      withoutQuantity: 0,
      estimatedQuantity: 1,
    });
  });

  test('reads every input kind the same: text, bytes, a web stream, a Blob, a Node stream', async () => {
    const expected = (await comtrade(JAPAN)).records;
    const bytes = new TextEncoder().encode(JAPAN);
    const dir = mkdtempSync(join(tmpdir(), 'trade-'));
    writeFileSync(join(dir, 'japan.csv'), bytes);
    const sources: TradeSource[] = [
      [bytes],
      new Blob([bytes]),
      new Blob([bytes]).stream(),
      createReadStream(join(dir, 'japan.csv'), { highWaterMark: 97 }),
      (function* () {
        for (let at = 0; at < JAPAN.length; at += 50) yield JAPAN.slice(at, at + 50);
      })(),
    ];
    for (const source of sources) expect((await comtrade(source)).records).toEqual(expected);
  });

  test('any split of the bytes into chunks gives the same records (a cut inside a quoted field, a CRLF, a multi-byte character)', async () => {
    const rows = [
      ...JAPAN_ROWS,
      {
        reporter: 'JPN',
        flow: 'M',
        partner: 'DEU',
        cmd: '850511',
        netWgt: '1',
        value: '2',
        partnerDesc: 'Germany\nwith a newline, — and ü',
      },
    ] as const;
    const text = comtradeFile(rows, '\r\n');
    const bytes = new TextEncoder().encode(text);
    const expected = (await comtrade(text)).records;
    expect(expected.at(-1)).toMatchObject({
      line: 13,
      exporter: 'DEU',
      names: { exporter: 'Germany\nwith a newline, — and ü' },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const chunks = points.slice(1).map((end, index) => bytes.slice(points[index], end));
          expect((await comtrade(chunks)).records).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a byte-order mark is dropped, from text and from bytes', async () => {
    const expected = (await comtrade(JAPAN)).records;
    expect((await comtrade(`\uFEFF${JAPAN}`)).records).toEqual(expected);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JAPAN)]);
    expect((await comtrade([bom.slice(0, 2), bom.slice(2)])).records).toEqual(expected);
  });

  test('headers match without regard to case (the web interface writes RefYear)', async () => {
    const [header, ...rest] = JAPAN.split('\n');
    const pascal = [
      header
        ?.split(',')
        .map((c) => c[0]?.toUpperCase() + c.slice(1))
        .join(','),
      ...rest,
    ].join('\n');
    expect((await comtrade(pascal)).records).toEqual((await comtrade(JAPAN)).records);
  });

  test('years outside the range asked for and unallocated partners are counted, not dropped unseen', async () => {
    const file = comtradeFile([
      {
        reporter: 'JPN',
        flow: 'M',
        partner: 'CHN',
        cmd: '284690',
        netWgt: '1000',
        value: '1',
        year: '2023',
      },
      { reporter: 'JPN', flow: 'M', partner: 'S19', cmd: '284690', netWgt: '2000', value: '2' },
      { reporter: 'JPN', flow: 'M', partner: '_X', cmd: '284690', netWgt: '3000', value: '3' },
    ]);
    const { records, summary } = await comtrade(file, {
      years: { from: 2024 },
      unallocatedPartners: 'other',
    });
    expect(records.map((r) => [r.exporter, r.quantity])).toEqual([
      ['other', '2'],
      ['other', '3'],
    ]);
    expect(summary.skipped).toEqual({
      'year outside the range asked for': 1,
      'kept, unallocated partner booked to other': 2,
    });
  });

  test('the input is not changed: reading twice gives the same records', async () => {
    const chunks = [new TextEncoder().encode(JAPAN)];
    const copy = chunks[0]?.slice();
    await comtrade(chunks);
    expect(chunks[0]).toEqual(copy);
  });
});

describe('readBaci', () => {
  test('converts thousand US$ to US$ and keeps tonnes, exactly; NA is a missing quantity', async () => {
    const { records, summary } = await baci(BACI_CSV);
    expect(
      records.map((r) => [r.line, r.exporter, r.importer, r.hs, r.value, r.quantity ?? null]),
    ).toEqual([
      [2, 'CHN', 'DEU', '8505.11', '900500', '30.25'],
      [3, 'JPN', 'DEU', '8505.11', '100000', '2'],
      [4, 'FRA', 'DEU', '8505.11', '50000', '1'],
      [5, 'CHN', 'FRA', '8505.11', '200000', null],
      [7, 'MYS', 'USA', '2846.90', '1234567', '89'],
    ]);
    expect(records[0]).toMatchObject({
      reportedBy: 'reconciled',
      valueBasis: 'FOB',
      names: { exporter: 'China', importer: 'Germany' },
    });
    expect(summary).toMatchObject({
      rows: 6,
      kept: 5,
      skipped: { 'HS code not kept': 1 },
      withoutQuantity: 1,
    });
  });

  test('reads the older country table layout (iso_3digit_alpha)', async () => {
    const table = await readBaciCountries(
      'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n',
    );
    expect(table.get(156)).toEqual({ iso3: 'CHN', name: 'China' });
  });

  test('refuses a run without its country table', async () => {
    const error = await refusedWith(collect(readBaci(BACI_CSV, {} as never)));
    expect(error.message).toContain('options.countries');
  });
});

describe('hostile files are refused with their line, and nothing is half-returned by importTrade', () => {
  const line = (row: Parameters<typeof comtradeLine>[0]) => comtradeLine(row);
  const header = COMTRADE_COLUMNS.join(',');
  const good = line({
    reporter: 'JPN',
    flow: 'M',
    partner: 'CHN',
    cmd: '284690',
    netWgt: '1000',
    value: '5',
  });
  const cases: [string, string, RegExp][] = [
    [
      'a wrong delimiter',
      `${header.replaceAll(',', ';')}\n${good.replaceAll(',', ';')}\n`,
      /line 1"\]: expected the UN Comtrade columns "refYear".*delimiter/,
    ],
    [
      'a missing column',
      `${header.replace('netWgt', 'netWeight')}\n${good}\n`,
      /line 1"\]: expected the UN Comtrade columns "netWgt"/,
    ],
    [
      'an unknown country code',
      `${header}\n${good}\n${line({ reporter: 'JPN', flow: 'M', partner: 'S19', cmd: '284690', netWgt: '1', value: '1' })}\n`,
      /line 3"\]\.partnerISO: expected an ISO 3166-1 alpha-3 country code, got "S19"/,
    ],
    [
      'a negative quantity',
      `${header}\n${line({ reporter: 'JPN', flow: 'M', partner: 'CHN', cmd: '284690', netWgt: '-5', value: '1' })}\n`,
      /line 2"\]\.netWgt: expected a non-negative number, got -5/,
    ],
    [
      'a non-numeric value',
      `${header}\n${good}\n${line({ reporter: 'JPN', flow: 'M', partner: 'VNM', cmd: '284690', netWgt: '5', value: '12k' })}\n`,
      /line 3"\]\.primaryValue: expected a number, got "12k"/,
    ],
    [
      'an HS code of the wrong length',
      `${header}\n${line({ reporter: 'JPN', flow: 'M', partner: 'CHN', cmd: '28469', netWgt: '5', value: '1' })}\n`,
      /line 2"\]\.cmdCode: expected an HS code of 2, 4 or 6 digits/,
    ],
    [
      'a duplicate row',
      `${header}\n${good}\n${good}\n`,
      /line 3"\]: expected one row per flow, got a duplicate of line 2/,
    ],
    [
      'a truncated last line',
      `${header}\n${good}\n${good.slice(0, 60)}`,
      /line 3"\]: expected 47 fields \(as in the header\), got \d+ \(a truncated line\?\)/,
    ],
    [
      'an unclosed quote at the end',
      `${header}\n${good}\n2024,"JPN`,
      /line 3"\]: expected a closing quote before the end of the file/,
    ],
    [
      'monthly data',
      `${header}\n${good.replace(/^C,A,/, 'C,M,')}\n`,
      /line 2"\]\.freqCode: expected annual data/,
    ],
    ['an empty file', '', /line 1"\]\.header: expected a header row, got an empty file/],
  ];
  for (const [name, text, message] of cases) {
    test(`Comtrade: ${name}`, async () => {
      const error = await refusedWith(comtrade(text));
      expect(error.fn).toBe('readComtrade');
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(message);
      expect(error.message).toContain('japan.csv');
    });
  }

  test('bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${header}\n`), 0xff, 0xfe, 0x41]);
    expect((await refusedWith(comtrade([bytes]))).message).toMatch(/expected UTF-8 text/);
  });

  const baciCases: [string, string, RegExp][] = [
    [
      'an unknown country code',
      't,i,j,k,v,q\n2023,999,276,850511,1,1\n',
      /line 2"\]\.i: expected a country code of the BACI country table, got "999"/,
    ],
    [
      'a code without its leading zero',
      't,i,j,k,v,q\n2023,156,276,10121,1,1\n',
      /line 2"\]\.k: expected a six-digit HS code, got "10121"/,
    ],
    [
      'a negative value',
      't,i,j,k,v,q\n2023,156,276,850511,-1,1\n',
      /line 2"\]\.v: expected a non-negative number, got -1/,
    ],
    [
      'a quantity that is text',
      't,i,j,k,v,q\n2023,156,276,850511,1,lots\n',
      /line 2"\]\.q: expected a number, got "lots"/,
    ],
    [
      'a duplicate row',
      't,i,j,k,v,q\n2023,156,276,850511,1,1\n2023,156,276,850511,2,2\n',
      /line 3"\]: expected one row per flow, got a duplicate of line 2/,
    ],
    ['a wrong delimiter', 't;i;j;k;v;q\n2023;156;276;850511;1;1\n', /delimiter/],
    [
      'a truncated last line',
      't,i,j,k,v,q\n2023,156,276,850511,1,1\n2023,156,27',
      /line 3"\]: expected 6 fields/,
    ],
  ];
  for (const [name, text, message] of baciCases) {
    test(`BACI: ${name}`, async () => {
      const error = await refusedWith(baci(text));
      expect(error.fn).toBe('readBaci');
      expect(error.message).toMatch(message);
    });
  }

  test('BACI country table: a code twice, an ISO code that is not three letters', async () => {
    expect(
      (
        await refusedWith(
          readBaciCountries(
            'country_code,country_name,country_iso3\n156,China,CHN\n156,China,CHN\n',
          ),
        )
      ).message,
    ).toMatch(/line 3"\]\.country_code: expected each code once/);
    expect(
      (
        await refusedWith(
          readBaciCountries('country_code,country_name,country_iso3\n156,China,CN\n'),
        )
      ).message,
    ).toMatch(/line 2"\]\.country_iso3/);
  });
});
