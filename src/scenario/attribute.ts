import { hhiChange } from '../concentration/index.js';
import { invalidArgument } from '../errors/index.js';
import type { Dataset, Intervention, Scenario, Stage } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import { readEvaluationInputs } from './context.js';
import { evaluateResolved, resolveChecked } from './evaluate.js';
import type { EvaluateOptions, ScenarioEvaluation } from './types.js';
import { scenarioVariables } from './variables.js';

/**
 * The metric an attribution explains: one row of the evaluation, picked by variable, year and,
 * where they apply, region, stage and elements.
 *
 * @category Scenario
 */
export interface AttributionMetric {
  /** The variable, e.g. `'Balance'` or `'Concentration|HHI'`. */
  readonly variable: string;
  /** The year. */
  readonly year: number;
  /** The region; default `'World'`. */
  readonly region?: string;
  /** The stage, for rows of one stage. */
  readonly stage?: Stage;
  /** The elements, as the rows name them (`'Y'`, `'Y+Yb'`); absent for all rare earths. */
  readonly element?: string;
}

/**
 * Options of {@link attribute}: the metric, how to compute the Shapley values, and the
 * evaluation's options.
 *
 * @category Scenario
 */
export interface AttributeOptions extends EvaluateOptions {
  /** The metric to explain. */
  readonly metric: AttributionMetric;
  /** The most interventions for which Shapley values are exact (2^k evaluations); default 10. */
  readonly exactUpTo?: number;
  /** Beyond `exactUpTo`: the number of random permutations sampled; default 500. */
  readonly samples?: number;
  /** The seed of the permutation sampler (integer); default 1. */
  readonly seed?: number;
}

/**
 * One intervention's share of a metric's change.
 *
 * @category Scenario
 */
export interface Contribution {
  /** The intervention's id. */
  readonly id: string;
  /** Its label, when it has one. */
  readonly label?: string;
  /** `'added'` (only in the scenario), `'removed'` (only in the base) or `'changed'`. */
  readonly change: 'added' | 'removed' | 'changed';
  /** Its Shapley value, in the metric's unit; the values sum to the total change. */
  readonly value: number;
  /** With sampling: the standard error of `value` (the spread of the sampled marginal changes / √samples). */
  readonly standardError?: number;
}

/**
 * How much of a metric's change each intervention explains; see {@link attribute}.
 *
 * @category Scenario
 */
export interface Attribution {
  /** The metric explained, with its region filled in. */
  readonly metric: AttributionMetric & {
    /** The region. */
    readonly region: string;
  };
  /** The metric's unit. */
  readonly unit: string;
  /** The metric under the base's interventions. */
  readonly base: number;
  /** The metric under the scenario's interventions. */
  readonly scenario: number;
  /** `scenario − base`. */
  readonly change: number;
  /** `'exact'` (all 2^k coalitions) or `'sampled'` (random permutations). */
  readonly method: 'exact' | 'sampled';
  /** How many evaluations were run. */
  readonly evaluations: number;
  /** With sampling, the number of permutations. */
  readonly samples?: number;
  /** One contribution per intervention that differs, sorted by id. */
  readonly contributions: readonly Contribution[];
  /**
   * For `'Concentration|HHI'`: the change split exactly by supplier (points),
   * (s′ᵢ − sᵢ)(s′ᵢ + sᵢ) with shares of the stage's world total (see {@link hhiChange}); the
   * residual "other" adds nothing to the HHI's lower bound and is left out.
   */
  readonly suppliers?: Readonly<Record<string, number>>;
}

function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function metricValue(
  evaluation: ScenarioEvaluation,
  metric: AttributeOptions['metric'] & { region: string },
): { value: number; unit?: string } {
  const row = evaluation.rows.find(
    (r) =>
      r.variable === metric.variable &&
      r.year === metric.year &&
      r.region === metric.region &&
      r.stage === metric.stage &&
      r.element === metric.element,
  );
  return row === undefined ? { value: 0 } : { value: row.value, unit: row.unit };
}

