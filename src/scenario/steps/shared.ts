// What the steps of an evaluation share: their input and result, the row key and the row it makes,
// and small helpers (rethrowing at the caller's path, interventions by kind, year ranges, order).
import { isRareEarthsError, RareEarthsError } from '../../errors/index.js';
import type { Intervention, Scenario, Stage } from '../../model/index.js';
import { type EvaluationInputs, stageRank } from '../context.js';
import type { ScenarioAssumption, ScenarioRow } from '../types.js';
import { applicationVariable, type ScenarioVariableEntry } from '../variables.js';
import type { RestrictedSharePlan } from './restrictions.js';
import type { StageYearPlan } from './supply.js';

/** A path into the caller's input, for errors. @internal */
export type Path = readonly (string | number)[];

/**
 * What a caller that evaluates one scenario many times (a Monte Carlo run) keeps between
 * evaluations: the steps' plans (what the scenario alone decides, year by year), each stored with
 * the id of the structure it was made for (a stage's suppliers, a line's exporters) and used only
 * for that structure. The steps fill it; a scenario whose numbers change between evaluations must
 * not share one.
 *
 * @internal
 */
export interface StepMemo {
  /** By stage position: the stage's plans in each year. */
  readonly supply: Map<number, { readonly id: string; readonly plans: readonly StageYearPlan[] }>;
  /** By line position: the line's restricted-share plans in each year. */
  readonly restricted: Map<
    number,
    { readonly id: string; readonly plans: readonly RestrictedSharePlan[] }
  >;
}

/** An empty {@link StepMemo}. @internal */
export function stepMemo(): StepMemo {
  return { supply: new Map(), restricted: new Map() };
}

/** What every step reads: the inputs read once from the dataset, the resolved scenario, its years. @internal */
export interface StepInput {
  /** The public function the evaluation runs for, named in errors. */
  readonly fn: string;
  readonly inputs: EvaluationInputs;
  /** The scenario, resolved (no parent) and checked. */
  readonly scenario: Scenario;
  /** The years of the horizon, in order. */
  readonly years: readonly number[];
  /** Plans kept from an earlier evaluation of the same scenario; see {@link StepMemo}. */
  readonly memo?: StepMemo;
  /** Where the rows' values go instead of rows; see {@link RowSink}. */
  readonly sink?: RowSink;
}

/** What every step returns: its rows and the assumptions it applied. @internal */
export interface StepResult {
  readonly rows: readonly ScenarioRow[];
  readonly assumptions: readonly ScenarioAssumption[];
}

/** The identity of a row: its variable (and application, for a by-application one), region, year, stage and elements. @internal */
export interface RowKey {
  readonly variable: ScenarioVariableEntry;
  /** For a by-application variable: the application's id (`Demand|<id>`). */
  readonly application?: string;
  readonly region: string;
  readonly year: number;
  readonly stage?: Stage | undefined;
  /** The elements' scope label (`'Y+Yb'`); absent for all rare earths. */
  readonly element?: string | undefined;
}

/**
 * The row of a key and a value, its unit the variable's. Four literal shapes rather than spreads,
 * so that the property order (and so the JSON) is fixed; `+ 0` turns −0 into 0, so that JSON and
 * comparisons see one zero.
 *
 * @internal
 */
export function scenarioRow(scenario: string, key: RowKey, value: number): ScenarioRow {
  const { year, region, stage, element } = key;
  const variable = variableOf(key);
  const unit = key.variable.unit;
  const v = value + 0;
  return stage === undefined
    ? element === undefined
      ? { scenario, year, region, variable, unit, value: v }
      : { scenario, year, region, element, variable, unit, value: v }
    : element === undefined
      ? { scenario, year, region, stage, variable, unit, value: v }
      : { scenario, year, region, stage, element, variable, unit, value: v };
}

/**
 * Where a Monte Carlo draw writes its rows' values instead of making rows: at the position of the
 * same row in `template` (the evaluation of the dataset as is, in step order), each key checked
 * against the template's. A row that does not match sets `ok` to false: the draw must then be
 * evaluated with rows.
 *
 * @internal
 */
export interface RowSink {
  readonly template: readonly ScenarioRow[];
  readonly values: Float64Array;
  /** The position the next row is written to. */
  at: number;
  /** False once a row did not match the template at its position. */
  ok: boolean;
}

