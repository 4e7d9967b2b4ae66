// A scenario's own uncertain numbers (issue 18: "any numeric figure of a dataset or a scenario may
// carry an uncertainty"): an export restriction whose cut is known only as a range, drawn with the
// data's figures, checked at parse time with placed errors, and swung in a tornado.
import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate, parseScenario, type Scenario } from '../../src/index.js';
import { datasetWith, scenarioWith } from '../../src/uncertainty/draw.js';
import { derivedResiduals } from '../../src/uncertainty/figures.js';
import { scenarioFigures, scenarioTornado, simulate } from '../../src/uncertainty/index.js';
import { changesAt } from '../../src/uncertainty/simulate.js';

const restriction = {
  kind: 'exportRestriction' as const,
  id: 'y',
  country: 'CHN',
  elements: ['Y' as const],
  cut: 1,
  from: 2026,
};
const licences = (uncertainty: unknown): Scenario =>
  ({
    id: 'licences',
    name: 'Licences let some yttrium through',
    horizon: { from: 2025, to: 2027 },
    interventions: [{ ...restriction, uncertainty }],
  }) as Scenario;
const cutRange = licences({
  cut: { kind: 'uniform', low: 0.5, high: 1, basis: 'licences granted are not published' },
});
const balance = <R extends { variable: string; element?: string; year: number }>(
  rows: readonly R[],
  year: number,
): R | undefined =>
  rows.find((r) => r.variable === 'Balance' && r.element === 'Y' && r.year === year);

describe('parsing', () => {
  const problem = (uncertainty: unknown) => {
    try {
      parseScenario(licences(uncertainty), { dataset: baseline });
      return 'valid';
    } catch (error) {
      return (error as Error).message;
    }
  };
  test('a range on the cut is valid, and the scenario evaluates as without it', () => {
    expect(problem({ cut: { kind: 'triangular', low: 0.5, mode: 0.9, high: 1, basis: 'b' } })).toBe(
      'valid',
    );
    const without = evaluate(baseline, licences(undefined));
    expect(evaluate(baseline, cutRange).rows).toEqual(without.rows);
  });
  test('bad uncertainties are refused at their path', () => {
    expect(problem({ from: { kind: 'uniform', low: 2026, high: 2027, basis: 'b' } })).toBe(
      'parseScenario: interventions[0].uncertainty.from: expected the path of a number this exportRestriction may draw (see Intervention.uncertainty, e.g. \'cut\'), got "from"',
    );
    expect(problem({ cut: { kind: 'uniform', low: 1, high: 0.5, basis: 'b' } })).toBe(
      'parseScenario: interventions[0].uncertainty.cut.high: expected high ≥ low (1), got 0.5',
    );
    expect(problem({ cut: { kind: 'uniform', low: 0.5, high: 1.2, basis: 'b' } })).toBe(
      'parseScenario: interventions[0].uncertainty.cut.high: expected a range within [0, 1] (a fraction), got 0.5–1.2',
    );
    expect(problem({ cut: { kind: 'uniform', low: 0.2, high: 0.5, basis: 'b' } })).toBe(
      "parseScenario: interventions[0].uncertainty.cut: expected a range that holds the intervention's number 1, got 0.2–0.5",
    );
    expect(problem({ cut: { kind: 'normal', mean: 0.9, sd: 0.05, basis: 'b' } })).toBe(
      "parseScenario: interventions[0].uncertainty.cut.kind: expected a bounded distribution (uniform, triangular, pert or values) for a fraction, got 'normal'",
    );
    expect(problem({ cut: { kind: 'normal', mean: 0.9, sd: -1, basis: 'b' } })).toMatch(
      /^parseScenario: interventions\[0\]\.uncertainty\.cut\.sd: /,
    );
    expect(problem([0.5])).toMatch(
      /interventions\[0\]\.uncertainty: expected an object of uncertainties/,
    );
  });
  test('a capacity change draws its tonnes, a schedule cannot be drawn', () => {
    const capacity = {
      id: 'plant',
      name: 'A plant',
      horizon: { from: 2025, to: 2030 },
      interventions: [
        {
          kind: 'capacityChange',
          id: 'sep',
          country: 'USA',
          stage: 'separation',
          change: { amount: 5000, unit: 't', basis: 'REO' },
          ramp: { from: 2025, to: 2028 },
          uncertainty: { 'change.amount': { kind: 'uniform', low: 2000, high: 6000, basis: 'b' } },
        },
      ],
    };
    expect(() => parseScenario(capacity, { dataset: baseline })).not.toThrow();
    expect(scenarioFigures(parseScenario(capacity, { dataset: baseline }))[0]).toMatchObject({
      id: 'plant/sep/change.amount',
      path: ['scenario', 'interventions', 0, 'change', 'amount'],
      value: 5000,
      unit: 't REO/yr',
    });
  });
});

