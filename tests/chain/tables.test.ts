import { describe, expect, test } from 'vitest';
import { readTableOptions, tableYears } from '../../src/chain/tables.js';
import { baseline } from '../../src/data/index.js';
import {
  type Dataset,
  type ElementSymbol,
  RareEarthsError,
  type Source,
  type StageOutput,
  type StageTableOptions,
  stageShares,
  stageTable,
} from '../../src/index.js';
import { shareRow, tinyDataset, tonnesRow } from './helpers.js';

describe('stageTable: which table answers a request', () => {
  const data = tinyDataset();

  test('the newest source is the default; older ones stay reachable', () => {
    const table = stageTable(data, { stage: 'mining', year: 2024 });
    expect(table.source.id).toBe('new');
    expect(table.alternatives).toEqual([{ source: 'old', year: 2024 }]);
    expect(table.basis).toBe('quantities');
    expect(table.total?.amount).toBe('360');
    expect(table.rows.map((r) => [r.country, r.share])).toEqual([
      ['CHN', 0.75],
      ['USA', 0.125],
      ['AUS', 30 / 360],
      ['other', 15 / 360],
    ]);
    expect(table.residualShare).toBeCloseTo(15 / 360, 15);
    expect(stageTable(data, { stage: 'mining', year: 2024, source: 'old' }).rows[0]).toEqual({
      country: 'CHN',
      share: 0.8,
      quantity: { amount: '240', unit: 't', basis: 'REO' },
    });
  });

  test('a table scoped to the element is preferred over a total', () => {
    expect(stageTable(data, { stage: 'separation', year: 2023 }).source.id).toBe('new');
    const nd = stageTable(data, { stage: 'separation', year: 2023, element: 'Nd' });
    expect(nd.source.id).toBe('eu');
    expect(nd.elements).toEqual(['La', 'Ce', 'Pr', 'Nd', 'Sm']);
    expect(nd.publishedShareSum).toBeCloseTo(1.004, 12);
    expect(nd.rows.map((r) => r.country)).toEqual(['CHN', 'MYS', 'other']);
    expect(nd.rows[0]?.share).toBeCloseTo(0.849 / 1.004, 12);
  });

  test('a total is never relabelled as one element: no Dy table, no answer (issue 15, finding 3)', () => {
    // Dy is outside the EU table's scope, and the only other table covers all rare earths. The
    // old code answered with that total, labelled as Dy.
    expect(() => stageTable(data, { stage: 'separation', year: 2023, element: 'Dy' })).toThrow(
      new RareEarthsError('stageTable', 'not-found', [
        {
          path: ['options', 'year'],
          message:
            'expected a year with data, but the dataset has no production at the separation stage (Dy); the tables of all rare earths (2023) are not relabelled as Dy',
        },
      ]),
    );
    // The Nd table's choice lists the total it passed over, and why.
    const nd = stageTable(data, { stage: 'separation', year: 2023, element: 'Nd' });
    expect(nd.choice.leftOut).toEqual([
      {
        source: 'new',
        year: 2023,
        rows: 1,
        reason: 'total-not-element',
        why: "a table of all rare earths, not of Nd: a total is never relabelled as one element's",
      },
    ]);
    expect(nd.choice.fallbackYear).toBeUndefined();
  });

  test('published shares below 1 get an explicit remainder', () => {
    const table = stageTable(data, { stage: 'separation', year: 2023 });
    expect(table.rows).toEqual([
      { country: 'CHN', share: 0.92 },
      { country: 'other', share: 0.07999999999999996 },
    ]);
    expect(table.note).toContain("the remainder is shown as 'other'");
  });

  test("yearMatch 'latest' takes the latest year at or before the request", () => {
    expect(stageTable(data, { stage: 'mining', year: 2023, yearMatch: 'latest' }).year).toBe(2022);
    expect(stageTable(data, { stage: 'separation', year: 2030, yearMatch: 'latest' }).year).toBe(
      2023,
    );
  });

  test('a year without data is a not-found error listing the years that have data', () => {
    let caught: unknown;
    try {
      stageTable(data, { stage: 'mining', year: 2023 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RareEarthsError);
    expect((caught as RareEarthsError).code).toBe('not-found');
    expect((caught as RareEarthsError).message).toBe(
      'stageTable: options.year: expected a year with production at the mining stage (all rare earths) (2022, 2024), got 2023',
    );
    expect(() => stageTable(data, { stage: 'metal', year: 2024 })).toThrow(
      'stageTable: options.year: expected a year with data, but the dataset has no production at the metal stage (all rare earths)',
    );
  });

  test('bad options are refused with their path', () => {
    expect(() => stageTable(data, { stage: 'smelting' as 'mining', year: 2024 })).toThrow(
      "stageTable: options.stage: expected a stage: 'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet', got \"smelting\"",
    );
    expect(() => stageTable(data, { stage: 'mining', year: 2024.5 })).toThrow(
      'stageTable: options.year: expected an integer of at least 1900, got 2024.5',
    );
    expect(() => stageTable(data, { stage: 'mining', year: 2024, source: 'usgs' })).toThrow(
      'stageTable: options.source: expected the id of a source of the dataset, got "usgs"',
    );
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, measure: 'output' as 'production' }),
    ).toThrow('stageTable: options.measure');
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, yearMatch: 'nearest' as 'exact' }),
    ).toThrow('stageTable: options.yearMatch');
    expect(() => stageTable(data, null as never)).toThrow(
      'stageTable: options: expected an options object { stage, year }, got null',
    );
  });

  test('stageShares is the table as a record summing to 1, and never mutates the dataset', () => {
    const before = JSON.stringify(data);
    const shares = stageShares(data, { stage: 'mining', year: 2024 });
    expect(Object.keys(shares)).toEqual(['CHN', 'USA', 'AUS', 'other']);
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('stageTable on the baseline', () => {
  test('mining 2024 is MCS 2026, computed from its quantities', () => {
    // USGS MCS 2026 p. 152: China 270,000 t REO of rows summing to 384,000 t (world "380,000", rounded).
    const table = stageTable(baseline, { stage: 'mining', year: 2024 });
    expect(table.source.id).toBe('usgs-mcs-2026');
    expect(table.total?.amount).toBe('384000');
    expect(table.rows[0]).toMatchObject({ country: 'CHN', share: 0.703125 });
    expect(table.alternatives.map((a) => a.source)).toContain('usgs-mcs-2025');
  });

  test('separation and magnet 2024 are the IEA shares', () => {
    // IEA commentary of 23 October 2025: China 91% of separation, 94% of magnet manufacturing.
    expect(stageShares(baseline, { stage: 'separation', year: 2024 }).CHN).toBeCloseTo(0.91, 12);
    expect(stageShares(baseline, { stage: 'magnet', year: 2024 }).CHN).toBeCloseTo(0.94, 12);
  });
});

// Hand-built rows for the cases below (tonnes REO, or published shares), answers worked by hand.
const tonnes = tonnesRow;
const share = shareRow;
const LIGHT: readonly ElementSymbol[] = ['La', 'Ce', 'Pr', 'Nd', 'Sm'];

function withRows(rows: StageOutput[], sources?: Source[]): Dataset {
  const data = tinyDataset();
  return { ...data, sources: sources ?? data.sources, stageOutputs: rows };
}

describe('stageTable: option errors and not-found messages, exactly', () => {
  const data = tinyDataset();

  test('a bad measure or yearMatch names the accepted values', () => {
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, measure: 'output' as 'production' }),
    ).toThrow("stageTable: options.measure: expected 'production' or 'capacity', got \"output\"");
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, yearMatch: 'nearest' as 'exact' }),
    ).toThrow("stageTable: options.yearMatch: expected 'exact' or 'latest', got \"nearest\"");
  });

  test('the message names the requested source and element', () => {
    // The 'old' source has mining tables for 2024 and 2022 (rows listed 2024 first).
    expect(() => stageTable(data, { stage: 'mining', year: 2023, source: 'old' })).toThrow(
      'stageTable: options.year: expected a year with production at the mining stage (all rare earths, source old) (2022, 2024), got 2023',
    );
    expect(() => stageTable(data, { stage: 'magnet', year: 2024, element: 'Nd' })).toThrow(
      'stageTable: options.year: expected a year with data, but the dataset has no production at the magnet stage (Nd)',
    );
  });
});