/** A small, fast, seeded generator (mulberry32): deterministic permutations. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How much of a metric's change from a base scenario to a scenario each intervention explains:
 * Shapley values over the interventions that differ between the two (added, removed or changed,
 * matched by id), so that the contributions are order-independent and sum to the total change.
 *
 * With k such interventions, the exact values need the metric under every subset (2^k
 * evaluations, each the base's interventions with that subset switched to the scenario's): fine up
 * to about 10. Beyond `exactUpTo`, the values are estimated from `samples` random permutations
 * (seeded, so deterministic): each permutation's marginal changes telescope to the total, so the
 * estimates still sum to it exactly; the standard error of each (spread / √samples) is given.
 * For the HHI, the change is also split exactly by supplier with the closed form
 * ΔHHI = Σᵢ (s′ᵢ − sᵢ)(s′ᵢ + sᵢ) ({@link hhiChange}). Every evaluation uses the scenario's horizon;
 * a metric row missing in an evaluation (a stock level without a stockpile) counts as 0.
 *
 * Source: L. S. Shapley (1953), "A value for n-person games"; the sampling estimator of
 * J. Castro, D. Gómez, J. Tejada (2009), Computers & Operations Research 36(5), 1726–1730.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param base - the reference scenario (often one without interventions)
 * @param scenario - the scenario whose change is explained
 * @param options - `metric`; `exactUpTo` (default 10), `samples` (default 500), `seed` (default 1);
 *   and the evaluation's options ({@link EvaluateOptions}), `scenarios` for parents
 * @returns the metric under both, the change, one contribution per differing intervention and,
 *   for the HHI, the split by supplier
 * @throws {@link RareEarthsError} as {@link evaluate} does, and (`invalid-argument`) for a missing
 *   metric or a bad `exactUpTo`, `samples` or `seed`
 * @example
 * ```ts
 * import { attribute, type Scenario } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const horizon = { from: 2025, to: 2026 };
 * const base: Scenario = { id: 'base', name: 'No change', horizon, interventions: [] };
 * const both: Scenario = {
 *   id: 'both', name: 'Ban and a half cut', horizon,
 *   interventions: [
 *     { kind: 'exportRestriction', id: 'ban', country: 'CHN', elements: ['Y'], cut: 1, from: 2026 },
 *     { kind: 'exportRestriction', id: 'half', country: 'DEU', elements: ['Y'], cut: 0.5, from: 2026 },
 *   ],
 * };
 * const result = attribute(baseline, base, both, {
 *   metric: { variable: 'Imports|Restricted', region: 'USA', element: 'Y', year: 2026 },
 * });
 * result.change; // => 226.5
 * result.contributions.map((c) => [c.id, c.value]); // ≈ [['ban', 210], ['half', 16.5]]
 * ```
 */
