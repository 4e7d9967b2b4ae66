// importSources: every published sourcing table of an importer that covers a year, grouped,
// filtered and ordered as documented. The dataset is built by hand so that each rule (grouping
// key, year coverage, element scope, order) has a case that only it decides.
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { type Dataset, importSources, type TradeFlow } from '../../src/index.js';

const from = (source: string) => ({ source, tag: 'reported' as const });

function flow(
  exporter: string,
  share: number | undefined,
  extra: Partial<TradeFlow> & Pick<TradeFlow, 'commodity' | 'provenance'>,
): TradeFlow {
  return {
    exporter,
    importer: 'USA',
    ...(share === undefined ? {} : { share }),
    ...extra,
  } as TradeFlow;
}

const compounds = { description: 'compounds' };
const concentrates = { description: 'concentrates', stage: 'mining' as const };
const oxides = { description: 'oxides', stage: 'separation' as const };

const dataset: Dataset = {
  schemaVersion: 1,
  name: 'sourcing',
  sources: [
    { id: 'old', title: 'Old', publisher: 'P', year: 2024, published: '2024-01' },
    { id: 'new', title: 'New', publisher: 'P', year: 2025, published: '2025-01' },
  ],
  countries: [],
  tradeFlows: [
    // Whole-commodity, unstaged, four-year period, two sources (newest first in the result).
    flow('CHN', 0.6, {
      commodity: compounds,
      period: { from: 2021, to: 2024 },
      provenance: from('old'),
    }),
    flow('other', 0.4, {
      commodity: compounds,
      period: { from: 2021, to: 2024 },
      provenance: from('old'),
    }),
    flow('CHN', 0.7, {
      commodity: compounds,
      period: { from: 2021, to: 2024 },
      provenance: from('new'),
    }),
    // The same exporter twice in one table: the shares add up.
    flow('MYS', 0.1, {
      commodity: compounds,
      period: { from: 2021, to: 2024 },
      provenance: from('new'),
    }),
    flow('MYS', 0.2, {
      commodity: compounds,
      period: { from: 2021, to: 2024 },
      provenance: from('new'),
    }),
    // Staged tables for a single year: mining before separation, whatever the input order.
    flow('AUS', 0.5, { commodity: oxides, year: 2024, provenance: from('old') }),
    flow('MYS', 0.5, { commodity: oxides, year: 2024, provenance: from('old') }),
    flow('AUS', 1, { commodity: concentrates, year: 2024, provenance: from('old') }),
    // Element-scoped: after every whole-commodity table.
    flow('CHN', 1, {
      commodity: compounds,
      year: 2024,
      elements: ['Tb', 'Dy'],
      provenance: from('old'),
    }),
    flow('JPN', 1, { commodity: compounds, year: 2024, elements: ['Sc'], provenance: from('old') }),
    // Left out: another year, another importer, a flow without a share.
    flow('CHN', 1, { commodity: compounds, year: 2019, provenance: from('old') }),
    {
      ...flow('CHN', 1, { commodity: compounds, year: 2024, provenance: from('old') }),
      importer: 'JPN',
    },
    flow('VNM', undefined, { commodity: compounds, year: 2024, provenance: from('old') }),
  ],
};

