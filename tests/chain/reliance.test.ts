import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { type Dataset, importReliance, type RareEarthsError } from '../../src/index.js';

describe('importReliance: US compounds and metals', () => {
  test('2024 from MCS 2026: 52.3% computed, 53% published, consistent within rounding', () => {
    const us = importReliance(baseline, { country: 'USA', year: 2024 });
    expect(us.source.id).toBe('usgs-mcs-2026');
    expect(us.inputs).toEqual({ production: 4300, apparentConsumption: 9010 });
    // (9,010 − 4,300) / 9,010 = 0.5227524972253053 (Python).
    expect(us.computed).toBeCloseTo(0.5227524972253053, 15);
    expect(us.method).toMatch(/^\(apparent consumption − production\)/);
    expect(us.published).toEqual({ share: 0.53 });
    // Why they differ: MCS 2026 prints production as 4,300 t, rounded to two significant
    // figures, i.e. somewhere in [4,250, 4,350). The published 53% (itself in [52.5, 53.5)) needs
    // production ≤ 9,010 × (1 − 0.525) = 4,279.75 t, which lies inside that interval: the printed
    // rows cannot reproduce 53% exactly, but they are consistent with it.
    const productionBounds = [4250, 4350];
    const nirAtBounds = productionBounds.map((p) => (9010 - p) / 9010);
    expect(nirAtBounds[0]).toBeGreaterThanOrEqual(0.525);
    expect(nirAtBounds[1]).toBeLessThan(0.525);
  });

  test('2024 from MCS 2025 reproduces its published 80%', () => {
    const older = importReliance(baseline, { country: 'USA', year: 2024, source: 'usgs-mcs-2025' });
    expect(older.computed).toBeCloseTo(0.803030303030303, 15);
    expect(older.published?.share).toBe(0.8);
  });

  test('partners: USGS import sources 2021–24, and their concentration', () => {
    const us = importReliance(baseline, { country: 'USA', year: 2024 });
    expect(us.partners?.period).toEqual({ from: 2021, to: 2024 });
    expect(us.partners?.shares).toEqual({
      CHN: 0.71,
      MYS: 0.13,
      JPN: 0.05,
      EST: 0.05,
      other: 0.06,
    });
    // 0.71² + 0.13² + 0.05² + 0.05² = 0.526; the 6% "other" counted as many small partners.
    expect(us.partners?.hhi).toBeCloseTo(0.526, 12);
  });

  test('the (imports − exports) form, when the rows have trade', () => {
    const data: Dataset = {
      schemaVersion: 1,
      name: 'trade',
      sources: [{ id: 's', title: 'S', publisher: 'P', year: 2026 }],
      countries: [{ code: 'DEU', name: 'Germany' }],
      balances: [
        {
          country: 'DEU',
          year: 2024,
          commodity: { description: 'compounds and metals' },
          item: 'production',
          quantity: { amount: 100, unit: 't', basis: 'REO' },
          provenance: { source: 's', tag: 'reported' },
        },
        {
          country: 'DEU',
          year: 2024,
          commodity: { description: 'compounds and metals' },
          item: 'imports',
          quantity: { amount: 500, unit: 't', basis: 'REO' },
          provenance: { source: 's', tag: 'reported' },
        },
        {
          country: 'DEU',
          year: 2024,
          commodity: { description: 'compounds and metals' },
          item: 'exports',
          quantity: { amount: 200, unit: 't', basis: 'REO' },
          provenance: { source: 's', tag: 'reported' },
        },
      ],
    };
    const result = importReliance(data, { country: 'DEU', year: 2024 });
    expect(result.computed).toBe(0.75);
    expect(result.method).toBe('(imports − exports) / apparent consumption');
    expect(result.partners).toBeUndefined();
    const exporter = importReliance(
      {
        ...data,
        balances: (data.balances ?? []).map((b) =>
          b.item === 'exports' ? { ...b, quantity: { amount: 900, unit: 't', basis: 'REO' } } : b,
        ),
      },
      { country: 'DEU', year: 2024 },
    );
    expect(exporter.computed).toBeUndefined();
    expect(exporter.method).toBe(
      'apparent consumption (production + imports − exports) is -300, not positive: the ratio is undefined',
    );
    const noConsumption = importReliance(
      { ...data, balances: (data.balances ?? []).filter((b) => b.item !== 'production') },
      { country: 'DEU', year: 2024 },
    );
    expect(noConsumption.method).toBe(
      'imports and exports are known but apparent consumption is neither given nor computable',
    );
    const thin = importReliance(
      { ...data, balances: (data.balances ?? []).filter((b) => b.item === 'imports') },
      { country: 'DEU', year: 2024 },
    );
    expect(thin.computed).toBeUndefined();
    expect(thin.method).toBe(
      'the rows give neither imports and exports nor apparent consumption and production',
    );
  });

  test('missing rows and bad options', () => {
    let caught: unknown;
    try {
      importReliance(baseline, { country: 'USA', year: 2019 });
    } catch (error) {
      caught = error;
    }
    expect((caught as RareEarthsError).code).toBe('not-found');
    expect((caught as RareEarthsError).message).toBe(
      'importReliance: options: expected a year with balance rows for USA, "compounds and metals" (2020, 2021, 2022, 2023, 2024, 2025), got 2019',
    );
    expect(() =>
      importReliance(baseline, { country: 'USA', year: 2024, commodity: 'magnets' }),
    ).toThrow(
      /^importReliance: options: expected a commodity with balance rows for USA \(.*"compounds and metals".*\), got "magnets"$/,
    );
    expect(() => importReliance(baseline, { country: 'FRA', year: 2024 })).toThrow(
      'importReliance: options: expected balance rows for FRA, but the dataset has none',
    );
    expect(() => importReliance(baseline, { country: 'US', year: 2024 })).toThrow(
      'importReliance: options.country: expected an ISO 3166-1 alpha-3 country code such as "USA", got "US"',
    );
    expect(() => importReliance(baseline, { country: 'USA', year: 24 })).toThrow(
      'importReliance: options.year',
    );
    expect(() => importReliance(baseline, 'USA' as never)).toThrow(
      'importReliance: options: expected an options object { country, year }, got "USA"',
    );
  });
});

