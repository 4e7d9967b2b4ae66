import type { Scenario } from '../model/scenario-types.js';
import type { Dataset, StageOutput } from '../model/types.js';
import { checkInteger } from '../numeric/numeric.js';
import { prepare } from './context.js';
import { capacityChanges, check, supplyAt } from './evaluate.js';
import type { EvaluateOptions, ScenarioAssumption } from './types.js';

/**
 * Options of {@link applyScenario}.
 *
 * @category Scenario
 */
export interface ApplyOptions extends EvaluateOptions {
  /** The year whose stage production the scenario replaces; default the last year of its horizon. */
  readonly year?: number;
}

/**
 * The dataset as a scenario has it in one year: a new dataset whose production tables of that year
 * (for every stage the evaluation covers) are replaced by the scenario's supply by country, as
 * {@link evaluate} computes it (reference shares × throughput, plus capacity changes ramped to the
 * year), in t REO, each row tagged `derived` with its derivation. Everything else is shared with
 * the input, which is never changed. The result can be read by every analysis of the library:
 * `stageConcentration`, `supplyWithout`, `stageReport` of `rare-earths/report` … for the
 * scenario's world. Export restrictions, demand and stockpiles are not part of a dataset and are
 * left to {@link evaluate}.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param scenario - the scenario; one with a `parent` needs `options.scenarios`
 * @param options - `year` (default the horizon's last), and the evaluation's options
 * @returns a new dataset; the inputs are not changed
 * @throws {@link RareEarthsError} as {@link evaluate} does
 * @example
 * ```ts
 * import { applyScenario, stageShares } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const world = applyScenario(baseline, {
 *   id: 'more-us', name: 'US mining doubles', horizon: { from: 2025, to: 2030 },
 *   interventions: [
 *     { kind: 'capacityChange', id: 'us', country: 'USA', stage: 'mining',
 *       change: { amount: 51000, unit: 't', basis: 'REO' }, ramp: { from: 2025, to: 2030 } },
 *   ],
 * });
 * stageShares(baseline, { stage: 'mining', year: 2025 }).USA; // ≈ 0.131
 * stageShares(world, { stage: 'mining', year: 2030 }).USA; // ≈ 0.2317
 * ```
 */
export function applyScenario(
  dataset: Dataset,
  scenario: Scenario,
  options: ApplyOptions = {},
): Dataset {
  const fn = 'applyScenario';
  const { resolved } = check(fn, dataset, scenario, options);
  const year = checkInteger(fn, ['options', 'year'], options.year ?? resolved.horizon.to, 1900);
  const referenceYear = checkInteger(
    fn,
    ['options', 'referenceYear'],
    options.referenceYear ?? resolved.horizon.from,
    1900,
  );
  const prepared = prepare(fn, dataset, referenceYear, options);
  const notes: ScenarioAssumption[] = [];
  const changes = capacityChanges(fn, prepared, resolved.interventions, notes);
  const replaced = new Set(prepared.stages.map((s) => s.stage));
  const kept = (dataset.stageOutputs ?? []).filter(
    (row) =>
      !(
        replaced.has(row.stage) &&
        row.year === year &&
        row.measure === 'production' &&
        row.elements === undefined
      ),
  );
  const added: StageOutput[] = [];
  for (const base of prepared.stages) {
    const own = changes.filter((c) => c.stage === base.stage);
    const supply = supplyAt(base, own, year);
    const ids = own.map((c) => c.intervention.id);
    const derivation = `Scenario ${JSON.stringify(resolved.id)} in ${year}: the ${base.stage} shares of ${base.table.year} (${base.table.source.id}) × a world throughput of ${base.throughput} t/yr${ids.length === 0 ? '' : `, plus capacity changes ${ids.join(', ')}`} (rare-earths applyScenario).`;
    for (const [country, amount] of Object.entries(supply)) {
      added.push({
        stage: base.stage,
        country,
        year,
        measure: 'production',
        quantity: { amount, unit: 't', basis: 'REO' },
        provenance: { source: base.table.source.id, tag: 'derived', derivation },
      });
    }
  }
  return { ...dataset, stageOutputs: [...kept, ...added] };
}
