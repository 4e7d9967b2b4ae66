import {
  type ConcentrationBand,
  type ConcentrationGuidelines,
  concentrationBand,
} from '../concentration/index.js';
import { invalidArgument } from '../errors/index.js';
import type { Stage } from '../model/index.js';
import { approxEqual } from '../numeric/index.js';
import { stageRank } from './context.js';
import { rowKey } from './steps/shared.js';
import type { ScenarioEvaluation, ScenarioRow } from './types.js';
import { type ScenarioVariable, scenarioVariables } from './variables.js';

/**
 * Options of {@link diffScenarios}.
 *
 * @category Scenario
 */
export interface DiffOptions {
  /**
   * The symmetric tolerance: two numbers a and b count as equal when
   * |a − b| ≤ max(abs, rel · max(|a|, |b|)). Defaults: `abs` 0, `rel` 1e-9.
   */
  readonly tolerance?: {
    /** Absolute tolerance, in the unit of each value; default 0. */
    readonly abs?: number;
    /** Relative tolerance (fraction); default 1e-9. */
    readonly rel?: number;
  };
  /** The HHI bands for band crossings; default `'doj-ftc-2023'` (see {@link concentrationBand}). */
  readonly guidelines?: ConcentrationGuidelines;
}

/**
 * One difference between the two scenarios' inputs, at a path keyed by id (never by position):
 * `['interventions', '<intervention id>', 'cut']`, `['horizon', 'to']`. `from` is absent for
 * something added, `to` for something removed.
 *
 * @category Scenario
 */
export interface InputChange {
  /** Where: keys from the scenario down, interventions keyed by their id. */
  readonly path: readonly (string | number)[];
  /** The value in the first scenario; absent when the second adds it. */
  readonly from?: unknown;
  /** The value in the second scenario; absent when it removes it. */
  readonly to?: unknown;
}

/**
 * One metric that differs between two evaluations, IAMC-style: the row's identity, both values,
 * and the difference.
 *
 * @category Scenario
 */
export interface MetricDelta {
  /** The variable, e.g. `'Concentration|HHI'` (see {@link scenarioVariables}). */
  readonly variable: ScenarioVariable;
  /** The region, as in {@link ScenarioRow}. */
  readonly region: string;
  /** The stage, for rows of one stage. */
  readonly stage?: Stage;
  /** The elements, for rows of some elements. */
  readonly element?: string;
  /** The year. */
  readonly year: number;
  /** The unit of the values. */
  readonly unit: string;
  /** The value in the first evaluation; `null` when it has no such row. */
  readonly from: number | null;
  /** The value in the second evaluation; `null` when it has no such row. */
  readonly to: number | null;
  /** `to − from`; `null` when a side is missing. */
  readonly abs: number | null;
  /** `(to − from) / |from|`; `null` when a side is missing or `from` is 0. */
  readonly rel: number | null;
  /** For an HHI (points) that changes concentration band: the bands before and after. */
  readonly band?: {
    /** The band of `from`. */
    readonly from: ConcentrationBand;
    /** The band of `to`. */
    readonly to: ConcentrationBand;
  };
}

/**
 * What differs between two evaluated scenarios, and by how much; see {@link diffScenarios}.
 *
 * @category Scenario
 */
export interface ScenarioDiff {
  /** The two scenarios' ids. */
  readonly scenarios: {
    /** The first (`a`). */
    readonly from: string;
    /** The second (`b`). */
    readonly to: string;
  };
  /** The tolerance applied and its rule, stated so that the diff can be read alone. */
  readonly tolerance: {
    /** Absolute tolerance. */
    readonly abs: number;
    /** Relative tolerance. */
    readonly rel: number;
    /** The rule, `'|a − b| ≤ max(abs, rel · max(|a|, |b|))'`. */
    readonly rule: string;
  };
  /** The input differences, sorted by path. */
  readonly inputs: readonly InputChange[];
  /** The metric differences beyond the tolerance, sorted by variable, region, stage, element, year. */
  readonly metrics: readonly MetricDelta[];
  /** The time to resilience, when it differs. */
  readonly resilience?: {
    /** The first scenario's year (`null`: not reached). */
    readonly from: number | null;
    /** The second scenario's year (`null`: not reached). */
    readonly to: number | null;
  };
  /** How many numbers differed but within the tolerance (suppressed from the lists). */
  readonly withinTolerance: {
    /** Among the inputs. */
    readonly inputs: number;
    /** Among the metrics. */
    readonly metrics: number;
  };
}