function variableOf(key: RowKey): ScenarioRow['variable'] {
  return key.variable.byApplication && key.application !== undefined
    ? applicationVariable(key.variable, key.application)
    : key.variable.name;
}

/**
 * A step's rows, collected: `add(key, value)` appends the row of the scenario, or, with
 * `input.sink`, writes its value to the sink.
 *
 * @internal
 */
export function rowCollector(input: Pick<StepInput, 'scenario' | 'sink'>): RowCollector {
  const rows: ScenarioRow[] = [];
  const { sink } = input;
  const scenario = input.scenario.id;
  if (sink === undefined)
    return {
      rows,
      add: (key, value) => rows.push(scenarioRow(scenario, key, value)),
      put: (variable, region, year, stage, element, value) =>
        rows.push(scenarioRow(scenario, { variable, region, year, stage, element }, value)),
    };
  const write = (
    name: string,
    region: string,
    year: number,
    stage: Stage | undefined,
    element: string | undefined,
    value: number,
  ) => {
    const row = sink.template[sink.at];
    if (
      row !== undefined &&
      row.year === year &&
      row.variable === name &&
      row.region === region &&
      row.stage === stage &&
      row.element === element
    ) {
      sink.values[sink.at] = value + 0;
      sink.at += 1;
    } else sink.ok = false;
  };
  return {
    rows,
    add: (key, value) =>
      write(variableOf(key), key.region, key.year, key.stage, key.element, value),
    put: (variable, region, year, stage, element, value) =>
      write(variable.name, region, year, stage, element, value),
  };
}

/**
 * A step's row collector: `add(key, value)`, and `put`, the same for a variable that is not by
 * application with the key's fields given one by one (no key object: the steps' inner loops).
 *
 * @internal
 */
export interface RowCollector {
  readonly rows: ScenarioRow[];
  readonly add: (key: RowKey, value: number) => void;
  readonly put: (
    variable: ScenarioVariableEntry,
    region: string,
    year: number,
    stage: Stage | undefined,
    element: string | undefined,
    value: number,
  ) => void;
}

/** Run `work`, rethrowing a library error as the caller's, at the caller's path. @internal */
export function within<T>(fn: string, path: Path, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isRareEarthsError(error)) throw error;
    throw new RareEarthsError(
      fn,
      error.code,
      error.issues.map((issue) => ({
        path,
        message: `${issue.message} (in ${error.fn}${issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`})`,
      })),
    );
  }
}

/** The interventions of one kind, each with its index in the scenario. @internal */
export function byKind<K extends Intervention['kind']>(
  interventions: readonly Intervention[],
  kind: K,
): { intervention: Extract<Intervention, { kind: K }>; index: number }[] {
  const out: { intervention: Extract<Intervention, { kind: K }>; index: number }[] = [];
  interventions.forEach((intervention, index) => {
    if (intervention.kind === kind)
      out.push({ intervention: intervention as Extract<Intervention, { kind: K }>, index });
  });
  return out;
}

/** Whether a year lies in `from`–`to` (`to` absent: open-ended). @internal */
export function inForce(from: number, to: number | undefined, year: number): boolean {
  return year >= from && (to === undefined || year <= to);
}

/** Years as ranges: `2015–2024, 2026`. @internal */
export function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  let start = years[0] as number;
  let last = start;
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === last + 1) {
      last = year;
      continue;
    }
    parts.push(start === last ? String(start) : `${start}–${last}`);
    start = year;
    last = year;
  }
  return parts.join(', ');
}

/** Text order with `undefined` first. @internal */
export function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** A row's identity within one evaluation: variable, region, stage, element, year. @internal */
export function rowKey(row: ScenarioRow): string {
  return [row.variable, row.region, row.stage ?? '', row.element ?? '', row.year].join('\u0000');
}

/** The deterministic order of rows: variable, region, stage, element, year. @internal */
export function compareRows(a: ScenarioRow, b: ScenarioRow): number {
  return (
    compareText(a.variable, b.variable) ||
    compareText(a.region, b.region) ||
    stageRank(a.stage) - stageRank(b.stage) ||
    compareText(a.element, b.element) ||
    a.year - b.year
  );
}
