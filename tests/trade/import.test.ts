// Mirror reconciliation, import into a dataset and import concentration, on the fixture files
// (tests/trade/fixtures.ts). Expected values are computed by hand from the fixture rows; the
// HHIs are also checked against numpy on the same shares (values quoted below).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { RareEarthsError, type TradeFlow } from '../../src/index.js';
import {
  importTrade,
  mergeTrade,
  readBaciCountries,
  reconcileMirror,
  type TradeRecord,
  tradeConcentration,
} from '../../src/trade/index.js';
import { refusal } from '../support/refusal.js';
import { BACI_COUNTRIES_CSV, BACI_CSV, comtradeFile, JAPAN_ROWS } from './fixtures.js';

const SOURCE = {
  id: 'comtrade-jpn-2024',
  title: 'UN Comtrade Plus, HS 2805.30, 2846 and 8505.11, Japan 2024 (test fixture)',
  publisher: 'UN Statistics Division',
  year: 2026,
};
const JAPAN = comtradeFile(JAPAN_ROWS);
const EU27 = baseline.regions?.find((region) => region.code === 'EU27');

describe('reconcileMirror and importTrade (Comtrade)', () => {
  test("keeps the importer's report, the exporter's where the importer gives none, and reports the gap", async () => {
    const result = await importTrade(JAPAN, {
      format: 'comtrade',
      source: SOURCE,
      file: 'japan.csv',
    });
    const rows = result.flows.map((f) => [
      f.exporter,
      f.commodity.hs,
      f.quantity?.amount,
      f.value?.amount,
      f.provenance.locator,
    ]);
    expect(rows).toEqual([
      ['CHN', '2846.90', '1250', '23000000', 'japan.csv, line 2'],
      ['VNM', '2846.90', '300', '4500000', 'japan.csv, line 3'],
      ['CHN', '8505.11', '2000.5', '61000000', 'japan.csv, line 4'],
      ['KOR', '2805.30', '0.5', '7000', 'japan.csv, line 11'],
      ['CHN', '2805.30', '40', '900000', 'japan.csv, line 12'],
    ]);
    expect(result.flows[0]?.quantity).toEqual({
      amount: '1250',
      unit: 't',
      basis: 'product',
      product: 'rare-earth compounds other than cerium (net weight)',
    });
    expect(result.flows[0]?.provenance.note).toBe("importer's report (CIF value).");
    expect(result.flows[2]?.provenance.note).toBe(
      "importer's report (CIF value); net weight flagged as estimated in the file.",
    );
    expect(result.flows[4]?.provenance.note).toBe(
      "exporter's report (FOB value); the preferred side reports no such flow.",
    );
    expect(result.fallbacks).toBe(1);
    // Line 2 against line 6: 23,000,000 / 20,000,000 − 1 = 0.15; 1,250 / 1,200 − 1 = 1/24.
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0]).toMatchObject({
      exporter: 'CHN',
      importer: 'JPN',
      hs: '2846.90',
      valueGap: 0.15,
      importerReport: { lines: [2] },
      exporterReport: { quantity: '1200', lines: [6] },
    });
    expect(result.gaps[0]?.quantityGap).toBeCloseTo(1 / 24, 15);
    expect(result.countries).toEqual([
      { code: 'CHN', name: 'China' },
      { code: 'JPN', name: 'Japan' },
      { code: 'KOR', name: 'Korea, "Rep." of' },
      { code: 'VNM', name: 'Viet Nam' },
    ]);
    expect(result.assumptions).toContain(
      "The importer's report of a flow is kept; 1 flow(s) come from the other side's report because the importer reports none.",
    );
    expect(
      result.assumptions.some((a) => a.startsWith('HS 8505.11 holds every permanent magnet')),
    ).toBe(true);
    expect(result.assumptions).toContain(
      '1 kept row(s) have a net weight the file flags as estimated.',
    );
  });

  test("prefer 'exporter' and 'both'", async () => {
    const exporter = await importTrade(JAPAN, {
      format: 'comtrade',
      source: SOURCE,
      prefer: 'exporter',
    });
    expect(
      exporter.flows.find((f) => f.exporter === 'CHN' && f.commodity.hs === '2846.90')?.quantity
        ?.amount,
    ).toBe('1200');
    expect(exporter.fallbacks).toBe(3);
    const both = await importTrade(JAPAN, { format: 'comtrade', source: SOURCE, prefer: 'both' });
    expect(both.flows).toHaveLength(6);
    expect(both.assumptions[2]).toMatch(/counts a mirrored flow twice/);
  });

  test('rows booked to other are added up exactly', () => {
    const base = {
      year: 2024,
      exporter: 'other',
      importer: 'JPN',
      names: {},
      reportedBy: 'importer',
      hs: '2846.90',
      description: 'd',
      product: 'p',
      valueBasis: 'CIF',
      file: 'f.csv',
    } as const;
    const records: TradeRecord[] = [
      { ...base, quantity: '0.1', value: '0.2', line: 2 },
      { ...base, quantity: '0.2', value: '0.1', line: 3 },
    ];
    const { flows } = reconcileMirror(records, { source: 's' });
    expect(flows[0]?.quantity?.amount).toBe('0.3'); // exact: 0.1 + 0.2 in floats is 0.30000000000000004
    expect(flows[0]?.provenance.locator).toBe('f.csv, lines 2, 3');
  });

  test('importTrade refuses bad options, and a bad line leaves nothing half-imported', async () => {
    const expectRefusal = async (promise: Promise<unknown>, text: RegExp) => {
      await expect(promise).rejects.toBeInstanceOf(RareEarthsError);
      await expect(promise).rejects.toThrow(text);
    };
    await expectRefusal(
      importTrade(JAPAN, { format: 'xlsx' as never, source: SOURCE }),
      /options\.format/,
    );
    await expectRefusal(importTrade(JAPAN, { format: 'comtrade' } as never), /options\.source/);
    await expectRefusal(
      importTrade(JAPAN, { format: 'baci', source: SOURCE }),
      /options\.countries/,
    );
    const broken = `${JAPAN}${JAPAN.split('\n')[1]?.replaceAll('1250000', '-1')}\n`;
    await expectRefusal(
      importTrade(broken, { format: 'comtrade', source: SOURCE }),
      /line 13"\]\.netWgt/,
    );
    expect(refusal(() => reconcileMirror([], { source: '' })).message).toMatch(/options\.source/);
    expect(
      refusal(() => reconcileMirror([], { source: 's', prefer: 'nobody' as never })).message,
    ).toMatch(/options\.prefer/);
  });
});