type Path = (string | number)[];

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Lists of names (elements, partners, stages) compare as sets. */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  const key = (list: readonly unknown[]) =>
    list.every((v) => typeof v === 'string')
      ? canonical([...(list as string[])].sort())
      : canonical(list);
  return key(a) === key(b);
}

interface Collector {
  readonly changes: InputChange[];
  within: number;
  readonly tolerance: { abs: number; rel: number };
}

function compare(out: Collector, path: Path, a: unknown, b: unknown): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.changes.push({ path, to: b });
    return;
  }
  if (b === undefined) {
    out.changes.push({ path, from: a });
    return;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return;
    if (approxEqual(a, b, out.tolerance)) out.within += 1;
    else out.changes.push({ path, from: a, to: b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (!sameList(a, b)) out.changes.push({ path, from: a, to: b });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) compare(out, [...path, key], a[key], b[key]);
    return;
  }
  if (a !== b) out.changes.push({ path, from: a, to: b });
}

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function compareDeltas(a: MetricDelta, b: MetricDelta): number {
  const text = (x: string | undefined, y: string | undefined) =>
    x === y ? 0 : x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
  return (
    text(a.variable, b.variable) ||
    text(a.region, b.region) ||
    stageRank(a.stage) - stageRank(b.stage) ||
    text(a.element, b.element) ||
    a.year - b.year
  );
}

function bandOf(
  points: number,
  guidelines: ConcentrationGuidelines | undefined,
): ConcentrationBand {
  return concentrationBand(
    Math.min(10_000, Math.max(0, points)),
    guidelines === undefined ? {} : { guidelines },
  );
}

function checkEvaluation(fn: string, name: string, value: unknown): ScenarioEvaluation {
  const candidate = value as Partial<ScenarioEvaluation> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Array.isArray(candidate.rows) ||
    typeof candidate.scenario !== 'object'
  ) {
    invalidArgument(fn, [name], 'an evaluation (the result of evaluate)', value);
  }
  return candidate as ScenarioEvaluation;
}

/**
 * What differs between two evaluated scenarios, and why: the input changes keyed by id (an
 * intervention added, removed, or a field changed, each with `{ from, to }`), the metric rows
 * that moved beyond a stated symmetric tolerance (with absolute and relative change, and the
 * HHI band crossings), and the time to resilience.
 *
 * Conventions (methods notes §4.2): inputs are keyed by entity id, never by array position, so
 * reordering interventions changes nothing; lists of names (elements, partners, stages) compare
 * as sets; the tolerance is symmetric, |a − b| ≤ max(abs, rel · max(|a|, |b|)) (as Python's
 * `math.isclose`; numpy and pyam use the asymmetric atol + rtol·|b|), stated in the result, and
 * differences within it are counted in `withinTolerance` but not listed; a row present on one
 * side only is listed with `null` on the other; the order is deterministic (inputs by path,
 * metrics by variable, region, stage, element, year). A diff is reversible: {@link reverseDiff}
 * of `diffScenarios(a, b)` equals `diffScenarios(b, a)`; the diff of an evaluation with itself is
 * empty.
 *
 * @category Scenario
 * @param a - the first evaluation (the reference), from {@link evaluate}
 * @param b - the second evaluation
 * @param options - `tolerance` (`abs` default 0, `rel` default 1e-9) and HHI band `guidelines`
 * @returns the header, the input changes, the metric deltas, the resilience change and the counts
 *   within tolerance
 * @throws {@link RareEarthsError} (`invalid-argument`) for an input that is not an evaluation, or
 *   a negative or non-finite tolerance
 * @example
 * ```ts
 * import { diffScenarios, evaluate, type Scenario } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const horizon = { from: 2025, to: 2025 };
 * const none: Scenario = { id: 'none', name: 'No change', horizon, interventions: [] };
 * const ban: Scenario = {
 *   id: 'ban', name: 'Yttrium ban', horizon,
 *   interventions: [{ kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 1, from: 2025 }],
 * };
 * const diff = diffScenarios(evaluate(baseline, none), evaluate(baseline, ban));
 * diff.inputs[0]?.path; // => ['interventions', 'y']
 * diff.metrics.find((m) => m.variable === 'Balance' && m.element === 'Y')?.abs; // => -210
 * diffScenarios(evaluate(baseline, ban), evaluate(baseline, ban)).metrics; // => []
 * ```
 */