describe('importReliance: picking the commodity by stage or element', () => {
  test('element-scoped USGS balances: yttrium, scandium and the heavy rare earths (MCS 2026)', () => {
    // MCS 2026 p. 152 and the yttrium, scandium pages: each published as 100% import reliant.
    const yttrium = importReliance(baseline, { country: 'USA', year: 2024, element: 'Y' });
    expect(yttrium.commodity).toBe('yttrium');
    expect(yttrium.published).toEqual({ share: 1 });
    expect(yttrium.partners?.elements).toContain('Y');
    expect(yttrium.partners?.shares.CHN).toBe(0.7);
    const terbium = importReliance(baseline, { country: 'USA', year: 2024, element: 'Tb' });
    expect(terbium.commodity).toBe('heavy rare-earth compounds and metals');
    expect(terbium.partners?.shares).toEqual({ CHN: 1 });
    const scandium = importReliance(baseline, { country: 'USA', year: 2024, element: 'Sc' });
    expect(scandium.commodity).toBe('scandium');
  });

  test('by stage: mineral concentrates are the mining stage; no whole-commodity partners', () => {
    const concentrates = importReliance(baseline, { country: 'USA', year: 2024, stage: 'mining' });
    expect(concentrates.commodity).toBe('mineral concentrates (excluding monazite)');
    expect(concentrates.published?.netExporter).toBe(true);
    expect(concentrates.partners).toBeUndefined();
  });

  test('refusals: nothing to pick, several to pick from, or both ways at once', () => {
    expect(() => importReliance(baseline, { country: 'USA', year: 2024, element: 'Nd' })).toThrow(
      'importReliance: options: expected balance rows for USA in 2024 for the element Nd, but the dataset has none (name a commodity instead)',
    );
    expect(() =>
      importReliance(baseline, { country: 'USA', year: 2024, stage: 'separation', element: 'Y' }),
    ).toThrow('for the stage separation and element Y, but the dataset has none');
    // Without a headline row, two yttrium commodities fit equally.
    const noHeadline = {
      ...baseline,
      balances: (baseline.balances ?? []).filter(
        (row) => !(row.elements?.includes('Y') && row.commodity.description === 'yttrium'),
      ),
    };
    expect(() => importReliance(noHeadline, { country: 'USA', year: 2024, element: 'Y' })).toThrow(
      'expected one commodity for the element Y, got several ("yttrium alloys, compounds and metal", "yttrium compounds"): name one with options.commodity',
    );
    expect(() =>
      importReliance(baseline, {
        country: 'USA',
        year: 2024,
        commodity: 'compounds and metals',
        element: 'Y',
      }),
    ).toThrow(
      'importReliance: options.commodity: expected either a commodity or a stage and element to pick one, not both, got "compounds and metals"',
    );
    expect(() =>
      importReliance(baseline, { country: 'USA', year: 2024, stage: 'smelting' as never }),
    ).toThrow('importReliance: options.stage: expected one of mining, separation, metal, magnet');
    expect(() =>
      importReliance(baseline, { country: 'USA', year: 2024, element: 'Xx' as never }),
    ).toThrow('importReliance: options.element: expected a rare-earth element symbol');
    expect(() =>
      importReliance(baseline, { country: 'USA', year: 2024, commodity: 5 as never }),
    ).toThrow('importReliance: options.commodity: expected a commodity description, got 5');
  });
});

