// simulate's draw loop recomputes only what a draw's figures reach (src/scenario/redraw.ts) and
// keeps the scenario's plans between draws (src/scenario/steps); this property test draws random
// figures anywhere in the baseline — stage tables chosen or not, import rows and sourcing shares,
// world totals, demand records (which the fast path leaves to a full read) — in random groups,
// through every preset, and asks every draw for the rows `evaluate` gives on the drawn dataset,
// bit for bit.
import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate } from '../../src/index.js';
import { datasetWith } from '../../src/uncertainty/draw.js';
import { derivedResiduals, type UncertainFigure } from '../../src/uncertainty/figures.js';
import { simulate } from '../../src/uncertainty/index.js';
import { changesAt } from '../../src/uncertainty/simulate.js';

type Candidate = { path: (string | number)[]; value: number; fraction: boolean };

// Every number of the baseline a figure could sit on.
const candidates: Candidate[] = [
  ...(baseline.stageOutputs ?? []).flatMap((r, i): Candidate[] =>
    r.quantity !== undefined
      ? [
          {
            path: ['stageOutputs', i, 'quantity', 'amount'],
            value: Number(r.quantity.amount),
            fraction: false,
          },
        ]
      : r.share !== undefined
        ? [{ path: ['stageOutputs', i, 'share'], value: r.share, fraction: true }]
        : [],
  ),
  ...(baseline.tradeFlows ?? []).flatMap((r, i): Candidate[] =>
    r.share === undefined
      ? []
      : [{ path: ['tradeFlows', i, 'share'], value: r.share, fraction: true }],
  ),
  ...(baseline.balances ?? []).flatMap((r, i): Candidate[] =>
    r.quantity === undefined
      ? []
      : [
          {
            path: ['balances', i, 'quantity', 'amount'],
            value: Number(r.quantity.amount),
            fraction: false,
          },
        ],
  ),
  ...(baseline.worldTotals ?? []).map(
    (r, i): Candidate => ({
      path: ['worldTotals', i, 'quantity', 'amount'],
      value: Number(r.quantity.amount),
      fraction: false,
    }),
  ),
  ...(baseline.demand ?? []).slice(0, 3).map(
    (r, i): Candidate => ({
      path: ['demand', i, 'quantity', 'amount'],
      value: Number(r.quantity.amount),
      fraction: false,
    }),
  ),
];

const figureOf = (c: Candidate, factor: number, group: string): UncertainFigure => {
  const other = c.value * factor;
  return {
    id: c.path.join('/'),
    path: c.path,
    value: c.value,
    low: Math.min(c.value, other),
    high: Math.max(c.value, other),
    unit: c.fraction ? 'fraction' : 't',
    editions: [
      { value: c.value, source: 'a' },
      { value: other, source: 'b' },
    ],
    group,
  } as UncertainFigure;
};

describe('the fast draw loop against evaluate', () => {
  test('random figures anywhere, every preset: every draw is evaluate on the drawn dataset (property)', () => {
    const pick = fc.record({
      chosen: fc.uniqueArray(fc.nat({ max: candidates.length - 1 }), {
        minLength: 1,
        maxLength: 8,
      }),
      factors: fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), {
        minLength: 8,
        maxLength: 8,
      }),
      groups: fc.array(fc.constantFrom('g1', 'g2', 'g3'), { minLength: 8, maxLength: 8 }),
      preset: fc.nat({ max: presets.length - 1 }),
      seed: fc.integer({ min: -1000, max: 1000 }),
    });
    let moved = 0;
    fc.assert(
      fc.property(pick, ({ chosen, factors, groups, preset, seed }) => {
        const base = presets[preset] as (typeof presets)[number];
        const scenario = { ...base, horizon: { from: 2024, to: 2030 } };
        const scenarios = presets.filter((p) => p.id !== base.id);
        const figures = chosen.map((index, k) =>
          figureOf(candidates[index] as Candidate, factors[k] as number, groups[k] as string),
        );
        const draws = 3;
        const result = simulate(baseline, scenario, {
          draws,
          seed,
          keepDraws: true,
          figures,
          evaluate: { scenarios },
        });
        if (result.rows.some((r) => r.band.max > r.band.min)) moved += 1;
        const rng = xoroshiro128plus(seed);
        const residuals = derivedResiduals(baseline, figures);
        for (let d = 0; d < draws; d++) {
          const u = new Map(result.groups.map((g) => [g, uniformFloat64(rng)]));
          const drawn = datasetWith(baseline, changesAt(result.figures, residuals, u));
          const rows = evaluate(drawn, scenario, { scenarios }).rows;
          expect(rows.length).toBe(result.rows.length);
          rows.forEach((row, i) => {
            expect(result.rows[i]?.band.draws?.[d]).toBe(row.value);
          });
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: many cases draw a figure that moves some row (about a third to a half).
    expect(moved).toBeGreaterThan(5);
  }, 60_000);
});
