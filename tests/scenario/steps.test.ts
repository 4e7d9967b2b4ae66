// The steps of the evaluator, one by one: pure (deep-frozen inputs, the same result twice), each
// writing exactly the variables the registry says it produces, and composed by the evaluator
// into the evaluation, row for row.
import { describe, expect, test } from 'vitest';
import { presets } from '../../src/data/index.js';
import { evaluate, type Scenario, type ScenarioRow, scenarioVariables } from '../../src/index.js';
import { readEvaluationInputs } from '../../src/scenario/context.js';
import { resolveChecked } from '../../src/scenario/evaluate.js';
import { capacityStep } from '../../src/scenario/steps/capacity.js';
import { demandStep } from '../../src/scenario/steps/demand.js';
import { importsStep } from '../../src/scenario/steps/imports.js';
import { resilienceStep } from '../../src/scenario/steps/resilience.js';
import { readRestrictions } from '../../src/scenario/steps/restrictions.js';
import { compareRows, type StepInput } from '../../src/scenario/steps/shared.js';
import { supplyStep } from '../../src/scenario/steps/supply.js';
import { answer, deepFreeze, small } from './fixtures.js';

const controls = presets[0] as Scenario;
const options = { scenarios: [controls] };
const { resolved } = resolveChecked('evaluate', small, answer, options);
const inputs = deepFreeze(readEvaluationInputs('evaluate', small, 2025, options));
const years = Array.from({ length: 11 }, (_, k) => 2025 + k);
const input: StepInput = deepFreeze({ fn: 'evaluate', inputs, scenario: resolved, years });

function run() {
  const capacity = capacityStep(input);
  const demand = demandStep(input);
  const restrictions = readRestrictions(input);
  const supply = supplyStep(input, capacity.changes, restrictions.restrictions);
  const resilience = resilienceStep(input, supply.outside, demand.totals);
  const imports = importsStep(input, restrictions.restrictions, capacity.lines);
  return { capacity, demand, restrictions, supply, resilience, imports };
}

/** The registry step of a row's variable. */
function stepOf(row: ScenarioRow): string | undefined {
  return Object.values(scenarioVariables).find(
    (v) => v.name === row.variable || (v.byApplication && row.variable.startsWith(`${v.name}|`)),
  )?.step;
}

describe('the steps of the evaluator', () => {
  const steps = run();

  test('pure: frozen inputs, and the same result twice', () => {
    expect(run()).toEqual(steps);
  });

  test('each writes the variables the registry names it for, and only those', () => {
    for (const name of ['capacity', 'demand', 'supply', 'resilience', 'imports'] as const) {
      const rows = steps[name].rows;
      expect(rows.length, name).toBeGreaterThan(0);
      expect([...new Set(rows.map(stepOf))], name).toEqual([name]);
    }
  });

  test('the evaluation is the steps composed: their rows, sorted, and their assumptions', () => {
    const evaluation = evaluate(small, answer, { ...options, referenceYear: 2025 });
    const rows = [
      steps.capacity,
      steps.demand,
      steps.supply,
      steps.resilience,
      steps.imports,
    ].flatMap((s) => s.rows);
    expect(evaluation.rows).toEqual([...rows].sort(compareRows));
    expect(evaluation.resilience).toEqual(steps.resilience.resilience);
    const ids = Object.values(steps).flatMap((s) => s.assumptions.map((a) => a.id));
    expect(evaluation.assumptions.map((a) => a.id)).toEqual(
      [...inputs.assumptions.map((a) => a.id), ...ids].sort(),
    );
  });

  test('a demand of several elements is keyed by its scope, not by another element', () => {
    const scoped = {
      ...small,
      demand: (small.demand ?? []).map((d) => ({ ...d, elements: ['Nd' as const, 'Pr' as const] })),
    };
    const result = evaluate(scoped, { ...answer, parent: 'china-export-controls-2025' }, options);
    const demand = result.rows.filter((r) => r.variable === scenarioVariables.demand.name);
    expect(new Set(demand.map((r) => r.element))).toEqual(new Set([undefined]));
    const own = result.rows.filter((r) => r.variable === 'Demand|permanent-magnets');
    expect(new Set(own.map((r) => r.element))).toEqual(new Set(['Pr+Nd']));
  });
});