describe('stageTable: capacity tables', () => {
  const data = withRows([
    ...(tinyDataset().stageOutputs ?? []),
    tonnes('metal', 'CHN', 2024, 100, 'new', 'capacity'),
    tonnes('metal', 'JPN', 2024, 25, 'new', 'capacity'),
  ]);

  test("measure 'capacity' reads the capacity rows, and says so in the note", () => {
    const table = stageTable(data, { stage: 'metal', year: 2024, measure: 'capacity' });
    expect(table.measure).toBe('capacity');
    expect(table.rows.map((r) => [r.country, r.share])).toEqual([
      ['CHN', 0.8],
      ['JPN', 0.2],
    ]);
    expect(table.note).toBe(
      'Shares of capacity (all rare earths) computed from the quantities in New edition, 2024.',
    );
  });

  test('capacity rows never answer a production request', () => {
    expect(() => stageTable(data, { stage: 'metal', year: 2024 })).toThrow(
      'stageTable: options.year: expected a year with data, but the dataset has no production at the metal stage (all rare earths)',
    );
  });
});

describe('stageTable: notes, scope and residuals', () => {
  const data = tinyDataset();

  test('a quantity table names the source, and its edition when it has one', () => {
    expect(stageTable(data, { stage: 'mining', year: 2024 }).note).toBe(
      'Shares of production (all rare earths) computed from the quantities in New edition, 2024.',
    );
    const edited = {
      ...data,
      sources: data.sources.map((s) => (s.id === 'new' ? { ...s, edition: 'Second edition' } : s)),
    };
    expect(stageTable(edited, { stage: 'mining', year: 2024 }).note).toBe(
      'Shares of production (all rare earths) computed from the quantities in New edition (Second edition), 2024.',
    );
  });

  test('a total table has no elements key; a scoped one lists them in its note', () => {
    const total = stageTable(data, { stage: 'mining', year: 2024 });
    expect('elements' in total).toBe(false);
    const nd = stageTable(data, { stage: 'separation', year: 2023, element: 'Nd' });
    // EU shares: 0.849 + 0.105 + 0.05 = 1.004, rounded to 4 places in the note; no gap row.
    expect(nd.note).toBe(
      'Shares of production (La, Ce, Pr, Nd, Sm) as published in EU shares, 2023, normalised from a published sum of 1.004.',
    );
    expect(nd.residualShare).toBeCloseTo(0.05 / 1.004, 12);
  });

  test('a share table below 1 reports the published sum and the remainder as residual', () => {
    const table = stageTable(data, { stage: 'separation', year: 2023 });
    expect(table.basis).toBe('shares');
    expect(table.publishedShareSum).toBe(0.92);
    expect(table.residualShare).toBe(0.07999999999999996); // 1 − 0.92 in float64
    expect(table.note).toBe(
      "Shares of production (all rare earths) as published in New edition, 2023, normalised from a published sum of 0.92. The published shares sum to 0.92; the remainder is shown as 'other'.",
    );
  });

  test('a published sum of exactly 0.99 is rounding, not a gap', () => {
    const table = stageTable(withRows([share('magnet', 'CHN', 2024, 0.99, 'new')]), {
      stage: 'magnet',
      year: 2024,
    });
    expect(table.rows).toEqual([{ country: 'CHN', share: 1 }]);
    expect(table.residualShare).toBe(0);
    expect(table.note).toBe(
      'Shares of production (all rare earths) as published in New edition, 2024, normalised from a published sum of 0.99.',
    );
  });

  test('a table with its own residual row gets no second one, even when its sum is short', () => {
    const table = stageTable(
      withRows([
        share('magnet', 'CHN', 2024, 0.6, 'new'),
        share('magnet', 'other', 2024, 0.3, 'new'),
      ]),
      { stage: 'magnet', year: 2024 },
    );
    expect(table.rows.map((r) => r.country)).toEqual(['CHN', 'other']);
    expect(table.rows[0]?.share).toBeCloseTo(2 / 3, 15);
    expect(table.residualShare).toBeCloseTo(1 / 3, 15);
    expect(table.note).not.toContain('remainder');
  });

  test('published shares are sorted largest first, the residual last', () => {
    const table = stageTable(
      withRows([
        share('magnet', 'other', 2024, 0.05, 'new'),
        share('magnet', 'MYS', 2024, 0.1, 'new'),
        share('magnet', 'CHN', 2024, 0.85, 'new'),
      ]),
      { stage: 'magnet', year: 2024 },
    );
    expect(table.rows.map((r) => r.country)).toEqual(['CHN', 'MYS', 'other']);
  });

  test('published shares that are all zero stay zero (no division by zero)', () => {
    const table = stageTable(
      withRows([share('magnet', 'CHN', 2024, 0, 'new'), share('magnet', 'other', 2024, 0, 'new')]),
      { stage: 'magnet', year: 2024 },
    );
    expect(table.rows).toEqual([
      { country: 'CHN', share: 0 },
      { country: 'other', share: 0 },
    ]);
  });

  test('the residual row is last even when larger than a country, wherever it is listed', () => {
    // CHN 70 t, other 20 t, USA 10 t: shares 0.7, 0.2 and 0.1.
    for (const order of [
      ['CHN', 'USA', 'other'],
      ['CHN', 'other', 'USA'],
      ['other', 'USA', 'CHN'],
    ]) {
      const amounts: Record<string, number> = { CHN: 70, USA: 10, other: 20 };
      const rows = order.map((c) => tonnes('mining', c, 2024, amounts[c] as number, 'new'));
      const table = stageTable(withRows(rows), { stage: 'mining', year: 2024 });
      expect(table.rows.map((r) => r.country)).toEqual(['CHN', 'USA', 'other']);
      expect(table.residualShare).toBe(0.2);
    }
  });
});

