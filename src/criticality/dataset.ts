import type { ElementSymbol } from '../elements/index.js';
import { isElementSymbol } from '../elements/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { CriticalityResult, Dataset, Stage } from '../model/index.js';
import { checkNonNegative } from '../numeric/internal.js';
import type { CriticalityInput, StageInput, SupplyMixInput } from './assessment.js';
import type { EndUse } from './economic-importance.js';

/**
 * Options for {@link criticalityInputs}.
 *
 * @category Criticality
 */
export interface CriticalityInputsOptions {
  /** The element assessed. */
  readonly element: ElementSymbol;
  /** The published assessment whose inputs are read (its `criticality` record); default `'EU CRM 2023'`. */
  readonly assessment?: string;
  /**
   * The value added of the largest manufacturing sector, in the unit of the dataset's end-use
   * value added (EUR in the baseline): the denominator that scales EI. EU 2023: C28 "Machinery
   * and equipment n.e.c.", €204,200 million (Appendix 6, as transcribed).
   */
  readonly maxValueAdded: number;
  /** Scaled WGI per country, replacing the dataset's (e.g. the vintage an assessment used). */
  readonly governance?: Readonly<Record<string, number>>;
  /** Trade factor t per country; default 1 (every rare-earth row of EU 2023 Appendix 7 has t = 1). */
  readonly tradeFactor?: Readonly<Record<string, number>>;
  /** End uses with their sectors' value added, replacing the dataset's (which lacks some elements'). */
  readonly uses?: readonly EndUse[];
}

/**
 * The EU criticality inputs for an element, read from a dataset: a {@link CriticalityInput} for
 * {@link criticalityAssessment}, and where each part came from.
 *
 * @category Criticality
 */
export interface CriticalityInputsFromDataset {
  /** The input, ready for {@link criticalityAssessment}. */
  readonly input: CriticalityInput;
  /** Where each part came from, in words. */
  readonly notes: readonly string[];
}

const STAGES: readonly [Stage, 'extraction' | 'processing'][] = [
  ['mining', 'extraction'],
  ['separation', 'processing'],
];

/**
 * Read the EU criticality method's inputs for one element from a dataset, so the method runs end
 * to end on data: the global-supply shares at extraction (mining) and processing (separation)
 * from the stage tables of the assessment's source, scoped to the element; the EU-sourcing shares
 * from the trade flows into `EU27` of that source; import reliance, EoL-RIR and the substitution
 * indices from the assessment's published record (`dataset.criticality`); the scaled WGI of every
 * supplier from `dataset.countries` (or `options.governance`); end uses and their sectors' value
 * added from `dataset.endUses`. Shares are passed as published, with `'other'` as a residual.
 *
 * The governance values are the dataset's (the baseline has the WGI 2024 update, data year
 * 2023); an assessment made with an older WGI vintage reproduces only with that vintage, which
 * `options.governance` can supply.
 *
 * @category Criticality
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `element`, `maxValueAdded`; optionally `assessment`, `governance`, `tradeFactor`
 * @returns the input and notes on where each part came from
 * @throws {@link RareEarthsError} (`not-found`) when the dataset has no published record of the
 *   assessment for the element, no supply shares for it, no end uses for it, or no governance for
 *   a supplier;
 *   (`invalid-argument`) for bad options
 * @example
 * ```ts
 * import { criticalityAssessment, criticalityInputs } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // EU 2023 scales EI by C28's value added, €204,200 million (Appendix 6)
 * const { input } = criticalityInputs(baseline, { element: 'Nd', maxValueAdded: 204_200e6 });
 * const nd = criticalityAssessment(input);
 * nd.economicImportance; // ≈ 7.17
 * nd.critical; // => true
 * ```
 */