export function attribute(
  dataset: Dataset,
  base: Scenario,
  scenario: Scenario,
  options: AttributeOptions,
): Attribution {
  const fn = 'attribute';
  if (typeof options !== 'object' || options === null || typeof options.metric !== 'object') {
    invalidArgument(fn, ['options', 'metric'], 'a metric { variable, year }', options?.metric);
  }
  const metric = { ...options.metric, region: options.metric.region ?? 'World' };
  if (typeof metric.variable !== 'string')
    invalidArgument(fn, ['options', 'metric', 'variable'], 'a variable name', metric.variable);
  checkInteger(fn, ['options', 'metric', 'year'], metric.year, 1900);
  const exactUpTo = checkInteger(fn, ['options', 'exactUpTo'], options.exactUpTo ?? 10, 0);
  const samples = checkInteger(fn, ['options', 'samples'], options.samples ?? 500, 1);
  const seed = checkInteger(fn, ['options', 'seed'], options.seed ?? 1, 0);

  const from = resolveChecked(fn, dataset, base, options, 'base');
  const to = resolveChecked(fn, dataset, scenario, options, 'scenario');
  const horizon = to.resolved.horizon;
  if (metric.year < horizon.from || metric.year > horizon.to) {
    invalidArgument(
      fn,
      ['options', 'metric', 'year'],
      `a year within the horizon ${horizon.from}–${horizon.to}`,
      metric.year,
    );
  }
  const referenceYear = checkInteger(
    fn,
    ['options', 'referenceYear'],
    options.referenceYear ?? horizon.from,
    1900,
  );
  const inputs = readEvaluationInputs(fn, dataset, referenceYear, options);

  const baseList = new Map(from.resolved.interventions.map((i) => [i.id, i]));
  const targetList = new Map(to.resolved.interventions.map((i) => [i.id, i]));
  const players = [...new Set([...baseList.keys(), ...targetList.keys()])].sort().filter((id) => {
    const x = baseList.get(id);
    const y = targetList.get(id);
    return x === undefined || y === undefined || stableKey(x) !== stableKey(y);
  });
  const k = players.length;
  const cache = new Map<string, ScenarioEvaluation>();
  const evaluateMask = (mask: readonly boolean[]): ScenarioEvaluation => {
    const key = mask.map((m) => (m ? '1' : '0')).join('');
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const list = new Map(baseList);
    players.forEach((id, i) => {
      if (!mask[i]) return;
      const target = targetList.get(id);
      if (target === undefined) list.delete(id);
      else list.set(id, target);
    });
    const interventions: Intervention[] = [...list.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const evaluation = evaluateResolved(fn, inputs, { ...to.resolved, interventions }, to.lineage);
    cache.set(key, evaluation);
    return evaluation;
  };
  const value = (mask: readonly boolean[]) => metricValue(evaluateMask(mask), metric).value;
  const none = players.map(() => false);
  const all = players.map(() => true);
  const start = metricValue(evaluateMask(none), metric);
  const end = metricValue(evaluateMask(all), metric);
  const unit = end.unit ?? start.unit;
  if (unit === undefined) {
    invalidArgument(
      fn,
      ['options', 'metric'],
      'a metric that is a row of the evaluation',
      metric.variable,
    );
  }

  const values = players.map(() => 0);
  const squares = players.map(() => 0);
  let method: Attribution['method'] = 'exact';
  if (k <= exactUpTo) {
    // Exact: φᵢ = Σ_{S ∌ i} |S|!(k − |S| − 1)!/k! · (v(S ∪ {i}) − v(S)).
    const factorial = [1];
    for (let n = 1; n <= k; n++) factorial.push((factorial[n - 1] as number) * n);
    const total = 2 ** k;
    for (let bits = 0; bits < total; bits++) {
      const mask = players.map((_, i) => (bits & (1 << i)) !== 0);
      const size = mask.filter(Boolean).length;
      if (size === k) continue;
      const weight =
        ((factorial[size] as number) * (factorial[k - size - 1] as number)) /
        (factorial[k] as number);
      const v = value(mask);
      mask.forEach((inside, i) => {
        if (inside) return;
        const withI = [...mask];
        withI[i] = true;
        values[i] = (values[i] as number) + weight * (value(withI) - v);
      });
    }
  } else {
    method = 'sampled';
    const random = generator(seed);
    const order = players.map((_, i) => i);
    for (let s = 0; s < samples; s++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const mask = [...none];
      let previous = start.value;
      for (const i of order) {
        mask[i] = true;
        const next = value(mask);
        const marginal = next - previous;
        values[i] = (values[i] as number) + marginal;
        squares[i] = (squares[i] as number) + marginal * marginal;
        previous = next;
      }
    }
  }
  const contributions: Contribution[] = players.map((id, i) => {
    const x = baseList.get(id);
    const y = targetList.get(id);
    const label = (y ?? x)?.label;
    const change: Contribution['change'] =
      x === undefined ? 'added' : y === undefined ? 'removed' : 'changed';
    const common = { id, ...(label === undefined ? {} : { label }), change };
    if (method === 'exact') return { ...common, value: values[i] as number };
    const mean = (values[i] as number) / samples;
    const variance =
      samples > 1
        ? Math.max(0, ((squares[i] as number) - samples * mean * mean) / (samples - 1))
        : 0;
    return { ...common, value: mean, standardError: Math.sqrt(variance / samples) };
  });

  let suppliers: Record<string, number> | undefined;
  if (metric.variable === scenarioVariables.hhi.name && metric.stage !== undefined) {
    const supply = (evaluation: ScenarioEvaluation) => {
      const out: Record<string, number> = {};
      for (const r of evaluation.rows)
        if (
          r.variable === scenarioVariables.supply.name &&
          r.stage === metric.stage &&
          r.year === metric.year
        )
          out[r.region] = r.value;
      return out;
    };
    const before = supply(evaluateMask(none));
    const after = supply(evaluateMask(all));
    const residual =
      'other' in before || 'other' in after
        ? { residual: ['other'], residualAs: 'one-supplier' as const }
        : {};
    const split = hhiChange(before, after, { ...residual, scale: 'points' });
    suppliers = {};
    for (const key of Object.keys(split.contributions).sort()) {
      if (key !== 'other') suppliers[key] = split.contributions[key] as number;
    }
  }
  return {
    metric,
    unit: unit as string,
    base: start.value,
    scenario: end.value,
    change: end.value - start.value,
    method,
    evaluations: cache.size,
    ...(method === 'sampled' ? { samples } : {}),
    contributions,
    ...(suppliers === undefined ? {} : { suppliers }),
  };
}
