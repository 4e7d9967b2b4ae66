// A draw's inputs recomputed from the first read (src/scenario/redraw.ts) against a full read of
// the drawn dataset: the numbers the steps read must be the same, bit for bit, and a change the
// plan cannot follow must send the caller to the full read.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import type { Dataset } from '../../src/index.js';
import type { EvaluationInputs } from '../../src/scenario/context.js';
import { readEvaluationInputs } from '../../src/scenario/context.js';
import { redrawInputs, redrawPlan, redrawTargets } from '../../src/scenario/redraw.js';
import { datasetWith } from '../../src/uncertainty/draw.js';
import { derivedResiduals, uncertainFigures } from '../../src/uncertainty/figures.js';
import { changesAt } from '../../src/uncertainty/simulate.js';

// The records of a drawn dataset, as simulate hands them over.
const recordsOf =
  (dataset: Dataset) =>
  (collection: 'stageOutputs' | 'balances' | 'tradeFlows', index: number): unknown =>
    (dataset[collection] ?? [])[index];

// redrawInputs at the targets of the changed paths, or undefined where they cannot be followed.
const redraw = (
  central: EvaluationInputs,
  plan: ReturnType<typeof redrawPlan>,
  recordAt: ReturnType<typeof recordsOf>,
  changes: readonly { readonly path: readonly (string | number)[] }[],
) => {
  const targets = redrawTargets(
    plan,
    changes.map((c) => c.path),
  );
  return targets === undefined ? undefined : redrawInputs('t', central, plan, recordAt, targets);
};

// The numbers of the inputs the steps read: each stage's supply by country (sorted) and size,
// each line's quantity and shares.
const numbers = (inputs: EvaluationInputs) => ({
  stages: inputs.stages.map((s) => ({
    stage: s.stage,
    throughput: s.throughput,
    base: [...s.base].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  })),
  lines: inputs.lines.map((l) => ({ id: l.id, quantity: l.quantity, shares: l.shares })),
});

describe('redrawInputs', () => {
  const figures = uncertainFigures(baseline);
  const residuals = derivedResiduals(baseline, figures);
  const groups = [...new Set(figures.map((f) => f.group))].sort();

  test.each([2024, 2025, 2030])(
    'gives the numbers of a full read of the drawn dataset (reference year %i, 40 draws)',
    (year) => {
      const central = readEvaluationInputs('t', baseline, year, {});
      const plan = redrawPlan(central, baseline);
      const rng = xoroshiro128plus(year);
      let moved = 0;
      for (let d = 0; d < 40; d++) {
        const u = new Map(groups.map((g) => [g, uniformFloat64(rng)]));
        const changes = changesAt(figures, residuals, u);
        const drawn = datasetWith(baseline, changes);
        const fast = redraw(central, plan, recordsOf(drawn), changes);
        expect(fast).toBeDefined();
        const full = readEvaluationInputs('t', drawn, year, {});
        expect(numbers(fast as EvaluationInputs)).toStrictEqual(numbers(full));
        if (JSON.stringify(numbers(full)) !== JSON.stringify(numbers(central))) moved += 1;
      }
      // Not vacuous: the draws move the inputs.
      expect(moved).toBeGreaterThan(30);
    },
  );

  test('a change to a record no stage or line reads leaves the inputs as they are', () => {
    const central = readEvaluationInputs('t', baseline, 2024, {});
    const plan = redrawPlan(central, baseline);
    const read = new Set(plan.readers.keys());
    const index = (baseline.stageOutputs ?? []).findIndex((_, i) => !read.has(`stageOutputs/${i}`));
    expect(index).toBeGreaterThanOrEqual(0);
    const changes = [{ path: ['stageOutputs', index, 'share'], value: 0.5 }];
    const drawn = datasetWith(baseline, changes);
    expect(redraw(central, plan, recordsOf(drawn), changes)).toBe(central);
    // A world total is read for a note only, never for a number of the evaluation.
    const total = [{ path: ['worldTotals', 0, 'quantity', 'amount'], value: 1 }];
    expect(redraw(central, plan, recordsOf(datasetWith(baseline, total)), total)).toBe(central);
  });

  test('a change it cannot follow (a demand record) sends the caller to the full read', () => {
    const central = readEvaluationInputs('t', baseline, 2024, {});
    const plan = redrawPlan(central, baseline);
    const changes = [{ path: ['demand', 0, 'quantity', 'amount'], value: 1 }];
    const drawn = datasetWith(baseline, changes);
    expect(redraw(central, plan, recordsOf(drawn), changes)).toBeUndefined();
  });

  test('a quantity table that does not size its own stage sends the caller to the full read', () => {
    // options.throughput sizes mining: its shares would then be computed from the drawn tonnes.
    const options = { throughput: { mining: 400_000 } };
    const central = readEvaluationInputs('t', baseline, 2024, options);
    const plan = redrawPlan(central, baseline);
    const mining = central.stages.find((s) => s.stage === 'mining');
    const record = mining?.records[0] as number;
    const changes = [{ path: ['stageOutputs', record, 'quantity', 'amount'], value: 1000 }];
    const drawn = datasetWith(baseline, changes);
    expect(redraw(central, plan, recordsOf(drawn), changes)).toBeUndefined();
  });

  test('the inputs given are not mutated', () => {
    const central = readEvaluationInputs('t', baseline, 2024, {});
    const before = JSON.stringify(numbers(central));
    const plan = redrawPlan(central, baseline);
    const mining = central.stages.find((s) => s.stage === 'mining');
    const changes = [
      { path: ['stageOutputs', mining?.records[0] as number, 'quantity', 'amount'], value: 1 },
    ];
    const drawn: Dataset = datasetWith(baseline, changes);
    const after = redraw(central, plan, recordsOf(drawn), changes);
    expect(after).not.toBe(central);
    expect(JSON.stringify(numbers(central))).toBe(before);
    expect(after?.stages.find((s) => s.stage === 'mining')?.throughput).not.toBe(
      mining?.throughput,
    );
  });
});