describe('simulate draws the scenario with the data', () => {
  // Expected by hand: the US yttrium balance in 2026 is −(imports × China's share × cut) =
  // −300 t × 0.70 × cut (USGS MCS 2026: 2025 imports 300 t, China 70% of 2021–24 sources). With
  // the data's figures held (figures: []) and cut ~ U(0.5, 1), the balance is uniform on
  // [−210, −105]: mean −157.5, P5 = −210 × 0.975 = −204.75, P95 = −210 × 0.525 = −110.25.
  const result = simulate(baseline, cutRange, { draws: 4000, seed: 11, figures: [] });
  const y2026 = balance(result.rows, 2026);
  test('the band of the balance is the analytic one', () => {
    expect(y2026?.value).toBe(-210);
    expect(y2026?.band.mean).toBeCloseTo(-157.5, 0);
    const [p5, p50, p95] = y2026?.band.quantiles.map((q) => q.value) ?? [];
    // Sampling error of a quantile of 4,000 uniform draws: about ±1.5 t here.
    expect(Math.abs((p5 as number) + 204.75)).toBeLessThan(2);
    expect(Math.abs((p50 as number) + 157.5)).toBeLessThan(2.5);
    expect(Math.abs((p95 as number) + 110.25)).toBeLessThan(2);
    expect(y2026?.band.min).toBeGreaterThanOrEqual(-210);
    expect(y2026?.band.max).toBeLessThanOrEqual(-105);
  });
  test('the year before the restriction has no spread; the setup names the drawn cut', () => {
    const y2025 = balance(result.rows, 2025);
    expect(y2025?.band.min).toBe(y2025?.band.max);
    expect(result.figures.map((f) => f.id)).toEqual(['licences/y/cut']);
    expect(result.assumptions.join(' ')).toContain(
      '1 number of the scenario drawn from the uncertainty its intervention states (licences/y/cut: uniform 0.5–',
    );
  });
  test('with the data figures too, the cut and the rounding of the 70% are both drawn', () => {
    const both = simulate(baseline, cutRange, { draws: 300, seed: 2 });
    expect(both.figures.some((f) => f.id === 'licences/y/cut')).toBe(true);
    expect(both.figures.length).toBeGreaterThan(1);
    // −300 × 0.705 × 1 at the widest.
    expect(balance(both.rows, 2026)?.band.min).toBeGreaterThanOrEqual(-300 * 0.705 - 1e-9);
  });
  test('the scenario is not mutated, and the same seed gives the same bands', () => {
    const frozen = JSON.parse(JSON.stringify(cutRange));
    const once = simulate(baseline, cutRange, { draws: 300, seed: 11 });
    expect(simulate(baseline, cutRange, { draws: 300, seed: 11 })).toEqual(once);
    expect(cutRange).toEqual(frozen);
  });
  test('property: a wider range of the cut never narrows the band (the balance is monotone in it)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (low, shrink) => {
          const narrowLow = low + shrink * (1 - low);
          const band = (lo: number) =>
            balance(
              simulate(
                baseline,
                licences({ cut: { kind: 'uniform', low: lo, high: 1, basis: 'b' } }),
                {
                  draws: 50,
                  seed: 5,
                  figures: [],
                },
              ).rows,
              2026,
            )?.band;
          const wide = band(low);
          const narrow = band(narrowLow);
          // Same seed, same u per draw: each draw of the wide range is at or beyond the narrow one's.
          expect((wide?.max ?? 0) - (wide?.min ?? 0)).toBeGreaterThanOrEqual(
            (narrow?.max ?? 0) - (narrow?.min ?? 0) - 1e-9,
          );
        },
      ),
      { numRuns: 15 },
    );
  });
  test('a figure with a scenario path is refused among the data figures', () => {
    expect(() =>
      simulate(baseline, cutRange, {
        draws: 10,
        seed: 1,
        figures: [
          { ...(scenarioFigures(cutRange)[0] as ReturnType<typeof scenarioFigures>[number]) },
        ],
      }),
    ).toThrow(/simulate: options\.figures\[0\]\.path: expected the path of a dataset figure/);
  });
});