describe('mergeTrade', () => {
  test('adds flows, the source and the missing countries to the baseline, validated, inputs unchanged', async () => {
    const imported = await importTrade(JAPAN, {
      format: 'comtrade',
      source: SOURCE,
      file: 'japan.csv',
    });
    const before = JSON.stringify(baseline);
    const merged = mergeTrade(baseline, [imported]);
    expect(JSON.stringify(baseline)).toBe(before);
    expect(merged.tradeFlows?.length).toBe((baseline.tradeFlows?.length ?? 0) + 5);
    expect(merged.sources.at(-1)).toEqual(SOURCE);
    const added = merged.countries.slice(baseline.countries.length).map((c) => c.code);
    expect(added).toEqual(
      imported.countries
        .map((c) => c.code)
        .filter((code) => !baseline.countries.some((c) => c.code === code)),
    );
  });

  test('refuses a source id that names another publication', async () => {
    const imported = await importTrade(JAPAN, {
      format: 'comtrade',
      source: { ...SOURCE, id: 'usgs-mcs-2026' },
    });
    expect(refusal(() => mergeTrade(baseline, [imported])).message).toMatch(
      /sources.*usgs-mcs-2026/,
    );
  });
});

describe('tradeConcentration', () => {
  test('Japan 2024 by value: HS 2846.90 from China and Viet Nam (hand-computed; numpy: sum((array([23, 4.5]) / 27.5)**2) = 0.7262809917)', async () => {
    const { flows } = await importTrade(JAPAN, { format: 'comtrade', source: SOURCE });
    const rows = tradeConcentration(flows);
    const compounds = rows.find((r) => r.hs === '2846.90');
    expect(compounds).toMatchObject({
      importer: 'JPN',
      year: 2024,
      stage: 'separation',
      total: 27_500_000,
      partners: 2,
      top: { exporter: 'CHN' },
      otherShare: 0,
      withoutMeasure: 0,
    });
    expect(compounds?.hhi).toBeCloseTo(549.25 / 756.25, 14);
    expect(compounds?.top.share).toBeCloseTo(23 / 27.5, 14);
    const metals = rows.find((r) => r.hs === '2805.30');
    // 7,000 and 900,000 US$: (7² + 900²) / 907² = 0.984633...
    expect(metals?.hhi).toBeCloseTo((7 ** 2 + 900 ** 2) / 907 ** 2, 14);
    expect(tradeConcentration(flows, { measure: 'quantity', hs: ['2846.90'] })[0]?.total).toBe(
      1550,
    );
  });

  test('EU27 imports as one, intra-EU flows left out; NA quantities counted (BACI fixture)', async () => {
    const countries = await readBaciCountries(BACI_COUNTRIES_CSV);
    const { flows } = await importTrade(BACI_CSV, {
      format: 'baci',
      countries,
      source: { ...SOURCE, id: 'baci' },
    });
    const byValue = tradeConcentration(flows, {
      regions: EU27 === undefined ? [] : [EU27],
      hs: ['8505.11'],
    });
    // EU27 extra-EU magnet imports 2023: CHN 900,500 + 200,000 = 1,100,500; JPN 100,000; FRA → DEU left out.
    expect(byValue).toHaveLength(1);
    expect(byValue[0]).toMatchObject({
      importer: 'EU27',
      total: 1_200_500,
      partners: 2,
      top: { exporter: 'CHN' },
    });
    expect(byValue[0]?.hhi).toBeCloseTo((1_100_500 ** 2 + 100_000 ** 2) / 1_200_500 ** 2, 14);
    const byWeight = tradeConcentration(flows, {
      regions: EU27 === undefined ? [] : [EU27],
      measure: 'quantity',
      hs: ['8505.11'],
    });
    expect(byWeight[0]).toMatchObject({ total: 32.25, withoutMeasure: 1 });
  });

  test('the baseline US flows in kg are read as tonnes; a value not in US$ is refused', () => {
    const rows = tradeConcentration(baseline.tradeFlows ?? [], {
      measure: 'quantity',
      importers: ['USA'],
      hs: ['2846.90.2005'],
    });
    const y2022 = rows.find((r) => r.year === 2022);
    // USGS lanthanum oxides 2022: 1,110,000 + 812,000 + 45,500 kg = 1,967.5 t.
    expect(y2022?.total).toBeCloseTo(1967.5, 9);
    const flow: TradeFlow = {
      year: 2024,
      exporter: 'CHN',
      importer: 'JPN',
      commodity: { description: 'x' },
      value: { amount: 1, currency: 'EUR' },
      provenance: { source: 's', tag: 'reported' },
    };
    expect(refusal(() => tradeConcentration([flow])).code).toBe('unit-mismatch');
    expect(
      refusal(() => tradeConcentration([flow], { measure: 'share' as never })).message,
    ).toMatch(/options\.measure/);
    expect(
      refusal(() => tradeConcentration([flow], { regions: [{ code: 'X' } as never] })).message,
    ).toMatch(/options\.regions\[0\]/);
  });

  test('property: shares of a group sum to 1 (HHI in [1/n, 1]); the flows are not changed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('CHN', 'JPN', 'VNM', 'MYS'), fc.integer({ min: 1, max: 1e9 })),
          { minLength: 1, maxLength: 30 },
        ),
        (pairs) => {
          const flows: TradeFlow[] = pairs.map(([exporter, usd]) => ({
            year: 2024,
            exporter,
            importer: 'DEU',
            commodity: { hs: '8505.11', description: 'm' },
            value: { amount: usd, currency: 'USD' },
            provenance: { source: 's', tag: 'reported' },
          }));
          const copy = structuredClone(flows);
          const [row] = tradeConcentration(flows);
          expect(flows).toEqual(copy);
          const partners = new Set(pairs.map(([e]) => e)).size;
          expect(row?.partners).toBe(partners);
          expect(row?.hhi).toBeGreaterThanOrEqual(1 / partners - 1e-12);
          expect(row?.hhi).toBeLessThanOrEqual(1 + 1e-12);
          expect(row?.total).toBe(pairs.reduce((sum, [, usd]) => sum + usd, 0));
        },
      ),
    );
  });
});
