// Step 3, supply and concentration: each evaluated stage's supply by country in each year (the
// reference supply plus the capacity changes, less what restrictions on every partner withhold),
// its world total, the part outside the excluded countries, and its HHI.
import { hhiBounds } from '../../concentration/index.js';
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
  const countries = [...new Set([...base.base.keys(), ...own.map((c) => c.country)])].sort();
  const out: Record<string, number> = {};
  for (const country of countries) {
    let value = base.base.get(country) ?? 0;
    for (const c of own) if (c.country === country) value += c.amount * ramp(c.intervention, year);
    out[country] = Math.max(0, value);
  }
  return out;
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
  const withheld = new Map<string, number>();
  const byCountry = new Map<string, ExportRestriction[]>();
  for (const r of restrictions) {
    if (r.partners !== undefined || !inForce(r.from, r.to, year)) continue;
    if (r.stages !== undefined && !r.stages.includes(stage)) continue;
    byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
  }
  for (const [country, active] of byCountry) {
    const value = supply[country];
    if (value === undefined) continue;
    const fraction = withheldFraction(undefined, active, composition);
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
  const { inputs, scenario, years } = input;
  const { composition, excluded } = inputs.options;
  const { rows, add } = rowCollector(scenario.id);
  const seen = { unknown: new Set<Stage>(), composed: new Set<Stage>() };
  const withheldAt = new Set<Stage>();
  const outside = inputs.stages.map((base) => {
    const own = changes.filter((c) => c.stage === base.stage);
    const values = years.map((year) => {
      const stage = base.stage;
      const supply = supplyAt(base, own, year);
      const withheld = withholdSupply(stage, supply, restrictions, year, composition, seen);
      for (const [region, value] of withheld) {
        withheldAt.add(stage);
        add({ variable: V.supplyWithheld, region, year, stage }, value);
      }
      const countries = Object.keys(supply);
      let total = 0;
      let out = 0;
      for (const region of countries) {
        const value = supply[region] as number;
        total += value;
        if (!excluded.includes(region)) out += value;
        add({ variable: V.supply, region, year, stage }, value);
      }
      add({ variable: V.supplyTotal, region: 'World', year, stage }, total);
      add({ variable: V.supplyOutside, region: 'World', year, stage }, out);
      if (countries.some((country) => country !== 'other' && (supply[country] as number) > 0)) {
        const residual = countries.includes('other') ? { residual: ['other'] } : {};
        const bounds = hhiBounds(supply, { ...residual, scale: 'points' });
        add({ variable: V.hhi, region: 'World', year, stage }, bounds.lower);
      }
      return out;
    });
    return { stage: base, values };
  });
  return { rows, assumptions: withholdingAssumptions(withheldAt, seen), outside };
}
