import type { Dataset, Scenario, Source, Stage, StageOutput } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import { readEvaluationInputs } from './context.js';
import { resolveChecked } from './evaluate.js';
import { resolveCapacityChanges } from './steps/capacity.js';
import { supplyAt, withholdSupply } from './steps/supply.js';
import type { EvaluateOptions } from './types.js';

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
 * {@link evaluate} computes it (reference shares × the stage's size, plus capacity changes ramped
 * to the year, less what restrictions on every partner withhold), in t REO (a stage sized by a
 * demand: on the demand records' basis). Each row is tagged `derived` and cites a projection
 * source added to the dataset's `sources` (id `projection.<stage>.<year>`), whose
 * title names what the figures rest on: the reference table and its source, the stage's size
 * and its source, and the interventions with theirs; a projected year never cites the reference
 * table as if it had published it. Everything else is shared with the input, which is never
 * changed. The result can be read by every analysis of the library: `stageConcentration`,
 * `supplyWithout`, `stageReport` of `rare-earths/report` … for the scenario's world. Import
 * balances, demand and stockpiles are not part of a dataset and are left to {@link evaluate}.
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
  const { resolved } = resolveChecked(fn, dataset, scenario, options);
  const year = checkInteger(fn, ['options', 'year'], options.year ?? resolved.horizon.to, 1900);
  const referenceYear = checkInteger(
    fn,
    ['options', 'referenceYear'],
    options.referenceYear ?? resolved.horizon.from,
    1900,
  );
  const read = readEvaluationInputs(fn, dataset, referenceYear, options);
  const { changes } = resolveCapacityChanges(fn, read, resolved.interventions);
  const replaced = new Set(read.stages.map((s) => s.stage));
  const kept = (dataset.stageOutputs ?? []).filter(
    (row) =>
      !(
        replaced.has(row.stage) &&
        row.year === year &&
        row.measure === 'production' &&
        row.elements === undefined
      ),
  );
  const restrictions = resolved.interventions.filter((i) => i.kind === 'exportRestriction');
  const cited = new Map(dataset.sources.map((source) => [source.id, source]));
  const seen = { unknown: new Set<Stage>(), composed: new Set<Stage>() };
  const added: StageOutput[] = [];
  const projections: Source[] = [];
  for (const base of read.stages) {
    const own = changes.filter((c) => c.stage === base.stage);
    const supply = supplyAt(base, own, year);
    const withheld = withholdSupply(
      base.stage,
      supply,
      restrictions,
      year,
      read.options.composition,
      seen,
    );
    // What the projected figures rest on: the reference table, the stage's size, and each
    // intervention that changed them, each with its source.
    const size = base.size;
    const sizedBy =
      size.sizedBy === 'option'
        ? 'options.throughput'
        : size.sizedBy === 'table'
          ? `its own table (${size.sources.join(', ')})`
          : size.sizedBy === 'mining'
            ? `the world mine production of ${size.year} (${size.sources.join(', ')})`
            : `the demand of ${size.application} in ${size.year} (${size.sources.join(', ') || 'options.demand'})`;
    const acting = [
      ...own.map((c) => c.intervention),
      ...restrictions.filter((r) => withheld.has(r.country)),
    ];
    const interventions = acting.map(
      (i) => `${i.id}${i.provenance === undefined ? '' : ` (${i.provenance.source})`}`,
    );
    const restsOn = `the ${base.stage} shares of ${base.table.year} (${base.table.source.id}) × a world throughput of ${base.throughput} t/yr sized by ${sizedBy}${interventions.length === 0 ? '' : `, and the interventions ${interventions.join(', ')}`}`;
    // One projection per stage and year: applying another scenario for the year replaces it.
    const id = `projection.${base.stage}.${year}`;
    const inputs = [
      ...new Set([
        base.table.source.id,
        ...size.sources,
        ...acting.flatMap((i) => (i.provenance === undefined ? [] : [i.provenance.source])),
      ]),
    ];
    projections.push({
      id,
      title: `Projection of the ${base.stage} stage for ${year} under scenario "${resolved.name}" (${resolved.id}), resting on ${restsOn}`,
      publisher: 'rare-earths applyScenario (a model projection, not a publication)',
      year,
      note: `Sources of the inputs: ${inputs.map((s) => `${s} (${cited.get(s)?.title ?? 'not in the dataset'})`).join('; ')}.`,
    });
    const derivation = `Scenario ${JSON.stringify(resolved.id)} in ${year}: ${restsOn}${withheld.size === 0 ? '' : ', less what restrictions on every partner withhold'} (rare-earths applyScenario).`;
    for (const [country, amount] of Object.entries(supply)) {
      added.push({
        stage: base.stage,
        country,
        year,
        measure: 'production',
        // A stage sized by a demand is on the demand records' basis, not necessarily REO.
        quantity:
          size.sizedBy === 'demand'
            ? {
                amount,
                unit: 't',
                basis: 'product',
                product: `as the demand records of ${size.application}`,
              }
            : { amount, unit: 't', basis: 'REO' },
        provenance: { source: id, tag: 'derived', derivation },
      });
    }
  }
  const sources = dataset.sources.filter((s) => !projections.some((p) => p.id === s.id));
  return {
    ...dataset,
    sources: [...sources, ...projections],
    stageOutputs: [...kept, ...added],
  };
}
