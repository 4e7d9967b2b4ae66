// Issue 15 (findings 1, 2 and 4): answers that rested on unstated defaults. Each test reproduces
// the symptom through the public API; each fails on a05b628 (the old numbers are in the comments).
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate, type Intervention, type Scenario } from '../../src/index.js';
import { pick } from './fixtures.js';

const preset = (id: string) => presets.find((p) => p.id === id) as Scenario;
const ratio = (result: ReturnType<typeof evaluate>, year: number) =>
  (pick(result, 'Recycling', year) as number) / (pick(result, 'Demand', year) as number);

describe('finding 1: the recycling history is recorded, not back-filled', () => {
  test("the recycling preset's EoL-RIR in its first year is within a factor of 2 of the EU's ~1%", () => {
    // The published figure: the EU CRM 2023 study (Grohol & Veeh 2023, doi:10.2873/725585)
    // puts the end-of-life recycling input rate of the light and the heavy rare earths at 1%
    // (data brief §1.1 and §3.2; the dataset's eu-crm-2023). The preset's recycling starts in
    // 2026 (5% collected); before it the dataset has no rate and the default collection is 0,
    // which the evaluation states.
    const result = evaluate(baseline, preset('recycling-scale-up'));
    expect(pick(result, 'Recycling', 2025)).toBe(0);
    const first = ratio(result, 2026);
    // 0.86% now; 3.06% on a05b628, where 30 years of sales were back-filled at 93,000 t.
    expect(first).toBeGreaterThan(0.01 / 2);
    expect(first).toBeLessThan(0.01 * 2);
    expect(result.assumptions.find((a) => a.id === 'history:permanent-magnets')).toEqual({
      id: 'history:permanent-magnets',
      kind: 'sales-history',
      text: 'permanent-magnets: products in use before 2025 are the sales of 2015–2024, read off the demand path (records of 2015, 2023, linear between the records); none before 2015, the first record, so end-of-life flows are a lower bound while products sold earlier would still be reaching end of life.',
    });
    expect(result.assumptions.find((a) => a.kind === 'recycling-default')?.text).toBe(
      'permanent-magnets: collectionRate 0 (options.recyclingDefaults) in 2015–2025, where neither a recycling policy nor the dataset gives one.',
    );
  });

  test('a 15-year lifetime and 50% collection: 2030 rests on the sales of 2015, as recorded', () => {
    const policy: Scenario = {
      id: 'fifteen',
      name: 'Fifteen years, half collected',
      horizon: { from: 2025, to: 2035 },
      interventions: [
        {
          kind: 'recyclingPolicy',
          id: 'p',
          application: 'permanent-magnets',
          from: 2025,
          collectionRate: 0.5,
          preprocessingYield: 1,
          processingYield: 1,
          lifetime: { kind: 'fixed', mean: 15 },
        },
      ],
    };
    // By hand: the products of 2015 (46,500 t, derived from the IEA's "nearly doubled since
    // 2015") reach end of life in 2030; half is recycled, against 131,000 t of demand (IEA APS).
    // a05b628 held 93,000 t for 2015 (the 2023 figure): 35.5%.
    const result = evaluate(baseline, policy);
    expect(ratio(result, 2030)).toBeCloseTo((0.5 * 46500) / 131000, 12);
    // Back-filling decades before the first record is opt-in, and says so.
    const held = evaluate(baseline, policy, { salesHistory: 'hold-first' });
    expect(ratio(held, 2025)).toBeCloseTo((0.5 * 46500) / (93000 + (2 * 38000) / 7), 12);
    expect(ratio(result, 2025)).toBe(0);
    expect(held.assumptions.find((a) => a.kind === 'sales-history')?.text).toContain(
      "the 20 years before the first record (2015) held at its value: options.salesHistory 'hold-first'",
    );
    const none = evaluate(baseline, policy, { historyYears: 0 });
    expect(pick(none, 'Recycling', 2035)).toBe(0);
    expect(none.assumptions.find((a) => a.kind === 'sales-history')?.text).toContain(
      'options.historyYears is 0',
    );
  });
});