describe('scenarioTornado', () => {
  test('the cut is the input that moves the balance most', () => {
    const result = scenarioTornado(baseline, cutRange, (e) => balance(e.rows, 2026)?.value ?? 0);
    expect(result.value).toBe(-210);
    expect(result.bars[0]?.group).toBe('licences/y/cut');
    expect(result.bars[0]?.atLow).toBeCloseTo(-105, 9);
    expect(result.bars[0]?.atHigh).toBeCloseTo(-210, 9);
    // The rounding of China's 70% (69.5–70.5%) swings it by 300 × 0.01 = 3 t.
    const rounding = result.bars.find((b) => b.group.includes('yttrium-CHN-USA-Y'));
    expect(rounding?.swing).toBeCloseTo(3, 6);
  });
  test('a metric that is not a function is refused', () => {
    expect(() => scenarioTornado(baseline, cutRange, 3 as never)).toThrow(
      'scenarioTornado: metric: expected a function from an evaluation to a number',
    );
  });
});

describe('the draw loop is the plain evaluation at each draw', () => {
  // Every preset as published (no uncertain number of its own, so the steps' plans, the capacity
  // step and, where no drawn figure touches demand, the demand step are kept across draws and the
  // rows' values go to the sink), over 2024–2050 as the benchmark runs it.
  test.each(presets.map((p) => [p.id, p] as const))('%s over 2024–2050', (_, preset) => {
    const scenario = { ...preset, horizon: { from: 2024, to: 2050 } };
    const scenarios = presets.filter((p) => p.id !== preset.id);
    const draws = 6;
    const result = simulate(baseline, scenario, {
      draws,
      seed: 4,
      keepDraws: true,
      evaluate: { scenarios },
    });
    expect(result.rows.some((r) => r.band.max > r.band.min)).toBe(true);
    const rng = xoroshiro128plus(4);
    const residuals = derivedResiduals(baseline, result.figures);
    for (let d = 0; d < draws; d++) {
      const u = new Map(result.groups.map((g) => [g, uniformFloat64(rng)]));
      const slow = evaluate(
        datasetWith(baseline, changesAt(result.figures, residuals, u)),
        scenario,
        { scenarios },
      );
      expect(slow.rows.length).toBe(result.rows.length);
      slow.rows.forEach((row, i) => {
        expect(result.rows[i]?.band.draws?.[d]).toBe(row.value);
      });
    }
  });

  // simulate re-reads only what a draw changes and keeps the demand step when no drawn figure
  // touches demand; this recomputes every draw the slow way (evaluate on the drawn dataset and
  // scenario, the same generator and drawing rule) and asks for the same numbers.
  test.each([
    ['the export controls with a ranged cut', cutRange],
    [
      'a recycling policy with a ranged collection rate (demand re-drawn)',
      {
        id: 'recycling-range',
        name: 'Recycling with a ranged collection rate',
        horizon: { from: 2025, to: 2032 },
        interventions: [
          {
            kind: 'recyclingPolicy',
            id: 'ev',
            application: 'permanent-magnets',
            from: 2026,
            collectionRate: 0.5,
            lifetime: { kind: 'logNormal', mean: 15, sd: 5 },
            uncertainty: { collectionRate: { kind: 'uniform', low: 0.3, high: 0.7, basis: 'b' } },
          },
        ],
      } as Scenario,
    ],
  ])('%s', (_, scenario) => {
    const draws = 12;
    const result = simulate(baseline, scenario, { draws, seed: 9, keepDraws: true });
    // Not vacuous: the drawn number moves some row.
    expect(result.rows.some((r) => r.band.max > r.band.min)).toBe(true);
    const figures = result.figures;
    const rng = xoroshiro128plus(9);
    const residuals = derivedResiduals(
      baseline,
      figures.filter((f) => f.path[0] !== 'scenario'),
    );
    for (let d = 0; d < draws; d++) {
      const u = new Map(result.groups.map((g) => [g, uniformFloat64(rng)]));
      const changes = changesAt(figures, residuals, u);
      const slow = evaluate(
        datasetWith(
          baseline,
          changes.filter((c) => c.path[0] !== 'scenario'),
        ),
        scenarioWith(
          scenario,
          changes.filter((c) => c.path[0] === 'scenario'),
        ),
      ).rows;
      expect(slow.length).toBe(result.rows.length);
      slow.forEach((row, i) => {
        expect(result.rows[i]?.band.draws?.[d]).toBe(row.value);
      });
    }
  });
});

