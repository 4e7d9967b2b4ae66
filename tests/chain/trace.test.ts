import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  type ChainNode,
  type Dataset,
  type Facility,
  type OriginLink,
  type RareEarthsError,
  type Stage,
  type TradeFlow,
  traceOrigins,
} from '../../src/index.js';
import { tinyDataset } from './helpers.js';

const empty: Dataset = { schemaVersion: 1, name: 'empty', sources: [], countries: [] };
const node = (stage: Stage, country: string): ChainNode => ({ stage, country });
const link = (from: ChainNode, to: ChainNode, share: number): OriginLink => ({ from, to, share });
const trace = (links: OriginLink[], stage: Stage = 'magnet', country = 'JPN') =>
  traceOrigins(empty, { stage, country, year: 2024, links });

describe('traceOrigins on hand-built chains (answers known by hand)', () => {
  test('a pure pass-through: every stage in one country', () => {
    const result = trace([
      link(node('metal', 'JPN'), node('magnet', 'JPN'), 1),
      link(node('separation', 'CHN'), node('metal', 'JPN'), 1),
      link(node('mining', 'MMR'), node('separation', 'CHN'), 1),
    ]);
    expect(result.byStage).toEqual({
      mining: { shares: { MMR: 1 }, unresolved: 0 },
      separation: { shares: { CHN: 1 }, unresolved: 0 },
      metal: { shares: { JPN: 1 }, unresolved: 0 },
      magnet: { shares: { JPN: 1 }, unresolved: 0 },
    });
    expect(result.gaps).toEqual([]);
    expect(result.links).toHaveLength(3);
  });

  test('a split: oxide from two countries, each mined elsewhere', () => {
    const result = trace([
      link(node('metal', 'JPN'), node('magnet', 'JPN'), 1),
      link(node('separation', 'CHN'), node('metal', 'JPN'), 0.7),
      link(node('separation', 'MYS'), node('metal', 'JPN'), 0.3),
      link(node('mining', 'CHN'), node('separation', 'CHN'), 0.6),
      link(node('mining', 'MMR'), node('separation', 'CHN'), 0.4),
      link(node('mining', 'AUS'), node('separation', 'MYS'), 1),
    ]);
    // By hand: CHN mining 0.7 × 0.6 = 0.42, MMR 0.7 × 0.4 = 0.28, AUS 0.3 × 1 = 0.3.
    expect(result.byStage.separation).toEqual({ shares: { CHN: 0.7, MYS: 0.3 }, unresolved: 0 });
    expect(result.byStage.mining?.shares.CHN).toBeCloseTo(0.42, 15);
    expect(result.byStage.mining?.shares.MMR).toBeCloseTo(0.28, 15);
    expect(result.byStage.mining?.shares.AUS).toBeCloseTo(0.3, 15);
  });

  test('a merge: two metal makers buy from the same separator', () => {
    const result = trace([
      link(node('metal', 'JPN'), node('magnet', 'JPN'), 0.5),
      link(node('metal', 'VNM'), node('magnet', 'JPN'), 0.5),
      link(node('separation', 'CHN'), node('metal', 'JPN'), 1),
      link(node('separation', 'CHN'), node('metal', 'VNM'), 1),
      link(node('mining', 'CHN'), node('separation', 'CHN'), 1),
    ]);
    expect(result.byStage.metal).toEqual({ shares: { JPN: 0.5, VNM: 0.5 }, unresolved: 0 });
    expect(result.byStage.separation).toEqual({ shares: { CHN: 1 }, unresolved: 0 });
    expect(result.byStage.mining).toEqual({ shares: { CHN: 1 }, unresolved: 0 });
  });

  test('links within a stage pass through; a link that skips a stage leaves it unresolved', () => {
    const result = trace([
      link(node('separation', 'MYS'), node('magnet', 'JPN'), 1),
      link(node('separation', 'AUS'), node('separation', 'MYS'), 1),
      link(node('mining', 'AUS'), node('separation', 'AUS'), 1),
    ]);
    expect(result.byStage.metal).toEqual({ shares: {}, unresolved: 1 });
    expect(result.byStage.separation).toEqual({ shares: { MYS: 1 }, unresolved: 0 });
    expect(result.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
  });

  test('missing links are unresolved and named, never assumed', () => {
    const result = trace([
      link(node('metal', 'JPN'), node('magnet', 'JPN'), 1),
      link(node('separation', 'CHN'), node('metal', 'JPN'), 0.8),
    ]);
    expect(result.byStage.separation).toEqual({
      shares: { CHN: 0.8 },
      unresolved: expect.closeTo(0.2, 15),
    });
    expect(result.byStage.mining).toEqual({ shares: {}, unresolved: 1 });
    expect(result.gaps.map((g) => `${g.node.stage}:${g.node.country}: ${g.reason}`)).toEqual([
      "metal:JPN: the links into JPN's metal stage cover 0.8 of its feed",
      "separation:CHN: the data has no feedstock or trade links into CHN's separation stage",
    ]);
  });

  test('shares and unresolved sum to 1 at every stage, on random link graphs (property)', () => {
    const countries = ['CHN', 'AUS', 'USA', 'MYS'];
    const linkArb = fc.record({
      from: fc.record({
        stage: fc.constantFrom<Stage>('mining', 'separation', 'metal'),
        country: fc.constantFrom(...countries),
      }),
      toCountry: fc.constantFrom(...countries),
      share: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(linkArb, { maxLength: 12 }), (raw) => {
        const order: Record<Stage, number> = { mining: 0, separation: 1, metal: 2, magnet: 3 };
        const stages: Stage[] = ['mining', 'separation', 'metal', 'magnet'];
        // Strictly downstream targets keep the graph acyclic; at most two links into a node keep shares ≤ 1.
        const links: OriginLink[] = [];
        const into = new Map<string, number>();
        for (const r of raw) {
          const to = node(stages[order[r.from.stage] + 1] as Stage, r.toCountry);
          const k = `${to.stage}:${to.country}`;
          if ((into.get(k) ?? 0) >= 2) continue;
          into.set(k, (into.get(k) ?? 0) + 1);
          links.push(link(r.from, to, r.share));
        }
        const result = trace(links, 'magnet', 'JPN');
        return stages.every((stage) => {
          const origin = result.byStage[stage];
          const total =
            Object.values(origin?.shares ?? {}).reduce((a, b) => a + b, 0) +
            (origin?.unresolved ?? 0);
          return Math.abs(total - 1) < 1e-12;
        });
      }),
    );
  });

  test('a cycle of links is refused', () => {
    expect(() =>
      trace([
        link(node('separation', 'CHN'), node('magnet', 'JPN'), 1),
        link(node('separation', 'MYS'), node('separation', 'CHN'), 1),
        link(node('separation', 'CHN'), node('separation', 'MYS'), 1),
      ]),
    ).toThrow(
      'traceOrigins: options.links: expected links without a cycle, got separation:CHN <- separation:MYS <- separation:CHN',
    );
    try {
      trace([link(node('magnet', 'JPN'), node('magnet', 'JPN'), 1)]);
    } catch (error) {
      expect((error as RareEarthsError).code).toBe('not-computable');
    }
  });

  test('bad links are refused with their path', () => {
    expect(() => trace([link(node('magnet', 'CHN'), node('metal', 'JPN'), 1)])).toThrow(
      'traceOrigins: options.links[0].from.stage: expected a stage at or upstream of metal, got "magnet"',
    );
    expect(() => trace([link(node('metal', 'CHN'), node('magnet', 'JPN'), 1.2)])).toThrow(
      'traceOrigins: options.links[0].share: expected a fraction between 0 and 1, got 1.2',
    );
    expect(() =>
      trace([
        link(node('metal', 'CHN'), node('magnet', 'JPN'), 0.7),
        link(node('metal', 'USA'), node('magnet', 'JPN'), 0.7),
      ]),
    ).toThrow(
      'traceOrigins: options.links: expected shares into magnet:JPN summing to at most 1, got 1.4',
    );
    expect(() => trace([link(node('metal', 'China'), node('magnet', 'JPN'), 1)])).toThrow(
      'traceOrigins: options.links[0].from.country: expected an ISO alpha-3 country code or "other", got "China"',
    );
    expect(() => trace([link(node('mining', 'CHN'), node('metal', 'other'), 1)])).toThrow(
      'traceOrigins: options.links[0].to.country: expected a country code (a residual has no known feed)',
    );
    expect(() =>
      trace([{ from: 'CHN', to: node('magnet', 'JPN'), share: 1 } as unknown as OriginLink]),
    ).toThrow('traceOrigins: options.links[0].from: expected a node { stage, country }, got "CHN"');
    expect(() => traceOrigins(empty, { stage: 'magnet', country: 'other', year: 2024 })).toThrow(
      'traceOrigins: options.country: expected a country code (not "other")',
    );
    expect(() => traceOrigins(empty, null as never)).toThrow(
      'traceOrigins: options: expected an options object { stage, country, year }, got null',
    );
  });

  test('links scoped to other elements are ignored when tracing one element', () => {
    const result = traceOrigins(empty, {
      stage: 'separation',
      country: 'CHN',
      year: 2024,
      element: 'Dy',
      links: [
        { ...link(node('mining', 'MMR'), node('separation', 'CHN'), 1), elements: ['Dy', 'Tb'] },
        { ...link(node('mining', 'AUS'), node('separation', 'CHN'), 0), elements: ['Nd'] },
      ],
    });
    expect(result.byStage.mining).toEqual({ shares: { MMR: 1 }, unresolved: 0 });
  });
});

describe('traceOrigins on the baseline', () => {
  test("Lynas Malaysia's oxide is Australian ore (Lynas's published flow)", () => {
    const result = traceOrigins(baseline, { stage: 'separation', country: 'MYS', year: 2024 });
    expect(result.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
    expect(result.links.map((l) => l.origin)).toEqual(['facility', 'facility']);
  });

  test("Japan's magnets: the baseline has no links, and says so", () => {
    const result = traceOrigins(baseline, { stage: 'magnet', country: 'JPN', year: 2024 });
    for (const stage of ['mining', 'separation', 'metal'] as const)
      expect(result.byStage[stage]).toEqual({ shares: {}, unresolved: 1 });
    expect(result.gaps).toEqual([
      {
        node: { stage: 'magnet', country: 'JPN' },
        reason: 'the magnet table (iea-commentary-2025-10, 2024) lists no output for JPN',
      },
      {
        node: { stage: 'magnet', country: 'JPN' },
        reason: "the data has no feedstock or trade links into JPN's magnet stage",
      },
    ]);
  });

  test('given links take precedence over the dataset for their node', () => {
    const result = traceOrigins(baseline, {
      stage: 'separation',
      country: 'MYS',
      year: 2024,
      links: [link(node('mining', 'MMR'), node('separation', 'MYS'), 1)],
    });
    expect(result.byStage.mining).toEqual({ shares: { MMR: 1 }, unresolved: 0 });
  });
});

describe('traceOrigins from dataset links', () => {
  const reported = { source: 's', tag: 'reported' as const };
  const facility = (id: string, country: string, stage: Stage, extra: object) => ({
    id,
    name: id,
    country,
    stage,
    status: 'producing' as const,
    provenance: reported,
    ...extra,
  });
  const out = (amount: number) => [
    {
      year: 2024,
      quantity: { amount, unit: 't' as const, basis: 'REO' as const },
      provenance: reported,
    },
  ];
  const data: Dataset = {
    schemaVersion: 1,
    name: 'links',
    sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
    countries: ['CHN', 'MMR', 'AUS', 'JPN', 'USA'].map((code) => ({ code, name: code })),
    facilities: [
      facility('mine-mmr', 'MMR', 'mining', {}),
      facility('sep-1', 'CHN', 'separation', {
        output: out(600),
        feedstock: [{ facility: 'mine-mmr' }],
      }),
      facility('sep-2', 'CHN', 'separation', { output: out(400), feedstock: [{ country: 'AUS' }] }),
      facility('sep-us-a', 'USA', 'separation', {
        output: out(1),
        feedstock: [{ country: 'AUS' }],
      }),
      facility('sep-us-b', 'USA', 'separation', { feedstock: [{ country: 'MMR' }] }),
      facility('metal-jp', 'JPN', 'metal', { feedstock: [{ country: 'CHN' }, { country: 'USA' }] }),
    ],
    tradeFlows: [
      {
        year: 2024,
        exporter: 'CHN',
        importer: 'JPN',
        commodity: { stage: 'metal', description: 'rare-earth metals' },
        share: 0.9,
        provenance: reported,
      },
      {
        year: 2019,
        exporter: 'USA',
        importer: 'JPN',
        commodity: { stage: 'metal', description: 'rare-earth metals' },
        share: 0.1,
        provenance: reported,
      },
    ],
  };

  test('facilities are aggregated to their country by output, links without a facility go one stage up', () => {
    const result = traceOrigins(data, { stage: 'separation', country: 'CHN', year: 2024 });
    expect(result.byStage.mining).toEqual({ shares: { MMR: 0.6, AUS: 0.4 }, unresolved: 0 });
    expect(result.links.map((l) => l.note)).toEqual([
      "sep-1 ← mine-mmr, weighted by sep-1's output or capacity; covers the facilities of separation:CHN with links",
      "sep-2 ← AUS, weighted by sep-2's output or capacity; covers the facilities of separation:CHN with links",
    ]);
  });

  test('facilities that cannot be weighted, or links without shares, are gaps', () => {
    const us = traceOrigins(data, { stage: 'separation', country: 'USA', year: 2024 });
    expect(us.byStage.mining).toEqual({ shares: {}, unresolved: 1 });
    expect(us.gaps.map((g) => g.reason)).toContain(
      'the facilities sep-us-a, sep-us-b have feedstock links but not all have an output or capacity to weight them by',
    );
    const jp = traceOrigins(data, { stage: 'metal', country: 'JPN', year: 2024 });
    expect(jp.gaps.map((g) => g.reason)).toContain(
      'metal-jp has several feedstock links without shares',
    );
  });

  test("stage-tagged trade shares feed the importer's next stage, for the right year", () => {
    const magnets = traceOrigins(data, { stage: 'magnet', country: 'JPN', year: 2024 });
    expect(magnets.byStage.metal).toEqual({
      shares: { CHN: 0.9 },
      unresolved: expect.closeTo(0.1, 15),
    });
    expect(magnets.links[0]?.origin).toBe('trade');
    expect(magnets.links[0]?.note).toBe(
      'JPN sources "rare-earth metals" from CHN (s); taken as its feed',
    );
    const none = traceOrigins(data, {
      stage: 'magnet',
      country: 'JPN',
      year: 2024,
      useDataset: false,
    });
    expect(none.byStage.metal).toEqual({ shares: {}, unresolved: 1 });
  });
});

describe('traceOrigins: how facility feedstock links are read', () => {
  const reported = { source: 's', tag: 'reported' as const };
  const facility = (id: string, country: string, stage: Stage, extra: Partial<Facility>) => ({
    id,
    name: id,
    country,
    stage,
    status: 'producing' as const,
    provenance: reported,
    ...extra,
  });
  const figure = (amount: number, year?: number) => ({
    ...(year === undefined ? {} : { year }),
    quantity: { amount, unit: 't' as const, basis: 'REO' as const },
    provenance: reported,
  });
  const dataset = (facilities: Facility[], tradeFlows: TradeFlow[] = []): Dataset => ({
    schemaVersion: 1,
    name: 'feedstock',
    sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
    countries: [],
    facilities,
    tradeFlows,
  });

  test('a facility is weighted by its output in the year, else by its latest capacity', () => {
    const data = dataset([
      // sep-a has no 2024 output (only 2023), so its undated capacity of 300 t counts.
      facility('sep-a', 'CHN', 'separation', {
        output: [figure(100, 2023)],
        capacity: [figure(300)],
        feedstock: [{ country: 'AUS' }],
      }),
      facility('sep-b', 'CHN', 'separation', {
        output: [figure(100, 2024)],
        feedstock: [{ country: 'MMR' }],
      }),
    ]);
    const result = traceOrigins(data, { stage: 'separation', country: 'CHN', year: 2024 });
    // By hand: AUS 300 / (300 + 100) = 0.75, MMR 100 / 400 = 0.25.
    expect(result.byStage.mining).toEqual({ shares: { AUS: 0.75, MMR: 0.25 }, unresolved: 0 });
    expect(result.gaps).toEqual([]);
  });

  test('a lone facility carries its whole node, weight or not, and its note says so plainly', () => {
    const data = dataset([
      // No output or capacity: alone at its node, it needs no weight.
      facility('sep-x', 'CHN', 'separation', { feedstock: [{ country: 'AUS' }] }),
      // A feedstock entry naming neither a facility nor a country is not a link: sep-y is not
      // one of the facilities of separation:CHN with links.
      facility('sep-y', 'CHN', 'separation', { output: [figure(300, 2024)], feedstock: [{}] }),
    ]);
    const result = traceOrigins(data, { stage: 'separation', country: 'CHN', year: 2024 });
    expect(result.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
    expect(result.links).toEqual([
      {
        from: { stage: 'mining', country: 'AUS' },
        to: { stage: 'separation', country: 'CHN' },
        share: 1,
        origin: 'facility',
        note: 'sep-x ← AUS; covers the facilities of separation:CHN with links',
      },
    ]);
    expect(result.gaps).toEqual([]);
  });

  test('a country link goes one stage up; several links with shares are used, largest first', () => {
    const data = dataset([
      facility('metal-j', 'JPN', 'metal', {
        feedstock: [
          { country: 'MYS', share: 0.3 },
          { country: 'CHN', share: 0.7 },
        ],
      }),
    ]);
    const result = traceOrigins(data, { stage: 'metal', country: 'JPN', year: 2024 });
    // The feed of a metal plant is separated oxide: separation 0.7 CHN, 0.3 MYS; no mining links.
    expect(result.byStage).toEqual({
      mining: { shares: {}, unresolved: 1 },
      separation: { shares: { CHN: 0.7, MYS: 0.3 }, unresolved: 0 },
      metal: { shares: { JPN: 1 }, unresolved: 0 },
    });
    // Listed by share, not in the order of the links.
    expect(Object.keys(result.byStage.separation?.shares ?? {})).toEqual(['CHN', 'MYS']);
    expect(result.links.map((l) => [l.from, l.share])).toEqual([
      [{ stage: 'separation', country: 'MYS' }, 0.3],
      [{ stage: 'separation', country: 'CHN' }, 0.7],
    ]);
    expect(result.gaps.map((g) => g.reason)).toEqual([
      "the data has no feedstock or trade links into CHN's separation stage",
      "the data has no feedstock or trade links into MYS's separation stage",
    ]);
  });

  test('a country link out of a mining facility stays at the mining stage', () => {
    const data = dataset([
      facility('mine-c', 'CHN', 'mining', { feedstock: [{ country: 'MMR' }] }),
    ]);
    const result = traceOrigins(data, { stage: 'mining', country: 'CHN', year: 2024 });
    expect(result.links.map((l) => ({ from: l.from, to: l.to, share: l.share }))).toEqual([
      {
        from: { stage: 'mining', country: 'MMR' },
        to: { stage: 'mining', country: 'CHN' },
        share: 1,
      },
    ]);
    // Within a stage the material passes through: mining stays attributed to CHN.
    expect(result.byStage).toEqual({ mining: { shares: { CHN: 1 }, unresolved: 0 } });
  });

  test("a node's facility links take precedence over trade shares into it", () => {
    const ore: TradeFlow = {
      year: 2024,
      exporter: 'CHN',
      importer: 'JPN',
      commodity: { stage: 'mining', description: 'concentrate' },
      share: 0.5,
      provenance: reported,
    };
    const both = dataset(
      [facility('sep-j', 'JPN', 'separation', { feedstock: [{ country: 'AUS' }] })],
      [ore],
    );
    const result = traceOrigins(both, { stage: 'separation', country: 'JPN', year: 2024 });
    expect(result.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
    expect(result.links.map((l) => l.origin)).toEqual(['facility']);
    // Without the facility link the trade share is used: CHN 0.5, the rest unresolved.
    const tradeOnly = traceOrigins(dataset([], [ore]), {
      stage: 'separation',
      country: 'JPN',
      year: 2024,
    });
    expect(tradeOnly.byStage.mining).toEqual({ shares: { CHN: 0.5 }, unresolved: 0.5 });
    expect(tradeOnly.links.map((l) => l.origin)).toEqual(['trade']);
  });
});

describe('traceOrigins: which trade shares are read', () => {
  const reported = { source: 's', tag: 'reported' as const };
  const flow = (exporter: string, importer: string, stage: Stage, extra: Partial<TradeFlow>) => ({
    year: 2024,
    exporter,
    importer,
    commodity: { stage, description: `${stage} product` },
    provenance: reported,
    ...extra,
  });
  const dataset = (tradeFlows: TradeFlow[]): Dataset => ({
    schemaVersion: 1,
    name: 'trade',
    sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
    countries: [],
    tradeFlows,
  });

  test('a flow without a share is not a feed', () => {
    // A quantity only: no share of JPN's feed can be read from it.
    const data = dataset([
      flow('CHN', 'JPN', 'metal', { quantity: { amount: 100, unit: 't', basis: 'metal' } }),
    ]);
    const result = traceOrigins(data, { stage: 'magnet', country: 'JPN', year: 2024 });
    expect(result.byStage.metal).toEqual({ shares: {}, unresolved: 1 });
    expect(result.links).toEqual([]);
    expect(result.gaps).toEqual([
      {
        node: { stage: 'magnet', country: 'JPN' },
        reason: "the data has no feedstock or trade links into JPN's magnet stage",
      },
    ]);
  });

  test('element-scoped flows count for their elements and for the whole, not for others', () => {
    const data = dataset([
      flow('CHN', 'JPN', 'separation', { elements: ['Nd', 'Pr'], share: 0.6 }),
      flow('VNM', 'JPN', 'separation', { share: 0.3 }),
    ]);
    const trace = (element?: 'Nd' | 'Dy') =>
      traceOrigins(data, {
        stage: 'metal',
        country: 'JPN',
        year: 2024,
        ...(element === undefined ? {} : { element }),
      }).byStage.separation;
    // No element: both flows, 0.6 + 0.3, 0.1 unresolved.
    expect(trace()).toEqual({
      shares: { CHN: 0.6, VNM: 0.3 },
      unresolved: expect.closeTo(0.1, 15),
    });
    // Nd: the NdPr flow applies, and so does the unscoped one.
    expect(trace('Nd')).toEqual({
      shares: { CHN: 0.6, VNM: 0.3 },
      unresolved: expect.closeTo(0.1, 15),
    });
    // Dy: only the unscoped flow, 0.3; 0.7 unresolved.
    expect(trace('Dy')).toEqual({ shares: { VNM: 0.3 }, unresolved: 0.7 });
  });

  test("a share into a region (not a country) is not taken as anyone's feed", () => {
    const data = dataset([
      flow('EFTA', 'JPN', 'metal', { share: 1 }),
      // EFTA is a region code: its sourcing share is not a country's feed.
      flow('CHN', 'EFTA', 'separation', { share: 1 }),
    ]);
    const result = traceOrigins(data, { stage: 'magnet', country: 'JPN', year: 2024 });
    expect(result.byStage.metal).toEqual({ shares: { EFTA: 1 }, unresolved: 0 });
    expect(result.byStage.separation).toEqual({ shares: {}, unresolved: 1 });
    expect(result.gaps).toEqual([
      {
        node: { stage: 'metal', country: 'EFTA' },
        reason: "the data has no feedstock or trade links into EFTA's metal stage",
      },
    ]);
  });
});

describe('traceOrigins: options, stage tables and thresholds', () => {
  test('a country in the stage table gets no "lists no output" gap', () => {
    // tinyDataset's newest 2024 mining table (source "new") lists CHN 270 t.
    const result = traceOrigins(tinyDataset(), { stage: 'mining', country: 'CHN', year: 2024 });
    expect(result.gaps).toEqual([]);
    expect(result.byStage).toEqual({ mining: { shares: { CHN: 1 }, unresolved: 0 } });
    const mys = traceOrigins(tinyDataset(), { stage: 'mining', country: 'MYS', year: 2024 });
    expect(mys.gaps).toEqual([
      {
        node: { stage: 'mining', country: 'MYS' },
        reason: 'the mining table (new, 2024) lists no output for MYS',
      },
    ]);
  });

  test('a broken stage table is an error, not a missing table', () => {
    const data = tinyDataset();
    const broken: Dataset = {
      ...data,
      stageOutputs: [
        ...(data.stageOutputs ?? []),
        {
          stage: 'mining',
          country: 'MYS',
          year: 2024,
          measure: 'production',
          quantity: { amount: 5, unit: 'lb' as 't', basis: 'REO' },
          provenance: { source: 'new', tag: 'reported' },
        },
      ],
    };
    expect(() => traceOrigins(broken, { stage: 'mining', country: 'CHN', year: 2024 })).toThrow(
      `massFromJSON: unit: expected 't' or 'kg', got "lb"`,
    );
  });

  test('bad nodes, years and link entries are refused with their path', () => {
    const to = node('magnet', 'JPN');
    const bad = (links: unknown[]) => () =>
      traceOrigins(empty, { stage: 'magnet', country: 'JPN', year: 2024, links: links as never });
    expect(bad([{ from: null, to, share: 1 }])).toThrow(
      'traceOrigins: options.links[0].from: expected a node { stage, country }, got null',
    );
    // A function with node-like properties is still not a node.
    const fnNode = Object.assign(() => undefined, { stage: 'mining', country: 'CHN' });
    expect(bad([{ from: fnNode, to, share: 1 }])).toThrow(
      'traceOrigins: options.links[0].from: expected a node { stage, country }, got a function',
    );
    expect(bad([{ from: node('mining', 'CHN'), to: null, share: 1 }])).toThrow(
      'traceOrigins: options.links[0].to: expected a node { stage, country }, got null',
    );
    expect(bad([null])).toThrow(
      'traceOrigins: options.links[0].from: expected a node { stage, country }, got undefined',
    );
    // The country code must be exactly three capitals (or "other"): no prefix, no suffix.
    expect(bad([link(node('mining', 'xCHN'), to, 1)])).toThrow(
      'traceOrigins: options.links[0].from.country: expected an ISO alpha-3 country code or "other", got "xCHN"',
    );
    expect(bad([link(node('mining', 'CHNx'), to, 1)])).toThrow(
      'traceOrigins: options.links[0].from.country: expected an ISO alpha-3 country code or "other", got "CHNx"',
    );
    expect(() => traceOrigins(empty, { stage: 'magnet', country: 'JPN', year: 1800 })).toThrow(
      'traceOrigins: options.year: expected an integer of at least 1900, got 1800',
    );
  });

  test('given links: element scope, origin and note', () => {
    const given = { ...link(node('mining', 'AUS'), node('separation', 'MYS'), 1) };
    // Without an element, a link scoped to Nd is used.
    const all = traceOrigins(empty, {
      stage: 'separation',
      country: 'MYS',
      year: 2024,
      links: [{ ...given, elements: ['Nd'] }],
    });
    expect(all.links).toEqual([
      {
        from: { stage: 'mining', country: 'AUS' },
        to: { stage: 'separation', country: 'MYS' },
        share: 1,
        origin: 'option',
        note: 'given in options.links',
      },
    ]);
    expect(all.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
    // With an element, an unscoped link is used.
    const dy = traceOrigins(empty, {
      stage: 'separation',
      country: 'MYS',
      year: 2024,
      element: 'Dy',
      links: [given],
    });
    expect(dy.byStage.mining).toEqual({ shares: { AUS: 1 }, unresolved: 0 });
  });

  test('shares into a node may exceed 1 by at most 1e-9 (rounding)', () => {
    const result = trace(
      [
        link(node('mining', 'AUS'), node('separation', 'MYS'), 1),
        link(node('mining', 'MMR'), node('separation', 'MYS'), 1e-9),
      ],
      'separation',
      'MYS',
    );
    // Sum 1 + 1e-9: at the tolerance, so accepted.
    expect(result.byStage.mining).toEqual({ shares: { AUS: 1, MMR: 1e-9 }, unresolved: 0 });
  });

  test('a zero-share link is listed, but what feeds its source is not followed', () => {
    const result = trace(
      [
        link(node('separation', 'CHN'), node('metal', 'JPN'), 1),
        link(node('separation', 'MYS'), node('metal', 'JPN'), 0),
        link(node('mining', 'CHN'), node('separation', 'CHN'), 1),
        link(node('mining', 'AUS'), node('separation', 'MYS'), 1),
      ],
      'metal',
      'JPN',
    );
    // No material reaches separation:MYS, so mining:AUS gets nothing, not even a zero entry.
    expect(result.byStage.mining).toEqual({ shares: { CHN: 1 }, unresolved: 0 });
    expect(result.links.map((l) => `${l.from.country}>${l.to.country}`)).toEqual([
      'CHN>JPN',
      'MYS>JPN',
      'CHN>CHN',
    ]);
  });

  test('material below 1e-15 of the traced output is not reported as a gap', () => {
    const result = trace([link(node('separation', 'CHN'), node('metal', 'JPN'), 1e-15)], 'metal');
    // separation:CHN carries 1e-15 and has no links: at the threshold, so no gap for it.
    expect(result.gaps).toEqual([
      {
        node: { stage: 'metal', country: 'JPN' },
        reason: "the links into JPN's metal stage cover 0 of its feed",
      },
    ]);
    expect(result.byStage.separation?.shares).toEqual({ CHN: 1e-15 });
  });

  test('byStage covers the traced stage and the stages upstream of it only', () => {
    const result = trace(
      [link(node('mining', 'AUS'), node('separation', 'MYS'), 1)],
      'separation',
      'MYS',
    );
    expect(Object.keys(result.byStage)).toEqual(['mining', 'separation']);
  });
});