export function diffScenarios(
  a: ScenarioEvaluation,
  b: ScenarioEvaluation,
  options: DiffOptions = {},
): ScenarioDiff {
  const fn = 'diffScenarios';
  const first = checkEvaluation(fn, 'a', a);
  const second = checkEvaluation(fn, 'b', b);
  const abs = options.tolerance?.abs ?? 0;
  const rel = options.tolerance?.rel ?? 1e-9;
  if (!(Number.isFinite(abs) && abs >= 0))
    invalidArgument(fn, ['options', 'tolerance', 'abs'], 'a finite non-negative number', abs);
  if (!(Number.isFinite(rel) && rel >= 0))
    invalidArgument(fn, ['options', 'tolerance', 'rel'], 'a finite non-negative number', rel);
  const tolerance = { abs, rel };

  // Inputs: the resolved scenarios, interventions keyed by id.
  const inputs: Collector = { changes: [], within: 0, tolerance };
  const { id: _a, interventions: ia, ...restA } = first.scenario;
  const { id: _b, interventions: ib, ...restB } = second.scenario;
  compare(inputs, [], restA, restB);
  const byId = (list: typeof ia) => new Map(list.map((i) => [i.id, i]));
  const mapA = byId(ia);
  const mapB = byId(ib);
  for (const id of [...new Set([...mapA.keys(), ...mapB.keys()])].sort()) {
    const x = mapA.get(id);
    const y = mapB.get(id);
    if (x !== undefined && y !== undefined && x.kind === y.kind) {
      compare(inputs, ['interventions', id], x, y);
    } else if (x === undefined || y === undefined || canonical(x) !== canonical(y)) {
      inputs.changes.push({
        path: ['interventions', id],
        ...(x === undefined ? {} : { from: x }),
        ...(y === undefined ? {} : { to: y }),
      });
    }
  }
  inputs.changes.sort((p, q) => comparePaths(p.path, q.path));

  // Metrics: rows keyed by variable, region, stage, element and year.
  const rowsA = new Map(first.rows.map((row) => [rowKey(row), row]));
  const rowsB = new Map(second.rows.map((row) => [rowKey(row), row]));
  const metrics: MetricDelta[] = [];
  let within = 0;
  for (const key of new Set([...rowsA.keys(), ...rowsB.keys()])) {
    const x = rowsA.get(key);
    const y = rowsB.get(key);
    const row = (x ?? y) as ScenarioRow;
    const identity = {
      variable: row.variable,
      region: row.region,
      ...(row.stage === undefined ? {} : { stage: row.stage }),
      ...(row.element === undefined ? {} : { element: row.element }),
      year: row.year,
      unit: row.unit,
    };
    if (x === undefined || y === undefined) {
      metrics.push({
        ...identity,
        from: x?.value ?? null,
        to: y?.value ?? null,
        abs: null,
        rel: null,
      });
      continue;
    }
    if (x.value === y.value) continue;
    if (approxEqual(x.value, y.value, tolerance)) {
      within += 1;
      continue;
    }
    const change = y.value - x.value;
    const delta: MetricDelta = {
      ...identity,
      from: x.value,
      to: y.value,
      abs: change,
      rel: x.value === 0 ? null : change / Math.abs(x.value),
    };
    if (row.variable === scenarioVariables.hhi.name && row.unit === scenarioVariables.hhi.unit) {
      const before = bandOf(x.value, options.guidelines);
      const after = bandOf(y.value, options.guidelines);
      metrics.push(before === after ? delta : { ...delta, band: { from: before, to: after } });
    } else {
      metrics.push(delta);
    }
  }
  metrics.sort(compareDeltas);
  const ya = first.resilience?.year ?? null;
  const yb = second.resilience?.year ?? null;
  return {
    scenarios: { from: first.scenario.id, to: second.scenario.id },
    tolerance: { abs, rel, rule: '|a − b| ≤ max(abs, rel · max(|a|, |b|))' },
    inputs: inputs.changes,
    metrics,
    ...(ya === yb ? {} : { resilience: { from: ya, to: yb } }),
    withinTolerance: { inputs: inputs.within, metrics: within },
  };
}