describe('stageTable: which source answers', () => {
  const source = (id: string, published?: string): Source => ({
    id,
    title: id,
    publisher: 'P',
    year: 2025,
    ...(published === undefined ? {} : { published }),
  });

  test('the newest publication wins whatever the order of the rows or the ids', () => {
    const sources = [source('a-old', '2025-01'), source('z-new', '2026-01')];
    for (const ids of [
      ['z-new', 'a-old'],
      ['a-old', 'z-new'],
    ]) {
      const rows = ids.map((id) => tonnes('mining', 'CHN', 2024, 1, id));
      const table = stageTable(withRows(rows, sources), { stage: 'mining', year: 2024 });
      expect(table.source.id).toBe('z-new');
      expect(table.alternatives).toEqual([{ source: 'a-old', year: 2024 }]);
    }
  });

  test('sources published the same day tie-break by id, whatever the order of the rows', () => {
    const sources = [source('a', '2025-06'), source('b', '2025-06')];
    for (const ids of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const rows = ids.map((id) => tonnes('mining', 'CHN', 2024, 1, id));
      expect(stageTable(withRows(rows, sources), { stage: 'mining', year: 2024 }).source.id).toBe(
        'a',
      );
    }
  });

  test('a source missing from dataset.sources ranks oldest', () => {
    const rows = [
      tonnes('mining', 'CHN', 2024, 1, 'ghost'),
      tonnes('mining', 'CHN', 2024, 2, 'new'),
    ];
    const table = stageTable(withRows(rows), { stage: 'mining', year: 2024 });
    expect(table.source.id).toBe('new');
    expect(table.alternatives).toEqual([{ source: 'ghost', year: 2024 }]);
  });

  test('alternatives carry their elements only when scoped', () => {
    const data = tinyDataset();
    const rows = [
      ...(data.stageOutputs ?? []),
      share('separation', 'CHN', 2022, 0.9, 'eu', LIGHT),
      share('separation', 'other', 2022, 0.1, 'eu', LIGHT),
    ];
    const table = stageTable(withRows(rows), {
      stage: 'separation',
      year: 2023,
      element: 'Nd',
      yearMatch: 'latest',
    });
    // 2023 before 2022; the total of 2023 does not answer for Nd at all.
    expect(table.source.id).toBe('eu');
    expect(table.year).toBe(2023);
    expect(table.alternatives).toStrictEqual([{ source: 'eu', year: 2022, elements: LIGHT }]);
  });
});

