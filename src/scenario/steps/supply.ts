// Step 3, supply and concentration: each evaluated stage's supply by country in each year (the
// reference supply plus the capacity changes, less what restrictions on every partner withhold),
// its world total, the part outside the excluded countries, and its HHI.
import { hhiBounds } from '../../concentration/index.js';
import { hhiBoundsOf, looksResidual, supplyOf } from '../../concentration/internal.js';
import type { ElementSymbol } from '../../elements/index.js';
import type { ExportRestriction, Stage } from '../../model/index.js';
import type { StageReference } from '../context.js';
import type { ScenarioAssumption } from '../types.js';
import { scenarioVariables as V } from '../variables.js';
import { type ResolvedChange, ramp } from './capacity.js';
import { withheldFraction } from './restrictions.js';
import { inForce, rowCollector, type StepInput, type StepResult } from './shared.js';

/** The result of the supply step. @internal */
export interface SupplyResult extends StepResult {
  /** For each evaluated stage, in order: its supply outside the excluded countries by year (t/yr). */
  readonly outside: readonly {
    readonly stage: StageReference;
    readonly values: readonly number[];
  }[];
}

/**
 * What a stage's supply by country in a year owes to the scenario alone: the countries (the
 * reference suppliers and those the changes add, sorted) and, for each, the capacity changes
 * ramped to the year (t/yr), to be added to its reference supply in order. A Monte Carlo draw of
 * the reference supply keeps it.
 *
 * @internal
 */
export interface SupplyYearPlan {
  readonly countries: readonly string[];
  readonly increments: readonly (readonly number[])[];
}

/** The {@link SupplyYearPlan} of a stage's suppliers `keys` under its capacity changes `own`. @internal */
export function supplyYearPlan(
  keys: Iterable<string>,
  own: readonly ResolvedChange[],
  year: number,
): SupplyYearPlan {
  const countries = [...new Set([...keys, ...own.map((c) => c.country)])].sort();
  const increments = countries.map((country) =>
    own.filter((c) => c.country === country).map((c) => c.amount * ramp(c.intervention, year)),
  );
  return { countries, increments };
}

/** A stage's supply by country in a year under a {@link SupplyYearPlan}, never below 0. Keys sorted. @internal */
export function supplyOfPlan(base: StageReference, plan: SupplyYearPlan): Record<string, number> {
  const out: Record<string, number> = {};
  plan.countries.forEach((country, i) => {
    let value = base.base.get(country) ?? 0;
    for (const increment of plan.increments[i] as readonly number[]) value += increment;
    out[country] = Math.max(0, value);
  });
  return out;
}

/**
 * A stage's supply by country in a year: the reference share × the stage's size plus the capacity
 * changes ramped to the year, never below 0. Keys sorted.
 *
 * @internal
 */
export function supplyAt(
  base: StageReference,
  own: readonly ResolvedChange[],
  year: number,
): Record<string, number> {
  return supplyOfPlan(base, supplyYearPlan(base.base.keys(), own, year));
}

/**
 * The restrictions on every partner in force at a stage in a year, by restricting country (in the
 * order the scenario first names them), each with the fraction of that country's supply they
 * withhold; `undefined` where the split needs a composition nobody gave. Scenario only.
 *
 * @internal
 */
export type WithholdPlan = readonly {
  readonly country: string;
  readonly fraction: { readonly value: number; readonly byComposition: boolean } | undefined;
}[];

/** The {@link WithholdPlan} of a stage in a year. @internal */
export function withholdPlan(
  stage: Stage,
  restrictions: readonly ExportRestriction[],
  year: number,
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
): WithholdPlan {
  const byCountry = new Map<string, ExportRestriction[]>();
  for (const r of restrictions) {
    if (r.partners !== undefined || !inForce(r.from, r.to, year)) continue;
    if (r.stages !== undefined && !r.stages.includes(stage)) continue;
    byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
  }
  return [...byCountry].map(([country, active]) => ({
    country,
    fraction: withheldFraction(undefined, active, composition),
  }));
}

/**
 * What a {@link WithholdPlan} withholds of a stage's supply, by restricting country (t/yr), taken
 * off `supply`; the stage is added to `seen.unknown` where a split needed a composition nobody
 * gave, to `seen.composed` where the composition split it.
 *
 * @internal
 */