describe('finding 2: each stage is sized by its own figures or a stated conversion', () => {
  const mp = preset('allied-build-out-2025-2035').interventions.filter(
    (i) => i.id === 'mp-10x-magnets',
  );
  const plant: Scenario = {
    id: 'mp-10x',
    name: "MP Materials' magnet plant",
    horizon: { from: 2025, to: 2060 },
    interventions: mp,
  };

  test('the magnet stage is sized by magnet demand, not by world mine output', () => {
    const result = evaluate(baseline, plant);
    expect(result.stages.map((s) => [s.stage, s.sizedBy])).toEqual([
      ['mining', 'table'],
      ['separation', 'mining'],
      ['magnet', 'demand'],
    ]);
    const magnet = result.stages.find((s) => s.stage === 'magnet');
    // The IEA's magnet rare-earth demand in 2025, linear between 93,000 t (2023) and 131,000 t
    // (2030): 93,000 + 2 × 38,000 / 7. On a05b628 the stage was 389,310 t (mine output).
    const size = 93000 + (2 * 38000) / 7;
    expect(magnet).toEqual({
      stage: 'magnet',
      throughput: size,
      sizedBy: 'demand',
      application: 'permanent-magnets',
      year: 2025,
      sources: ['iea-gcmo-2024'],
    });
    expect(pick(result, 'Supply|Total', 2025, { stage: 'magnet' })).toBeCloseTo(size, 9);
    expect(result.assumptions.find((a) => a.id === 'size:separation')?.text).toContain(
      'a stated conversion, all mined rare earths taken to pass through the separation stage',
    );
  });

  test('time to resilience with the 10,000 t magnet plant follows from the magnet stage', () => {
    // Outside China covering 7%: mining (31%) and separation (9%) already do; magnets are at
    // 6% (IEA commentary 2025: China 94%). In 2030, with the plant at full ramp (3,112 t REO),
    // coverage = (6% of the 2025 size + 3,112) / the 2030 demand of 131,000 t = 7.13%.
    // On a05b628 the plant counted against 389,310 t and coverage stayed below 6.4%: never.
    const result = evaluate(baseline, plant, { resilience: { share: 0.07 } });
    const size = 93000 + (2 * 38000) / 7;
    expect(pick(result, 'Resilience|Coverage', 2030, { stage: 'magnet' })).toBeCloseTo(
      (0.06 * size + 3112) / 131000,
      9,
    );
    expect(result.resilience.year).toBe(2030);
    // At the CRMA-derived 35% it is still not reached: an honest null, not a units slip.
    expect(evaluate(baseline, plant).resilience.year).toBe(null);
  });

  test('a stage with no tonnages and no rule is not sized, and says so', () => {
    const result = evaluate(baseline, plant, { stageSize: { magnet: 'mining' } });
    expect(result.stages.find((s) => s.stage === 'magnet')?.sizedBy).toBe('mining');
    const unsized = evaluate(baseline, plant, {
      stageSize: { magnet: { application: 'hard-disks' } },
    });
    expect(unsized.stages.some((s) => s.stage === 'magnet')).toBe(false);
    expect(unsized.assumptions.find((a) => a.id === 'stage:magnet')?.kind).toBe('stage-missing');
  });
});