describe('tableYears (internal): the years with a matching table', () => {
  const data = tinyDataset();
  const read = (options: StageTableOptions) => readTableOptions('t', options);

  test('filters by stage, source and element, sorted ascending', () => {
    expect(tableYears(data, read({ stage: 'mining', year: 2024 }))).toEqual([2022, 2024]);
    expect(tableYears(data, read({ stage: 'mining', year: 2024, source: 'new' }))).toEqual([2024]);
    expect(tableYears(data, read({ stage: 'mining', year: 2024, source: 'old' }))).toEqual([
      2022, 2024,
    ]);
    expect(tableYears(data, read({ stage: 'separation', year: 2024, source: 'eu' }))).toEqual([]);
    expect(
      tableYears(data, read({ stage: 'separation', year: 2024, source: 'eu', element: 'Nd' })),
    ).toEqual([2023]);
    expect(tableYears(data, read({ stage: 'metal', year: 2024 }))).toEqual([]);
  });
});

describe('issue 15: what a table rests on (findings 3, 5, 6, 10b)', () => {
  test('finding 6: MCS 2025, 2024: China 68.5% of the row sum or 69.2% of the published world total', () => {
    // USGS MCS 2025 p. 145: China 270,000 t; the rows sum to 393,950 t; "World total (rounded)"
    // 390,000 t. 270000/393950 = 0.685366…, 270000/390000 = 0.692308… (python3, exact fractions).
    const options = { stage: 'mining', year: 2024, source: 'usgs-mcs-2025' } as const;
    const rows = stageTable(baseline, options);
    expect(rows.rows[0]).toMatchObject({ country: 'CHN', share: 270_000 / 393_950 });
    expect(rows.denominator).toMatchObject({
      used: 'rowSum',
      total: { amount: '393950' },
      rowSum: { amount: '393950' },
      publishedWorldTotal: {
        quantity: { amount: '390000', unit: 't', basis: 'REO' },
        rounded: true,
        locator: 'p. 145, World Mine Production and Reserves, World total (rounded)',
      },
      shareSum: 1,
    });
    const world = stageTable(baseline, { ...options, denominator: 'publishedWorldTotal' });
    expect(world.rows[0]).toMatchObject({ country: 'CHN', share: 270_000 / 390_000 });
    expect(world.denominator.used).toBe('publishedWorldTotal');
    expect(world.denominator.total?.amount).toBe('390000');
    expect(world.denominator.shareSum).toBeCloseTo(393_950 / 390_000, 15);
    expect(world.rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(393_950 / 390_000, 12);
    expect(world.denominator.note).toBe(
      "Shares of the published world total, 390,000 t (rounded); the rows sum to 393,950 t, so the shares sum to 1.0101 (denominator: 'rowSum' gives shares of the row sum).",
    );
    expect(
      stageShares(baseline, { ...options, denominator: 'publishedWorldTotal' }).CHN,
    ).toBeCloseTo(0.6923, 4);
  });

  test('finding 6: a world total the dataset lacks is reported missing, never filled', () => {
    expect(() =>
      stageTable(tinyDataset(), {
        stage: 'mining',
        year: 2024,
        denominator: 'publishedWorldTotal',
      }),
    ).toThrow(
      new RareEarthsError('stageTable', 'not-found', [
        {
          path: ['options', 'denominator'],
          message:
            "expected a published world total for the mining table of new (2024, all rare earths), but dataset.worldTotals has none: use denominator 'rowSum'",
        },
      ]),
    );
    expect(() =>
      stageTable(tinyDataset(), { stage: 'mining', year: 2024, denominator: 'world' as 'rowSum' }),
    ).toThrow(
      "stageTable: options.denominator: expected 'rowSum' or 'publishedWorldTotal', got \"world\"",
    );
    // Without a world total the default denominator says there is none to offer.
    expect(stageTable(tinyDataset(), { stage: 'mining', year: 2024 }).denominator.note).toBe(
      'Shares of the sum of the rows, 360 t; new gives no world total for this table in the dataset.',
    );
    // A share table has no tonnes: its denominator is the published shares.
    expect(stageTable(tinyDataset(), { stage: 'separation', year: 2023 }).denominator).toEqual({
      used: 'publishedShares',
      shareSum: 1,
      note: 'Shares as published, normalised from a published sum of 0.92.',
    });
  });

  test('finding 6: a world total in kg is read in the rows unit; one on another basis is refused', () => {
    const data = tinyDataset();
    const total = (quantity: { amount: number; unit: 't' | 'kg'; basis: 'REO' | 'metal' }) => ({
      ...data,
      worldTotals: [
        {
          stage: 'mining' as const,
          year: 2024,
          measure: 'production' as const,
          quantity,
          provenance: { source: 'new', tag: 'reported' as const },
        },
      ],
    });
    const kg = stageTable(total({ amount: 400_000, unit: 'kg', basis: 'REO' }), {
      stage: 'mining',
      year: 2024,
      denominator: 'publishedWorldTotal',
    });
    expect(kg.rows[0]).toMatchObject({ country: 'CHN', share: 270 / 400 });
    expect(kg.denominator.publishedWorldTotal).toMatchObject({
      quantity: { amount: '400', unit: 't' },
      rounded: false,
    });
    expect(() =>
      stageTable(total({ amount: 400, unit: 't', basis: 'metal' }), {
        stage: 'mining',
        year: 2024,
      }),
    ).toThrow(
      'stageTable: dataset.worldTotals: expected a world total on the rows\' basis (REO) for new 2024, got "metal"',
    );
  });

  test('finding 5: a negative row in a dataset passed without parsing is refused, naming the record', () => {
    const data = tinyDataset();
    const rows = [...(data.stageOutputs ?? []), tonnesRow('mining', 'BRA', 2024, -10_000, 'new')];
    const index = rows.length - 1;
    // The old code computed shares above 1 for the rest (and hhiBounds failed later in report).
    expect(() =>
      stageTable({ ...data, stageOutputs: rows }, { stage: 'mining', year: 2024 }),
    ).toThrow(
      `stageTable: dataset.stageOutputs[${index}].quantity.amount: expected a non-negative quantity, got -10000`,
    );
  });

  test("finding 5: another source's table for the same year is left out, with the reason", () => {
    const data = tinyDataset();
    const table = stageTable(data, { stage: 'mining', year: 2024 });
    expect(table.choice).toEqual({
      requested: { stage: 'mining', year: 2024, yearMatch: 'exact' },
      used: { source: 'new', year: 2024, rows: 4 },
      leftOut: [
        {
          source: 'old',
          year: 2024,
          rows: 2,
          reason: 'older-source',
          why: "another source's table for 2024 (old, published 2025-01); the newest source's (new, published 2026-02) is used and tables of different sources are not added together: ask for it with source: 'old'",
        },
      ],
    });
    const old = stageTable(data, { stage: 'mining', year: 2024, source: 'old' });
    expect(old.choice.leftOut).toEqual([
      {
        source: 'new',
        year: 2024,
        rows: 4,
        reason: 'not-requested-source',
        why: 'options.source asks for old',
      },
    ]);
    // 'latest' from 2025: 2024 stands for 2025, stated.
    const latest = stageTable(data, { stage: 'mining', year: 2025, yearMatch: 'latest' });
    expect(latest.choice.fallbackYear).toEqual({
      requested: 2025,
      used: 2024,
      why: 'the 2024 table (new) stands for 2025, the latest production table at the mining stage (all rare earths) at or before it',
    });
  });

  test('finding 3: on the baseline, Dy in 2024 has no mining table of its own; 2023 has the EU one', () => {
    expect(() => stageTable(baseline, { stage: 'mining', year: 2024, element: 'Dy' })).toThrow(
      'stageTable: options.year: expected a year with production at the mining stage (Dy) (2023), got 2024; the tables of all rare earths (2024) are not relabelled as Dy',
    );
    const dy = stageTable(baseline, {
      stage: 'mining',
      year: 2024,
      element: 'Dy',
      yearMatch: 'latest',
    });
    // EU CRM 2023, Appendix 7 p. 78: global supply at extraction (Dy, Tb), China 84.4% of 100.1%.
    expect(dy.source.id).toBe('eu-crm-2023');
    expect(dy.elements).toEqual(['Tb', 'Dy']);
    expect(dy.rows[0]).toEqual({ country: 'CHN', share: 0.844 / 1.001 });
    expect(dy.choice.fallbackYear?.used).toBe(2023);
    expect(dy.choice.leftOut.map((t) => [t.source, t.year, t.reason])).toEqual([
      ['usgs-mcs-2025', 2024, 'total-not-element'],
      ['usgs-mcs-2026', 2024, 'total-not-element'],
      ['iea-gcmo-2024', 2023, 'total-not-element'],
      ['usgs-mcs-2025', 2023, 'total-not-element'],
    ]);
  });

  test("finding 10b: 'refining' is read as separation", () => {
    const refining = stageTable(baseline, { stage: 'refining', year: 2024 });
    expect(refining).toEqual(stageTable(baseline, { stage: 'separation', year: 2024 }));
    expect(refining.stage).toBe('separation');
    expect(refining.choice.requested.stage).toBe('separation');
    expect(stageShares(baseline, { stage: 'refining', year: 2024 })).toEqual(
      stageShares(baseline, { stage: 'separation', year: 2024 }),
    );
  });
});

describe('stageTable: the evidence behind the rows', () => {
  test('MCS 2026 mine production for 2025 is all USGS estimates (marked e), and the table says so', () => {
    // MCS 2026 p. 153: every 2025 mine-production figure carries "e"; 13 rows in the dataset.
    const table = stageTable(baseline, { stage: 'mining', year: 2025 });
    expect(table.source.id).toBe('usgs-mcs-2026');
    expect(table.evidence).toEqual({
      reported: 0,
      derived: 0,
      estimate: 13,
      estimatedBy: ['U.S. Geological Survey (marked e in the source)'],
    });
  });

  test('a table of reported rows counts them, with no estimators', () => {
    const table = stageTable(tinyDataset(), { stage: 'mining', year: 2024 });
    expect(table.evidence.estimate).toBe(0);
    expect(table.evidence.estimatedBy).toEqual([]);
    expect(table.evidence.reported + table.evidence.derived).toBeGreaterThan(0);
  });

  test('mixed tags are counted each, and each estimator named once', () => {
    const estimate = (country: string, amount: number, by: string): StageOutput => ({
      ...tonnesRow('mining', country, 2030, amount, 'new'),
      provenance: { source: 'new', tag: 'estimate', estimatedBy: by },
    });
    const dataset: Dataset = {
      ...tinyDataset(),
      stageOutputs: [
        estimate('CHN', 70, 'A'),
        estimate('AUS', 20, 'B'),
        estimate('USA', 5, 'A'),
        tonnesRow('mining', 'MMR', 2030, 5, 'new'),
      ],
    };
    expect(stageTable(dataset, { stage: 'mining', year: 2030 }).evidence).toEqual({
      reported: 1,
      derived: 0,
      estimate: 3,
      estimatedBy: ['A', 'B'],
    });
  });
});