export function withholdOfPlan(
  stage: Stage,
  supply: Record<string, number>,
  plan: WithholdPlan,
  seen: { readonly unknown: Set<Stage>; readonly composed: Set<Stage> },
): Map<string, number> {
  const withheld = new Map<string, number>();
  for (const { country, fraction } of plan) {
    const value = supply[country];
    if (value === undefined) continue;
    if (fraction === undefined) {
      seen.unknown.add(stage);
      continue;
    }
    if (fraction.value === 0) continue;
    if (fraction.byComposition) seen.composed.add(stage);
    withheld.set(country, value * fraction.value);
    supply[country] = value * (1 - fraction.value);
  }
  return withheld;
}

/**
 * What restrictions on every partner withhold of a stage's supply in a year, by restricting
 * country (t/yr), taken off `supply`; the stages whose split needed a composition nobody gave are
 * added to `unknown`, and those split by the composition to `composed`.
 *
 * @internal
 */
export function withholdSupply(
  stage: Stage,
  supply: Record<string, number>,
  restrictions: readonly ExportRestriction[],
  year: number,
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
  seen: { readonly unknown: Set<Stage>; readonly composed: Set<Stage> },
): Map<string, number> {
  return withholdOfPlan(stage, supply, withholdPlan(stage, restrictions, year, composition), seen);
}

/** The statements of how restrictions on every partner touched the stages' supply. */
function withholdingAssumptions(
  withheldAt: ReadonlySet<Stage>,
  seen: { readonly unknown: ReadonlySet<Stage>; readonly composed: ReadonlySet<Stage> },
): ScenarioAssumption[] {
  return [
    ...[...withheldAt].map((stage) => ({
      id: `withheld:${stage}`,
      kind: 'withheld-supply' as const,
      text: `${stage}: restrictions on every partner withhold their part of the restricting country's supply (${V.supplyWithheld.name}), taken out of the stage's ${V.supply.name}, totals and HHI: as if the country's own industry used none of it, an upper bound on what the rest of the world loses.`,
    })),
    ...[...seen.composed].map((stage) => ({
      id: `composition:stage:${stage}`,
      kind: 'composition' as const,
      text: `${stage}: the part of the restricting country's supply that restrictions on some elements withhold is split by options.composition (mass shares).`,
    })),
    ...[...seen.unknown].map((stage) => ({
      id: `composition-unknown:stage:${stage}`,
      kind: 'composition-unknown' as const,
      text: `${stage}: composition unknown: restrictions on some elements touch the restricting country's supply of all rare earths, and no composition by mass is given (the dataset has none), so the stage's supply is not reduced in the years they are in force; give options.composition.`,
    })),
  ];
}

/** A stage's plans in one year of the horizon. @internal */
export interface StageYearPlan {
  readonly supply: SupplyYearPlan;
  readonly withhold: WithholdPlan;
  /** Whether no supplier's code reads as a residual (which hhiBounds refuses, and is left to refuse). */
  readonly plainKeys: boolean;
}

/**
 * The HHI lower bound of a stage's supply in a year, points: {@link hhiBounds} with the residual
 * 'other' as many small producers, computed from the supply the step built (its values finite and
 * non-negative, its keys checked once in the plan); hhiBounds itself where a check would fail,
 * so that it throws as it always has.
 */
function stageHhi(supply: Readonly<Record<string, number>>, plan: StageYearPlan): number {
  const { countries } = plan.supply;
  const kept: number[] = [];
  const residual: number[] = [];
  let max = 0;
  let checked = plan.plainKeys;
  for (const country of countries) {
    const value = supply[country] as number;
    if (!(Number.isFinite(value) && value >= 0)) checked = false;
    if (value > max) max = value;
    if (country === 'other') residual.push(value);
    else kept.push(value);
  }
  if (!checked) {
    const options = countries.includes('other') ? { residual: ['other'] } : {};
    return hhiBounds(supply, { ...options, scale: 'points' }).lower;
  }
  return hhiBoundsOf(supplyOf([...countries], kept, residual, true, max), 10_000).lower;
}

/** A stage's supply in one year: by country after withholding, what was withheld, totals and HHI. */
interface StageYear {
  readonly supply: Readonly<Record<string, number>>;
  readonly withheld: ReadonlyMap<string, number>;
  readonly total: number;
  readonly out: number;
  /** The HHI lower bound, points; absent when no identified supplier has supply. */
  readonly hhi: number | undefined;
}