describe('scenarioFigures: units', () => {
  test("a stockpile's initial stock is in tonnes, its build and release in tonnes a year", () => {
    const figures = scenarioFigures({
      id: 'stock',
      name: 'A stockpile',
      horizon: { from: 2025, to: 2030 },
      interventions: [
        {
          kind: 'stockpile',
          id: 'dy',
          holder: 'JPN',
          elements: ['Dy'],
          initial: { amount: 100, unit: 't', basis: 'REO' },
          build: { perYear: { amount: 10, unit: 't', basis: 'REO' }, from: 2025, to: 2027 },
          uncertainty: {
            'initial.amount': { kind: 'uniform', low: 50, high: 150, basis: 'b' },
            'build.perYear.amount': { kind: 'uniform', low: 5, high: 15, basis: 'b' },
          },
        },
      ],
    });
    expect(figures.map((f) => [f.id, f.unit])).toEqual([
      ['stock/dy/build.perYear.amount', 't REO/yr'],
      ['stock/dy/initial.amount', 't REO'],
    ]);
  });
});

describe('a ranged lifetime of a recycling policy (the stock model drawn)', () => {
  // The recycling offset runs a dynamic stock model; a longer mean lifetime sends products to end
  // of life later, so the recycled flow of the early years can only be smaller or equal.
  const policy = (lifetime: unknown, mean = 12): Scenario =>
    ({
      id: 'lifetime-range',
      name: 'Recycling with a ranged lifetime',
      horizon: { from: 2025, to: 2035 },
      interventions: [
        {
          kind: 'recyclingPolicy',
          id: 'magnets',
          application: 'permanent-magnets',
          from: 2025,
          collectionRate: 0.5,
          lifetime: { kind: 'logNormal', mean, sd: 4 },
          ...(lifetime === undefined ? {} : { uncertainty: { 'lifetime.mean': lifetime } }),
        },
      ],
    }) as unknown as Scenario;
  const recycled = (
    rows: readonly { variable: string; year: number; value: number }[],
    year: number,
  ) =>
    rows
      .filter((r) => r.variable === 'Recycling' && r.year === year)
      .reduce((s, r) => s + r.value, 0);
  test('the band of the recycled flow spans the flows at the two ends of the lifetime', () => {
    const result = simulate(
      baseline,
      policy({ kind: 'uniform', low: 8, high: 16, basis: 'studies differ' }),
      { draws: 200, seed: 3, figures: [] },
    );
    const short = evaluate(baseline, policy(undefined, 8));
    const long = evaluate(baseline, policy(undefined, 16));
    const rows = result.rows.filter((r) => r.variable === 'Recycling' && r.year === 2030);
    expect(rows.length).toBeGreaterThan(0);
    const min = rows.reduce((s, r) => s + r.band.min, 0);
    const max = rows.reduce((s, r) => s + r.band.max, 0);
    // Monotone in the lifetime: the long-lived products' flow is the floor, the short-lived the ceiling.
    expect(recycled(long.rows, 2030)).toBeLessThanOrEqual(min + 1e-9);
    expect(recycled(short.rows, 2030)).toBeGreaterThanOrEqual(max - 1e-9);
    expect(max).toBeGreaterThan(min);
  });
});