describe('finding 4: export controls on named elements, by mass or reported unknown', () => {
  const april = preset('china-export-controls-2025');
  const result = evaluate(baseline, april);

  test('the US all-rare-earth line (22,450 t) is "composition unknown", not 0% restricted', () => {
    const us = { region: 'USA' };
    expect(pick(result, 'Imports', 2025, us)).toBe(22450);
    // a05b628: 0 (restricted share) and a balance of 0.
    expect(pick(result, 'Imports|Restricted|Share', 2025, us)).toBe(undefined);
    expect(pick(result, 'Balance', 2025, us)).toBe(undefined);
    expect(result.assumptions.find((a) => a.id === 'composition-unknown:USA/all')?.kind).toBe(
      'composition-unknown',
    );
  });

  test('samarium alone no longer makes 17% of the EU La–Sm line restricted', () => {
    const eu = { region: 'EU27', stage: 'separation', element: 'La+Ce+Pr+Nd+Sm' };
    // a05b628: 0.85 × 1/5 = 0.17, elements counted equally.
    expect(pick(result, 'Imports|Restricted|Share', 2025, eu)).toBe(undefined);
    // With a composition by mass (the caller's: here Sm 1% of the line), China's 85% of the EU's
    // sourcing at processing (EU CRM 2023) × 1%.
    const byMass = evaluate(baseline, april, {
      composition: { La: 30, Ce: 45, Pr: 5, Nd: 19, Sm: 1 },
    });
    expect(pick(byMass, 'Imports|Restricted|Share', 2025, eu)).toBeCloseTo(0.85 * 0.01, 12);
    expect(
      byMass.assumptions.find((a) => a.id === 'composition:EU27/separation/La+Ce+Pr+Nd+Sm')?.kind,
    ).toBe('composition');
    // Single-element lines need no composition: US yttrium, 70% from China.
    expect(pick(result, 'Imports|Restricted|Share', 2025, { region: 'USA', element: 'Y' })).toBe(
      0.7,
    );
  });

  test('stage supply and HHI change where the controls withhold supply', () => {
    // a05b628: restrictions never touched a stage. Without a composition the separation stage
    // is reported as unknown; with one, China's separation supply loses the restricted part.
    expect(
      result.assumptions.find((a) => a.id === 'composition-unknown:stage:separation')?.kind,
    ).toBe('composition-unknown');
    const base = evaluate(baseline, { ...april, id: 'none', interventions: [] });
    const composition = { La: 25, Ce: 45, Pr: 5, Nd: 17, Sm: 2, Gd: 2, Dy: 1, Y: 3 };
    const byMass = evaluate(baseline, april, { composition });
    const china = { region: 'CHN', stage: 'separation' };
    const before = pick(base, 'Supply', 2025, china) as number;
    // Sm + Gd + Dy + Y = 8 of 100 parts withheld.
    expect(pick(byMass, 'Supply|Withheld', 2025, china)).toBeCloseTo(before * 0.08, 6);
    expect(pick(byMass, 'Supply', 2025, china)).toBeCloseTo(before * 0.92, 6);
    expect(pick(byMass, 'Concentration|HHI', 2025, { stage: 'separation' })).toBeLessThan(
      pick(base, 'Concentration|HHI', 2025, { stage: 'separation' }) as number,
    );
    // Mining is not named by the controls; nothing is withheld there.
    expect(pick(byMass, 'Supply|Withheld', 2025, { region: 'CHN', stage: 'mining' })).toBe(
      undefined,
    );
    // A restriction on every element needs no composition; one on a single partner withholds
    // imports only.
    const all: Intervention = {
      kind: 'exportRestriction',
      id: 'all',
      country: 'CHN',
      stages: ['magnet'],
      cut: 0.5,
      from: 2025,
    };
    const half = evaluate(baseline, { ...april, id: 'half', interventions: [all] });
    const magnets = { region: 'CHN', stage: 'magnet' };
    expect(pick(half, 'Supply', 2025, magnets)).toBeCloseTo(
      (pick(base, 'Supply', 2025, magnets) as number) / 2,
      9,
    );
    const toUs = evaluate(baseline, {
      ...april,
      id: 'to-us',
      interventions: [{ ...all, partners: ['USA'] }],
    });
    expect(pick(toUs, 'Supply', 2025, magnets)).toBe(pick(base, 'Supply', 2025, magnets));
  });
});
