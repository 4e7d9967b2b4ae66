// Export restrictions, read once for the supply and the imports steps: checked, stated, and the
// fraction of a product (of some elements) that the restrictions in force withhold.
import { type ElementSymbol, elementSymbols } from '../../elements/index.js';
import type { ExportRestriction } from '../../model/index.js';
import { checkFraction } from '../../numeric/internal.js';
import type { EvaluationInputs, ImportLine } from '../context.js';
import type { ScenarioAssumption } from '../types.js';
import { byKind, inForce, type StepInput } from './shared.js';

/**
 * The scenario's export restrictions, their cuts checked, and the statement of how they are
 * applied (when there are any).
 *
 * @internal
 */
export function readRestrictions(input: StepInput): {
  restrictions: ExportRestriction[];
  assumptions: ScenarioAssumption[];
} {
  const { fn, inputs, scenario } = input;
  const restrictions = byKind(scenario.interventions, 'exportRestriction').map(
    ({ intervention, index }) => {
      // The shape is trusted (parseScenario checks it); a cut outside 0–1 would still mislead.
      checkFraction(fn, ['scenario', 'interventions', index, 'cut'], intervention.cut);
      return intervention;
    },
  );
  if (restrictions.length === 0) return { restrictions, assumptions: [] };
  const importers =
    Object.keys(inputs.options.capacityFor).length === 0
      ? 'the importer itself (a region: its members)'
      : 'the countries of options.capacityFor (else the importer itself)';
  return {
    restrictions,
    assumptions: [
      {
        id: 'restrictions',
        kind: 'restrictions',
        text: `Export restrictions withhold cut × (the part of the line's elements restricted) of the named exporter's share of an importer's line, for lines whose stages they name; withheld imports are not re-routed from other exporters. Only capacity additions in ${importers} and stock releases offset them. A sourcing table without a stage is taken as compounds and metals (separation and metal products). A restriction on every partner also withholds the same part of the restricting country's supply at the stages it names.`,
      },
    ],
  };
}

/**
 * The fraction of a product covering `elements` (absent: all rare earths) that the active
 * restrictions withhold. Element by element, cuts on the same element compound; when every element
 * loses the same fraction the answer needs no composition, else the elements are weighted by the
 * composition's mass shares; `undefined` when that needs a composition nobody gave.
 *
 * @internal
 */
export function withheldFraction(
  elements: readonly ElementSymbol[] | undefined,
  active: readonly ExportRestriction[],
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
): { value: number; byComposition: boolean } | undefined {
  const symbols = elements ?? elementSymbols();
  const lost = symbols.map((symbol) => {
    let left = 1;
    for (const r of active)
      if (r.elements === undefined || r.elements.includes(symbol)) left *= 1 - r.cut;
    return 1 - left;
  });
  const first = lost[0] ?? 0;
  if (lost.every((value) => value === first)) return { value: first, byComposition: false };
  if (composition === undefined) return undefined;
  let total = 0;
  let withheld = 0;
  symbols.forEach((symbol, k) => {
    const weight = composition.get(symbol) ?? 0;
    total += weight;
    withheld += weight * (lost[k] as number);
  });
  return total === 0 ? undefined : { value: withheld / total, byComposition: true };
}

function partnerMatches(
  inputs: EvaluationInputs,
  restriction: ExportRestriction,
  importer: string,
): boolean {
  if (restriction.partners === undefined) return true;
  return restriction.partners.some(
    (partner) => partner === importer || (inputs.regions.get(partner) ?? []).includes(importer),
  );
}

/**
 * What restrictions withhold of a line in a year, by the scenario alone: for each exporter of the
 * line (its position in `line.shares`) that restrictions touch, the fraction of its share they
 * withhold, in the line's order; `undefined` when a split needs a composition nobody gave.
 *
 * @internal
 */
export type RestrictedSharePlan =
  | {
      readonly terms: readonly { readonly index: number; readonly fraction: number }[];
      readonly byComposition: boolean;
    }
  | undefined;

/** The {@link RestrictedSharePlan} of a line in a year. @internal */
export function restrictedSharePlan(
  inputs: EvaluationInputs,
  line: ImportLine,
  restrictions: readonly ExportRestriction[],
  year: number,
): RestrictedSharePlan {
  const terms: { index: number; fraction: number }[] = [];
  let byComposition = false;
  for (const [index, [exporter]] of line.shares.entries()) {
    const active = restrictions.filter(
      (r) =>
        r.country === exporter &&
        inForce(r.from, r.to, year) &&
        partnerMatches(inputs, r, line.importer) &&
        (r.stages === undefined || r.stages.some((s) => line.stages.includes(s))),
    );
    if (active.length === 0) continue;
    const withheld = withheldFraction(line.elements, active, inputs.options.composition);
    if (withheld === undefined) return undefined;
    byComposition ||= withheld.byComposition;
    terms.push({ index, fraction: withheld.value });
  }
  return { terms, byComposition };
}

/**
 * The share of a line's imports that a {@link RestrictedSharePlan} withholds (fraction of
 * imports): Σ exporter share × withheld fraction, in the line's order.
 *
 * @internal
 */
export function restrictedShareOfPlan(
  line: ImportLine,
  plan: RestrictedSharePlan,
): { value: number; byComposition: boolean } | undefined {
  if (plan === undefined) return undefined;
  let share = 0;
  for (const { index, fraction } of plan.terms)
    share += (line.shares[index] as readonly [string, number])[1] * fraction;
  return { value: share, byComposition: plan.byComposition };
}