describe('importReliance: the rows of one source, and what it reports', () => {
  type Row = NonNullable<Dataset['balances']>[number];
  const row = (
    item: Row['item'],
    amount: number | undefined,
    extra: Partial<Row> = {},
    source = 'new',
  ): Row =>
    ({
      country: 'DEU',
      year: 2024,
      commodity: { description: 'Compounds and Metals' },
      item,
      ...(amount === undefined ? {} : { quantity: { amount, unit: 't', basis: 'REO' } }),
      provenance: { source, tag: 'reported' },
      ...extra,
    }) as Row;
  const data = (balances: Row[], tradeFlows: Dataset['tradeFlows'] = []): Dataset => ({
    schemaVersion: 1,
    name: 'balances',
    sources: [
      { id: 'old', title: 'Old', publisher: 'P', year: 2024, published: '2024-01' },
      { id: 'new', title: 'New', publisher: 'P', year: 2025, published: '2025-01' },
    ],
    countries: [{ code: 'DEU', name: 'Germany' }],
    balances,
    tradeFlows,
  });
  const options = { country: 'DEU', year: 2024, commodity: 'Compounds and Metals' };

  test('the newest source is read alone; another is read when named', () => {
    const balances = [
      row('production', 100),
      row('imports', 500),
      row('exports', 200),
      row('imports', 900, {}, 'old'),
      row('exports', 0, {}, 'old'),
      row('production', 100, {}, 'old'),
    ];
    const newest = importReliance(data(balances), options);
    // (500 − 200) / (100 + 500 − 200)
    expect(newest.computed).toBe(0.75);
    expect(newest.source.id).toBe('new');
    expect(newest.inputs).toEqual({ production: 100, imports: 500, exports: 200 });
    expect(newest).not.toHaveProperty('published');
    const older = importReliance(data(balances), { ...options, source: 'old' });
    // 900 / (100 + 900)
    expect(older.computed).toBe(0.9);
    expect(older.source.id).toBe('old');
  });

  test('with imports but no exports, apparent consumption and production give the ratio', () => {
    const result = importReliance(
      data([row('imports', 50), row('apparent-consumption', 400), row('production', 100)]),
      options,
    );
    // (400 − 100) / 400
    expect(result.computed).toBe(0.75);
    expect(result.inputs).toEqual({ imports: 50, apparentConsumption: 400, production: 100 });
    const zero = importReliance(
      data([row('apparent-consumption', 0), row('production', 100)]),
      options,
    );
    expect(zero).not.toHaveProperty('computed');
    expect(zero.method).toBe(
      'the rows give neither imports and exports nor apparent consumption and production',
    );
    const noProduction = importReliance(data([row('apparent-consumption', 400)]), options);
    expect(noProduction).not.toHaveProperty('computed');
  });

  test('published figures as the source gives them: a share, a bound, a net exporter', () => {
    const share = importReliance(
      data([row('net-import-reliance', undefined, { share: 0.5 })]),
      options,
    );
    expect(share.published).toEqual({ share: 0.5 });
    const bound = importReliance(
      data([row('net-import-reliance', undefined, { share: 0.95, bound: 'greater-than' })]),
      options,
    );
    expect(bound.published).toEqual({ share: 0.95, bound: 'greater-than' });
    const exporter = importReliance(
      data([row('net-import-reliance', undefined, { netExporter: true })]),
      options,
    );
    expect(exporter.published).toEqual({ netExporter: true });
  });

  test("partners: the whole-commodity table naming the commodity, in any case; never an element's", () => {
    const flow = (description: string, elements?: readonly ('Nd' | 'Dy')[]) => ({
      exporter: 'CHN',
      importer: 'DEU',
      year: 2024,
      commodity: { description },
      share: 1,
      ...(elements === undefined ? {} : { elements }),
      provenance: { source: 'new', tag: 'reported' as const },
    });
    const balances = [row('imports', 1)];
    const named = importReliance(
      data(balances, [flow('Magnets'), flow('rare-earth COMPOUNDS AND METALS')]),
      options,
    );
    expect(named.partners?.commodity).toBe('rare-earth COMPOUNDS AND METALS');
    expect(named.partners?.shares).toEqual({ CHN: 1 });
    const scoped = importReliance(
      data(balances, [flow('compounds and metals', ['Dy']), flow('magnets')]),
      options,
    );
    expect(scoped).not.toHaveProperty('partners');
  });

  test('not found: the commodities the country has, sorted; the country code whole', () => {
    const balances = [
      row('imports', 1, { commodity: { description: 'metals' } }),
      row('imports', 1, { commodity: { description: 'alloys' } }),
    ];
    expect(() => importReliance(data(balances), { ...options, commodity: 'oxides' })).toThrow(
      'importReliance: options: expected a commodity with balance rows for DEU ("alloys", "metals"), got "oxides"',
    );
    expect(() => importReliance(data(balances), { ...options, country: 'FRA' })).toThrow(
      'importReliance: options: expected balance rows for FRA, but the dataset has none',
    );
    for (const country of ['DEUX', 'XDEU', 'de']) {
      expect(() => importReliance(data(balances), { ...options, country })).toThrow(
        `importReliance: options.country: expected an ISO 3166-1 alpha-3 country code such as "USA", got "${country}"`,
      );
    }
  });
});