/**
 * The diff read the other way: every `{ from, to }` swapped, additions become removals, the
 * changes negated and the relative changes taken against the other side. `reverseDiff(diffScenarios(a, b))`
 * equals `diffScenarios(b, a)`.
 *
 * @category Scenario
 * @param diff - a diff from {@link diffScenarios}
 * @returns a new diff; the input is not changed
 * @throws {@link RareEarthsError} (`invalid-argument`) when `diff` is not shaped like a diff
 * @example
 * ```ts
 * import { reverseDiff, type ScenarioDiff } from 'rare-earths';
 *
 * const diff: ScenarioDiff = {
 *   scenarios: { from: 'a', to: 'b' },
 *   tolerance: { abs: 0, rel: 1e-9, rule: '|a − b| ≤ max(abs, rel · max(|a|, |b|))' },
 *   inputs: [{ path: ['interventions', 'cn', 'cut'], from: 1, to: 0.5 }],
 *   metrics: [{ variable: 'Balance', region: 'USA', year: 2026, unit: 't/yr', from: -100, to: -50, abs: 50, rel: 0.5 }],
 *   withinTolerance: { inputs: 0, metrics: 0 },
 * };
 * const back = reverseDiff(diff);
 * back.inputs[0]; // => { path: ['interventions', 'cn', 'cut'], from: 0.5, to: 1 }
 * back.metrics[0]?.abs; // => -50
 * back.metrics[0]?.rel; // => -1
 * ```
 */
export function reverseDiff(diff: ScenarioDiff): ScenarioDiff {
  const candidate = diff as Partial<Record<keyof ScenarioDiff, unknown>> | null;
  // Trusts a diff's contents, but names a wrong value from untyped callers instead of a TypeError.
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Array.isArray(candidate.inputs) ||
    !Array.isArray(candidate.metrics) ||
    typeof candidate.scenarios !== 'object' ||
    candidate.scenarios === null ||
    typeof candidate.tolerance !== 'object' ||
    typeof candidate.withinTolerance !== 'object'
  ) {
    invalidArgument('reverseDiff', ['diff'], 'a diff from diffScenarios', diff);
  }
  const inputs = diff.inputs.map((change) => ({
    path: [...change.path],
    ...('to' in change ? { from: change.to } : {}),
    ...('from' in change ? { to: change.from } : {}),
  }));
  const metrics = diff.metrics.map((m) => {
    const { band, ...rest } = m;
    const abs = m.abs === null ? null : -m.abs;
    const reversed: MetricDelta = {
      ...rest,
      from: m.to,
      to: m.from,
      abs,
      rel: abs === null || m.to === null || m.to === 0 ? null : abs / Math.abs(m.to),
    };
    return band === undefined ? reversed : { ...reversed, band: { from: band.to, to: band.from } };
  });
  return {
    scenarios: { from: diff.scenarios.to, to: diff.scenarios.from },
    tolerance: { ...diff.tolerance },
    inputs,
    metrics,
    ...(diff.resilience === undefined
      ? {}
      : { resilience: { from: diff.resilience.to, to: diff.resilience.from } }),
    withinTolerance: { ...diff.withinTolerance },
  };
}