export function criticalityInputs(
  dataset: Dataset,
  options: CriticalityInputsOptions,
): CriticalityInputsFromDataset {
  const fn = 'criticalityInputs';
  if (typeof options !== 'object' || options === null)
    return invalidArgument(
      fn,
      ['options'],
      'an options object { element, maxValueAdded }',
      options,
    );
  const { element } = options;
  if (!isElementSymbol(element))
    invalidArgument(fn, ['options', 'element'], 'a rare-earth element symbol', element);
  const maxValueAdded = checkNonNegative(fn, ['options', 'maxValueAdded'], options.maxValueAdded);
  const assessment = options.assessment ?? 'EU CRM 2023';
  const record: CriticalityResult | undefined = (dataset.criticality ?? []).find(
    (r) => r.assessment === assessment && r.material === element,
  );
  if (record === undefined) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'element'],
        message: `expected an element with a published "${assessment}" record in dataset.criticality, got ${JSON.stringify(element)}`,
      },
    ]);
  }
  const source = record.provenance.source;
  const notes: string[] = [
    `Import reliance, EoL-RIR and substitution indices: the published "${assessment}" record (${source}).`,
  ];
  const stages: { extraction?: StageInput; processing?: StageInput } = {};
  const suppliers = new Set<string>();
  for (const [stage, euStage] of STAGES) {
    const rows = (dataset.stageOutputs ?? []).filter(
      (row) =>
        row.stage === stage &&
        row.provenance.source === source &&
        row.share !== undefined &&
        row.elements?.includes(element) === true,
    );
    const flows = (dataset.tradeFlows ?? []).filter(
      (flow) =>
        flow.importer === 'EU27' &&
        flow.commodity.stage === stage &&
        flow.provenance.source === source &&
        flow.share !== undefined &&
        flow.elements?.includes(element) === true,
    );
    const importReliance =
      euStage === 'extraction' ? record.importRelianceExtraction : record.importRelianceProcessing;
    if (rows.length === 0 && flows.length === 0) continue;
    if (importReliance === undefined) {
      notes.push(
        `${euStage}: left out (the published record has no import reliance at this stage).`,
      );
      continue;
    }
    const mix = (entries: readonly { country: string; share: number }[]): SupplyMixInput => {
      const shares: Record<string, number> = {};
      for (const entry of entries) {
        shares[entry.country] = (shares[entry.country] ?? 0) + entry.share;
        if (entry.country !== 'other') suppliers.add(entry.country);
      }
      return entries.some((e) => e.country === 'other')
        ? { shares, residual: ['other'] }
        : { shares };
    };
    const input: { -readonly [K in keyof StageInput]: StageInput[K] } = { importReliance };
    if (rows.length > 0)
      input.globalSupply = mix(
        rows.map((row) => ({ country: row.country, share: row.share as number })),
      );
    if (flows.length > 0)
      input.euSourcing = mix(
        flows.map((flow) => ({ country: flow.exporter, share: flow.share as number })),
      );
    stages[euStage] = input;
    notes.push(
      `${euStage}: global supply from ${rows.length} ${stage} shares, EU sourcing from ${flows.length} shares into EU27 (${source}); import reliance ${importReliance}.`,
    );
  }
  if (stages.extraction === undefined && stages.processing === undefined) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'element'],
        message: `expected supply shares for ${element} from ${source} in dataset.stageOutputs or dataset.tradeFlows, got none`,
      },
    ]);
  }
  const governance: Record<string, number> = {};
  const byCode = new Map(dataset.countries.map((country) => [country.code, country]));
  for (const code of [...suppliers].sort()) {
    const value = options.governance?.[code] ?? byCode.get(code)?.governance?.scaled;
    if (value === undefined) {
      throw new RareEarthsError(fn, 'not-found', [
        {
          path: ['options', 'governance', code],
          message: `expected a scaled WGI for ${code} (in dataset.countries or options.governance), got none`,
        },
      ]);
    }
    governance[code] = value;
  }
  const years = [
    ...new Set(
      dataset.countries
        .filter((c) => suppliers.has(c.code) && options.governance?.[c.code] === undefined)
        .map((c) => c.governance?.year),
    ),
  ];
  if (years.length > 0)
    notes.push(`Governance: the dataset's scaled WGI (data year ${years.join(', ')}).`);
  const uses: readonly EndUse[] =
    options.uses ??
    (dataset.endUses ?? [])
      .filter((use) => use.element === element && use.sector?.valueAdded !== undefined)
      .map((use) => ({
        application: use.use,
        sector: use.sector?.code as string,
        share: use.share,
        valueAdded: Number(use.sector?.valueAdded?.amount),
      }));
  if (uses.length === 0) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'uses'],
        message: `expected end uses of ${element} with their sectors' value added (in dataset.endUses or options.uses), got none`,
      },
    ]);
  }
  notes.push(
    `Economic importance: ${uses.length} end uses ${options.uses === undefined ? 'from dataset.endUses' : 'from options.uses'}; scaled by ${maxValueAdded}.`,
  );
  const input: CriticalityInput = {
    material: element,
    stages,
    governance,
    ...(options.tradeFactor === undefined ? {} : { tradeFactor: options.tradeFactor }),
    eolRecyclingInputRate: record.eolRecyclingInputRate ?? 0,
    substitution: {
      supplyRisk: record.substitutionIndexSr ?? 1,
      economicImportance: record.substitutionIndexEi ?? 1,
    },
    uses,
    maxValueAdded,
  };
  if (record.eolRecyclingInputRate === undefined)
    notes.push('EoL-RIR: not published for this element; 0 assumed.');
  if (record.substitutionIndexSr === undefined || record.substitutionIndexEi === undefined)
    notes.push('Substitution indices: not published for this element; 1 (no substitute) assumed.');
  return { input, notes };
}