describe('importSources', () => {
  test('groups by source, commodity, stage, period and elements; orders as documented', () => {
    const tables = importSources(dataset, { importer: 'USA', year: 2024 });
    expect(
      tables.map((t) => [t.commodity, t.stage ?? '-', t.source.id, (t.elements ?? []).join('+')]),
    ).toEqual([
      ['concentrates', 'mining', 'old', ''],
      ['oxides', 'separation', 'old', ''],
      ['compounds', '-', 'new', ''],
      ['compounds', '-', 'old', ''],
      // Element-scoped last; between them, the commodity and source tie, so input order stays.
      ['compounds', '-', 'old', 'Tb+Dy'],
      ['compounds', '-', 'old', 'Sc'],
    ]);
  });

  test('shares add up per exporter; the HHI leaves the residual out; periods and years', () => {
    const [mining, separation, newest, older] = importSources(dataset, {
      importer: 'USA',
      year: 2024,
    });
    expect(newest?.shares).toEqual({ CHN: 0.7, MYS: 0.1 + 0.2 });
    // 0.7² + 0.3² over the identified exporters (no residual here).
    expect(newest?.hhi).toBeCloseTo(0.49 + 0.09, 12);
    // The residual 'other' is many exporters: the lower bound counts CHN alone, 0.6².
    expect(older?.hhi).toBeCloseTo(0.36, 12);
    expect(newest?.period).toEqual({ from: 2021, to: 2024 });
    // A single-year table reports that year as its period.
    expect(separation?.period).toEqual({ from: 2024, to: 2024 });
    expect(separation?.shares).toEqual({ AUS: 0.5, MYS: 0.5 });
    expect(mining?.hhi).toBe(1);
    expect(newest).not.toHaveProperty('stage');
    expect(newest).not.toHaveProperty('elements');
    expect(mining?.stage).toBe('mining');
  });

  test('a period covers each of its years; other years and importers have no tables', () => {
    expect(importSources(dataset, { importer: 'USA', year: 2021 }).map((t) => t.source.id)).toEqual(
      ['new', 'old'],
    );
    expect(importSources(dataset, { importer: 'USA', year: 2019 })).toHaveLength(1);
    expect(importSources(dataset, { importer: 'USA', year: 2025 })).toEqual([]);
    expect(importSources(dataset, { importer: 'JPN', year: 2024 })).toHaveLength(1);
    expect(importSources(dataset, { importer: 'EU27', year: 2024 })).toEqual([]);
    expect(
      importSources({ ...dataset, tradeFlows: undefined } as never, {
        importer: 'USA',
        year: 2024,
      }),
    ).toEqual([]);
  });

  test('an element keeps whole-commodity tables and the tables scoped to it', () => {
    const terbium = importSources(dataset, { importer: 'USA', year: 2024, element: 'Tb' });
    expect(terbium.map((t) => (t.elements ?? []).join('+'))).toEqual(['', '', '', '', 'Tb+Dy']);
    const neodymium = importSources(dataset, { importer: 'USA', year: 2024, element: 'Nd' });
    expect(neodymium.every((t) => t.elements === undefined)).toBe(true);
    expect(neodymium).toHaveLength(4);
  });

  test('the baseline: USGS US import sources 2021–24 and EU sourcing 2023', () => {
    // USGS MCS 2026 p. 152: China 71%, Malaysia 13%, Japan 5%, Estonia 5%, other 6%.
    const us = importSources(baseline, { importer: 'USA', year: 2024 });
    expect(us[0]?.shares).toEqual({ CHN: 0.71, MYS: 0.13, JPN: 0.05, EST: 0.05, other: 0.06 });
    expect(us[0]?.source.id).toBe('usgs-mcs-2026');
    const eu = importSources(baseline, { importer: 'EU27', year: 2023 });
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.every((t) => t.source.id === 'eu-crm-2023')).toBe(true);
  });

  test('a table of nothing but "other" has an HHI lower bound of 0, not an error', () => {
    const residual: Dataset = {
      ...dataset,
      tradeFlows: [flow('other', 1, { commodity: compounds, year: 2024, provenance: from('old') })],
    };
    const [table] = importSources(residual, { importer: 'USA', year: 2024 });
    expect(table?.shares).toEqual({ other: 1 });
    expect(table?.hhi).toBe(0);
  });

  test('bad options are refused by name', () => {
    const message = (options: unknown) => {
      try {
        importSources(dataset, options as never);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message(null)).toBe(
      'importSources: options: expected an options object { importer, year }, got null',
    );
    expect(message({ importer: 'usa', year: 2024 })).toBe(
      'importSources: options.importer: expected a country or region code such as "USA" or "EU27", got "usa"',
    );
    // The code must match as a whole: no leading or trailing junk.
    expect(message({ importer: 'xUSA', year: 2024 })).toContain('options.importer');
    expect(message({ importer: 'USA!', year: 2024 })).toContain('options.importer');
    expect(message({ importer: 'USA', year: 2024.5 })).toContain('importSources: options.year:');
  });
});