function stageYear(
  base: StageReference,
  plan: StageYearPlan,
  seen: { readonly unknown: Set<Stage>; readonly composed: Set<Stage> },
  excluded: readonly string[],
): StageYear {
  const supply = supplyOfPlan(base, plan.supply);
  const withheld = withholdOfPlan(base.stage, supply, plan.withhold, seen);
  let total = 0;
  let out = 0;
  let identified = false;
  for (const region of plan.supply.countries) {
    const value = supply[region] as number;
    total += value;
    if (!excluded.includes(region)) out += value;
    if (region !== 'other' && value > 0) identified = true;
  }
  return { supply, withheld, total, out, hhi: identified ? stageHhi(supply, plan) : undefined };
}

/** Whether two years' plans are the same: the same countries, increments and withheld fractions. */
function samePlan(a: StageYearPlan, b: StageYearPlan): boolean {
  const same = <T>(x: readonly T[], y: readonly T[], eq: (p: T, q: T) => boolean) =>
    x.length === y.length && x.every((v, i) => eq(v, y[i] as T));
  return (
    a.plainKeys === b.plainKeys &&
    same(a.supply.countries, b.supply.countries, (p, q) => p === q) &&
    same(a.supply.increments, b.supply.increments, (p, q) => same(p, q, Object.is)) &&
    same(
      a.withhold,
      b.withhold,
      (p, q) =>
        p.country === q.country &&
        p.fraction?.value === q.fraction?.value &&
        p.fraction?.byComposition === q.fraction?.byComposition,
    )
  );
}

/**
 * A stage's plans in each year of the horizon (a year planned as the year before shares its plan
 * object): computed, or taken from `input.memo` when a caller
 * that evaluates the same scenario again (a Monte Carlo draw) kept them for the same suppliers.
 */
function stagePlans(
  input: StepInput,
  position: number,
  base: StageReference,
  own: readonly ResolvedChange[],
  restrictions: readonly ExportRestriction[],
): readonly StageYearPlan[] {
  // Sorted: a draw may list the same suppliers in another order (its shares reorder them).
  const keys = [...base.base.keys()].sort();
  const id = `${base.stage}|${keys.join(' ')}`;
  const kept = input.memo?.supply.get(position);
  if (kept !== undefined && kept.id === id) return kept.plans;
  const { composition } = input.inputs.options;
  const plans: StageYearPlan[] = [];
  for (const year of input.years) {
    const supply = supplyYearPlan(keys, own, year);
    const plan = {
      supply,
      withhold: withholdPlan(base.stage, restrictions, year, composition),
      plainKeys: supply.countries.every((c) => c === 'other' || !looksResidual(c)),
    };
    const previous = plans[plans.length - 1];
    plans.push(previous !== undefined && samePlan(previous, plan) ? previous : plan);
  }
  input.memo?.supply.set(position, { id, plans });
  return plans;
}

/**
 * The supply step: for each evaluated stage and year, supply by country (withheld supply apart),
 * the world total, the supply outside the excluded countries and the HHI lower bound (points; only
 * identified suppliers give one: a stage left with nothing but "other" has none).
 *
 * @internal
 */
export function supplyStep(
  input: StepInput,
  changes: readonly ResolvedChange[],
  restrictions: readonly ExportRestriction[],
): SupplyResult {
  const { inputs, years } = input;
  const { excluded } = inputs.options;
  const { rows, put } = rowCollector(input);
  const seen = { unknown: new Set<Stage>(), composed: new Set<Stage>() };
  const withheldAt = new Set<Stage>();
  const outside = inputs.stages.map((base, position) => {
    const own = changes.filter((c) => c.stage === base.stage);
    const plans = stagePlans(input, position, base, own, restrictions);
    let last: { plan: StageYearPlan; year: StageYear } | undefined;
    const values = years.map((year, k) => {
      const stage = base.stage;
      const plan = plans[k] as StageYearPlan;
      // A year under the same plan as the year before has the same supply: computed once.
      const computed =
        last !== undefined && last.plan === plan
          ? last.year
          : stageYear(base, plan, seen, excluded);
      last = { plan, year: computed };
      for (const [region, value] of computed.withheld) {
        withheldAt.add(stage);
        put(V.supplyWithheld, region, year, stage, undefined, value);
      }
      const { countries } = plan.supply;
      for (const region of countries)
        put(V.supply, region, year, stage, undefined, computed.supply[region] as number);
      put(V.supplyTotal, 'World', year, stage, undefined, computed.total);
      put(V.supplyOutside, 'World', year, stage, undefined, computed.out);
      if (computed.hhi !== undefined) put(V.hhi, 'World', year, stage, undefined, computed.hhi);
      return computed.out;
    });
    return { stage: base, values };
  });
  return { rows, assumptions: withholdingAssumptions(withheldAt, seen), outside };
}
