import { SHARE_SUM_TOLERANCE } from '../concentration/internal.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { checkFraction, checkNonNegative, neumaierSum } from '../numeric/internal.js';
import { type EndUse, type EndUseTerm, economicImportanceParts } from './economic-importance.js';
import { supplyRiskOf } from './supply-risk.js';

/**
 * A stage of the EU assessment: `'extraction'` (mining) or `'processing'` (refining,
 * separation).
 *
 * @category Criticality
 */
export type CriticalityStage = 'extraction' | 'processing';

/**
 * Whether a supply mix's data are good enough to use; see the data-scope rule in
 * {@link criticalityAssessment}.
 *
 * @category Criticality
 */
export type DataQuality = 'good' | 'poor';

/**
 * One supply mix of a stage (global supply, or EU sourcing) as published: shares by supplier
 * country.
 *
 * @category Criticality
 */
export interface SupplyMixInput {
  /**
   * Shares by country, keyed by ISO 3166-1 alpha-3 code (`'CHN'`, `'MYS'`), as fractions (0–1)
   * exactly as published. They are **not** renormalised: the EU method squares the published
   * shares, which may sum to a little over 1 (rounding) or under it (small suppliers omitted). The
   * sum may not exceed 1.02.
   */
  readonly shares: Readonly<Record<string, number>>;
  /**
   * Keys of `shares` that hold a residual of many producers (e.g. `'other'`). They are excluded
   * from the HHI, which then treats the residual as many tiny producers: a lower bound, noted in
   * the result.
   */
  readonly residual?: readonly string[];
  /** Trade factor t per country for this mix; overrides the assessment's `tradeFactor`. */
  readonly tradeFactor?: Readonly<Record<string, number>>;
  /** Data quality of this mix (default `'good'`); `'poor'` drops it where the rule allows. */
  readonly quality?: DataQuality;
}

/**
 * One stage's supply data: the global-supply and EU-sourcing mixes and the import reliance.
 *
 * @category Criticality
 */
export interface StageInput {
  /** Global supply (GS): world production shares at this stage. */
  readonly globalSupply?: SupplyMixInput;
  /** EU sourcing (EUS): EU production plus imports into the EU, by origin. */
  readonly euSourcing?: SupplyMixInput;
  /**
   * Import reliance at this stage, a fraction (0–1): net imports / (domestic production + net
   * imports). Enter a net exporter's negative reliance as 0.
   */
  readonly importReliance: number;
}

/**
 * Everything the EU method needs for one material, as plain JSON: supply mixes per stage,
 * governance and trade factors per country, recycling, substitution and end uses.
 *
 * @category Criticality
 */
export interface CriticalityInput {
  /** What is assessed, e.g. `'Dy'` or `'dysprosium'` (a label). */
  readonly material: string;
  /** Supply data per stage; at least one stage. */
  readonly stages: {
    /** Extraction (mining). */
    readonly extraction?: StageInput;
    /** Processing (refining, separation). */
    readonly processing?: StageInput;
  };
  /**
   * Scaled WGI (0–10, higher is worse; see {@link scaledGovernance}) per country, keyed by ISO
   * alpha-3 code. Every country with a positive share in a mix needs one.
   */
  readonly governance: Readonly<Record<string, number>>;
  /**
   * Trade factor t per country (default 1 for a country left out): 0.8 for EU Member States,
   * above 1 for export restrictions, as in EU 2023 Appendix 7.
   */
  readonly tradeFactor?: Readonly<Record<string, number>>;
  /** End-of-life recycling input rate EoL-RIR, a fraction (0–1), applied to both stages. */
  readonly eolRecyclingInputRate: number;
  /** The substitution indices, each 0–1 (1: no substitute). */
  readonly substitution: {
    /** SI_SR, for supply risk. */
    readonly supplyRisk: number;
    /** SI_EI, for economic importance. */
    readonly economicImportance: number;
  };
  /** End uses with their shares and sector value added (see {@link EndUse}). */
  readonly uses: readonly EndUse[];
  /** The largest manufacturing sector's value added, in the unit of the uses' `valueAdded`. */
  readonly maxValueAdded: number;
  /** Criticality thresholds; default SR 1 and EI 2.8 (EU 2017, kept in 2020 and 2023). */
  readonly thresholds?: {
    /** The supply-risk threshold; default 1. */
    readonly supplyRisk?: number;
    /** The economic-importance threshold; default 2.8. */
    readonly economicImportance?: number;
  };
}

/**
 * One country's term in a governance-weighted HHI.
 *
 * @category Criticality
 */
export interface SupplyMixTerm {
  /** The share as given, a fraction. */
  readonly share: number;
  /** The scaled WGI used (0–10). */
  readonly governance: number;
  /** The trade factor t used. */
  readonly tradeFactor: number;
  /** share² · governance · t. */
  readonly contribution: number;
}

/**
 * A supply mix as assessed: its governance-weighted HHI and every country's term.
 *
 * @category Criticality
 */
export interface SupplyMixResult {
  /** HHI_WGI,t = Σ share²·WGI·t, the sum of the terms' contributions. */
  readonly hhi: number;
  /** The sum of the shares as given (1.001 from rounding, 0.97 when small suppliers are omitted). */
  readonly shareSum: number;
  /** The residual keys excluded from the HHI, with their combined share. */
  readonly residualShare: number;
  /** The data quality the mix was given with. */
  readonly quality: DataQuality;
  /** Each country's term, keyed by country code. */
  readonly terms: Readonly<Record<string, SupplyMixTerm>>;
}

/**
 * Which supply mixes a stage's SR used, by the data-scope rule.
 *
 * @category Criticality
 */
export type SupplyDataScope = 'global-and-eu' | 'global-only' | 'eu-only';

/**
 * A stage's supply risk with the figures it came from.
 *
 * @category Criticality
 */
export interface StageSupplyRisk {
  /** The stage. */
  readonly stage: CriticalityStage;
  /** SR at this stage. */
  readonly supplyRisk: number;
  /** Which mixes were used. */
  readonly scope: SupplyDataScope;
  /** Why, in words (the data-scope rule that applied). */
  readonly scopeReason: string;
  /** The import reliance used, a fraction. */
  readonly importReliance: number;
  /**
   * The bracket of the formula before recycling and substitution:
   * HHI_GS·IR/2 + HHI_EU·(1 − IR/2), or the one HHI used.
   */
  readonly weightedHhi: number;
  /** The global-supply mix, when given. */
  readonly globalSupply?: SupplyMixResult;
  /** The EU-sourcing mix, when given. */
  readonly euSourcing?: SupplyMixResult;
}

/**
 * The result of {@link criticalityAssessment}: the verdict, the figures behind it, and the input.
 *
 * @category Criticality
 */
export interface CriticalityAssessment {
  /** The material, as given. */
  readonly material: string;
  /** SR at the bottleneck stage. */
  readonly supplyRisk: number;
  /** EI. */
  readonly economicImportance: number;
  /** Critical: SR and EI both at or above their thresholds. */
  readonly critical: boolean;
  /** Which threshold each score meets. */
  readonly meets: {
    /** SR ≥ the SR threshold. */
    readonly supplyRisk: boolean;
    /** EI ≥ the EI threshold. */
    readonly economicImportance: boolean;
  };
  /** The thresholds applied. */
  readonly thresholds: {
    /** The SR threshold. */
    readonly supplyRisk: number;
    /** The EI threshold. */
    readonly economicImportance: number;
  };
  /** The stage whose SR is used: the higher one (ties go to extraction). */
  readonly bottleneck: CriticalityStage;
  /** SR per stage assessed. */
  readonly stages: {
    /** Extraction, when given. */
    readonly extraction?: StageSupplyRisk;
    /** Processing, when given. */
    readonly processing?: StageSupplyRisk;
  };
  /** EI's parts: each use's A_s·Q_s, their sum, the denominator and SI_EI. */
  readonly economicImportanceTerms: {
    /** Each end use with its contribution. */
    readonly uses: readonly EndUseTerm[];
    /** Σ A_s·Q_s. */
    readonly sum: number;
    /** The denominator max Q. */
    readonly maxValueAdded: number;
    /** SI_EI. */
    readonly substitutionIndex: number;
  };
  /** What a reader should know: data-scope choices, residuals, share sums, the bottleneck. */
  readonly notes: readonly string[];
  /** The input, copied. */
  readonly input: CriticalityInput;
}

const FN = 'criticalityAssessment';
const COUNTRY = /^[A-Z]{3}$/;
const STAGES: readonly CriticalityStage[] = ['extraction', 'processing'];

type Path = readonly (string | number)[];

function checkObject(path: Path, value: unknown, what: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalidArgument(FN, path, what, value);
  }
  return value as Readonly<Record<string, unknown>>;
}

function checkCountryRecord(
  path: Path,
  value: unknown,
  check: (path: Path, value: unknown) => number,
  except: ReadonlySet<string> = new Set(),
): Record<string, number> {
  const record = checkObject(path, value, 'a record keyed by ISO 3166-1 alpha-3 country code');
  const out: Record<string, number> = {};
  for (const [key, raw] of Object.entries(record)) {
    if (!except.has(key) && !COUNTRY.test(key)) {
      invalidArgument(FN, [...path, key], "an ISO 3166-1 alpha-3 country code such as 'CHN'", key);
    }
    out[key] = check([...path, key], raw);
  }
  return out;
}

function positiveFinite(path: Path, value: unknown): number {
  if (Number.isFinite(value) && (value as number) > 0) return value as number;
  return invalidArgument(FN, path, 'a positive finite number', value);
}

function governanceValue(path: Path, value: unknown): number {
  if (typeof value === 'number' && value >= 0 && value <= 10) return value;
  return invalidArgument(FN, path, 'a scaled WGI between 0 and 10', value);
}

function qualityOf(path: Path, value: unknown): DataQuality {
  if (value === undefined || value === 'good' || value === 'poor') return value ?? 'good';
  return invalidArgument(FN, path, "'good' or 'poor'", value);
}

function assessMix(
  path: Path,
  raw: unknown,
  governance: Readonly<Record<string, number>>,
  tradeFactor: Readonly<Record<string, number>>,
): SupplyMixResult {
  const mix = checkObject(path, raw, 'a supply mix { shares, … }');
  let residual: ReadonlySet<string> = new Set();
  if (mix.residual !== undefined) {
    if (!Array.isArray(mix.residual) || mix.residual.some((key) => typeof key !== 'string')) {
      invalidArgument(FN, [...path, 'residual'], 'an array of keys of shares', mix.residual);
    }
    residual = new Set(mix.residual as string[]);
  }
  const shares = checkCountryRecord(
    [...path, 'shares'],
    mix.shares,
    (at, value) => checkFraction(FN, at, value),
    residual,
  );
  const own =
    mix.tradeFactor === undefined
      ? {}
      : checkCountryRecord([...path, 'tradeFactor'], mix.tradeFactor, positiveFinite);
  const quality = qualityOf([...path, 'quality'], mix.quality);
  const shareSum = neumaierSum(Object.values(shares));
  if (shareSum > 1 + SHARE_SUM_TOLERANCE) {
    throw new RareEarthsError(FN, 'invalid-argument', [
      {
        path: [...path, 'shares'],
        message: `expected shares summing to at most ${1 + SHARE_SUM_TOLERANCE}, got ${shareSum}`,
      },
    ]);
  }
  const terms: Record<string, SupplyMixTerm> = {};
  const residualShares: number[] = [];
  for (const [country, share] of Object.entries(shares)) {
    if (residual.has(country)) {
      residualShares.push(share);
      continue;
    }
    const wgi = governance[country];
    if (wgi === undefined) {
      if (share === 0) continue;
      invalidArgument(FN, ['input', 'governance', country], 'a scaled WGI between 0 and 10', wgi);
    }
    const t = own[country] ?? tradeFactor[country] ?? 1;
    terms[country] = {
      share,
      governance: wgi as number,
      tradeFactor: t,
      contribution: share * share * (wgi as number) * t,
    };
  }
  const contributions = Object.values(terms).map((term) => term.contribution);
  if (!Object.values(terms).some((term) => term.share > 0)) {
    throw new RareEarthsError(FN, 'invalid-argument', [
      {
        path: [...path, 'shares'],
        message: 'expected at least one country with a positive share, got none',
      },
    ]);
  }
  return {
    hhi: neumaierSum(contributions),
    shareSum,
    residualShare: neumaierSum(residualShares),
    quality,
    terms,
  };
}

function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

function assessStage(
  stage: CriticalityStage,
  raw: unknown,
  governance: Readonly<Record<string, number>>,
  tradeFactor: Readonly<Record<string, number>>,
  eol: number,
  si: number,
  notes: string[],
): StageSupplyRisk {
  const path = ['input', 'stages', stage];
  const data = checkObject(path, raw, 'a stage { globalSupply, euSourcing, importReliance }');
  const importReliance = checkFraction(FN, [...path, 'importReliance'], data.importReliance);
  const gs =
    data.globalSupply === undefined
      ? undefined
      : assessMix([...path, 'globalSupply'], data.globalSupply, governance, tradeFactor);
  const eu =
    data.euSourcing === undefined
      ? undefined
      : assessMix([...path, 'euSourcing'], data.euSourcing, governance, tradeFactor);
  if (gs === undefined && eu === undefined) {
    invalidArgument(FN, path, 'a globalSupply or euSourcing mix', raw);
  }
  for (const [name, mix] of [
    ['global supply', gs],
    ['EU sourcing', eu],
  ] as const) {
    if (mix === undefined) continue;
    if (Math.abs(mix.shareSum - 1) > 1e-9) {
      notes.push(
        `${stage}: ${name} shares sum to ${percent(mix.shareSum)} (used as given, not renormalised).`,
      );
    }
    if (mix.residualShare > 0) {
      notes.push(
        `${stage}: the ${name} residual (${percent(mix.residualShare)}) counts as many small producers, so its HHI is a lower bound.`,
      );
    }
  }
  const gsGood = gs !== undefined && gs.quality === 'good';
  const euGood = eu !== undefined && eu.quality === 'good';
  let scope: SupplyDataScope;
  let scopeReason: string;
  if (importReliance === 0 && euGood) {
    scope = 'eu-only';
    scopeReason = 'import reliance is zero: EU sourcing only (EU 2017 §3.4.4)';
  } else if (gsGood && euGood) {
    scope = 'global-and-eu';
    scopeReason = 'global supply and EU sourcing both of good quality: the full formula';
  } else if (gsGood) {
    scope = 'global-only';
    scopeReason =
      eu === undefined
        ? 'no EU-sourcing data: global supply only (EU 2017 §3.4.4)'
        : 'EU-sourcing data flagged poor: global supply only (EU 2017 §3.4.4)';
  } else if (euGood) {
    scope = 'eu-only';
    scopeReason =
      gs === undefined
        ? 'no global-supply data: EU sourcing only'
        : 'global-supply data flagged poor: EU sourcing only';
  } else if (gs !== undefined && eu !== undefined) {
    scope = 'global-and-eu';
    scopeReason = 'both mixes flagged poor: the full formula, for want of better data';
  } else if (gs !== undefined) {
    scope = 'global-only';
    scopeReason = 'global supply (flagged poor) is the only mix given';
  } else {
    scope = 'eu-only';
    scopeReason = 'EU sourcing (flagged poor) is the only mix given';
  }
  if (importReliance === 0 && !euGood) {
    notes.push(`${stage}: import reliance is zero but no good EU-sourcing data: ${scopeReason}.`);
  }
  let weightedHhi: number;
  let supplyRisk: number;
  if (scope === 'global-and-eu') {
    const g = (gs as SupplyMixResult).hhi;
    const e = (eu as SupplyMixResult).hhi;
    weightedHhi = (g * importReliance) / 2 + e * (1 - importReliance / 2);
    supplyRisk = supplyRiskOf(g, e, importReliance, eol, si);
  } else {
    weightedHhi = (scope === 'global-only' ? (gs as SupplyMixResult) : (eu as SupplyMixResult)).hhi;
    supplyRisk = supplyRiskOf(weightedHhi, undefined, importReliance, eol, si);
  }
  const result: StageSupplyRisk = {
    stage,
    supplyRisk,
    scope,
    scopeReason,
    importReliance,
    weightedHhi,
  };
  if (gs !== undefined) Object.assign(result, { globalSupply: gs });
  if (eu !== undefined) Object.assign(result, { euSourcing: eu });
  return result;
}

/**
 * The EU criticality assessment of one material, end to end (2017 guidelines, used for the 2017,
 * 2020 and 2023 lists), from a plain input that reads naturally as JSON.
 *
 * Supply risk:
 * 1. For each stage given (extraction, processing), each supply mix's governance-weighted HHI,
 *    Σ share²·WGI·t over the countries, with the trade factor t per country (default 1). Shares
 *    are used as given, not renormalised.
 * 2. The data-scope rule (EU 2017 §3.4.4) picks the mixes: global supply and EU sourcing combined
 *    by import reliance, [HHI_GS·IR/2 + HHI_EU·(1 − IR/2)], when both are good; global supply
 *    only when EU sourcing is missing or flagged `'poor'`; EU sourcing only when import reliance
 *    is zero (or global supply is missing or poor).
 * 3. SR = that bracket · (1 − EoL_RIR) · SI_SR, per stage; see {@link supplyRisk}.
 * 4. The bottleneck is the stage with the higher SR (ties go to extraction); its SR is the
 *    material's SR.
 *
 * Economic importance: EI = Σ A_s·Q_s / max Q · 10 · SI_EI; see {@link economicImportance}.
 *
 * Verdict: critical when SR ≥ 1 and EI ≥ 2.8 (EU 2017; kept for 2020 and 2023), compared on the
 * unrounded scores (the EU publishes them to one decimal).
 *
 * The result carries every intermediate figure and a copy of the input, so a reader can follow
 * how the verdict was reached. Float64 with Neumaier summation.
 *
 * @category Criticality
 * @param input - the material's supply mixes per stage, governance and trade factors per country,
 *   EoL-RIR, substitution indices and end uses; see {@link CriticalityInput}
 * @returns the scores, the verdict, the bottleneck stage, per-stage and per-country terms, notes
 *   and the input
 * @throws {@link RareEarthsError} (`invalid-argument`) for a missing or malformed field, with its
 *   path: no stage, a stage with no mix, a share or rate outside 0–1, shares summing above 1.02, a
 *   key that is not an ISO alpha-3 code, a country with a positive share but no governance value,
 *   a governance value outside 0–10, a trade factor that is not positive, or a bad end use
 * @example
 * ```ts
 * import { criticalityAssessment } from 'rare-earths';
 *
 * // EU 2023, terbium (inputs from EU 2023 Appendices 6 and 7; EoL-RIR 6 % as in EU 2017).
 * const terbium = criticalityAssessment({
 *   material: 'Tb',
 *   stages: {
 *     processing: { globalSupply: { shares: { CHN: 1 } }, importReliance: 1 },
 *   },
 *   governance: { CHN: 5.676 },
 *   eolRecyclingInputRate: 0.06,
 *   substitution: { supplyRisk: 0.92, economicImportance: 0.84 },
 *   uses: [
 *     { application: 'Magnets', sector: 'C25', share: 0.9, valueAdded: 163_568 },
 *     { application: 'Lighting', sector: 'C27', share: 0.1, valueAdded: 89_422 },
 *   ],
 *   maxValueAdded: 204_200,
 * });
 * terbium.supplyRisk; // ≈ 4.909
 * terbium.economicImportance; // ≈ 6.424
 * terbium.critical; // => true
 * terbium.stages.processing?.scope; // => 'global-only'
 * ```
 */
export function criticalityAssessment(input: CriticalityInput): CriticalityAssessment {
  const data = checkObject(['input'], input, 'a criticality input object');
  if (typeof data.material !== 'string') {
    invalidArgument(FN, ['input', 'material'], 'a label such as "Dy"', data.material);
  }
  const stages = checkObject(
    ['input', 'stages'],
    data.stages,
    'an object with extraction and/or processing',
  );
  for (const key of Object.keys(stages)) {
    if (!(STAGES as readonly string[]).includes(key)) {
      invalidArgument(
        FN,
        ['input', 'stages', key],
        "a stage named 'extraction' or 'processing'",
        key,
      );
    }
  }
  const governance = checkCountryRecord(['input', 'governance'], data.governance, governanceValue);
  const tradeFactor =
    data.tradeFactor === undefined
      ? {}
      : checkCountryRecord(['input', 'tradeFactor'], data.tradeFactor, positiveFinite);
  const eol = checkFraction(FN, ['input', 'eolRecyclingInputRate'], data.eolRecyclingInputRate);
  const substitution = checkObject(
    ['input', 'substitution'],
    data.substitution,
    'an object { supplyRisk, economicImportance }',
  );
  const siSr = checkFraction(FN, ['input', 'substitution', 'supplyRisk'], substitution.supplyRisk);
  const thresholdsIn =
    data.thresholds === undefined
      ? {}
      : checkObject(
          ['input', 'thresholds'],
          data.thresholds,
          'an object { supplyRisk, economicImportance }',
        );
  const thresholds = {
    supplyRisk:
      thresholdsIn.supplyRisk === undefined
        ? 1
        : checkNonNegative(FN, ['input', 'thresholds', 'supplyRisk'], thresholdsIn.supplyRisk),
    economicImportance:
      thresholdsIn.economicImportance === undefined
        ? 2.8
        : checkNonNegative(
            FN,
            ['input', 'thresholds', 'economicImportance'],
            thresholdsIn.economicImportance,
          ),
  };
  const ei = economicImportanceParts(
    FN,
    ['input'],
    data.uses,
    data.maxValueAdded,
    substitution.economicImportance as number,
    ['input', 'substitution', 'economicImportance'],
  );
  const notes: string[] = [];
  const assessed: Partial<Record<CriticalityStage, StageSupplyRisk>> = {};
  for (const stage of STAGES) {
    if (stages[stage] === undefined) continue;
    assessed[stage] = assessStage(stage, stages[stage], governance, tradeFactor, eol, siSr, notes);
  }
  const extraction = assessed.extraction;
  const processing = assessed.processing;
  if (extraction === undefined && processing === undefined) {
    invalidArgument(
      FN,
      ['input', 'stages'],
      'at least one of extraction and processing',
      data.stages,
    );
  }
  const bottleneck: CriticalityStage =
    processing !== undefined &&
    (extraction === undefined || processing.supplyRisk > extraction.supplyRisk)
      ? 'processing'
      : 'extraction';
  const supplyRisk = (assessed[bottleneck] as StageSupplyRisk).supplyRisk;
  if (extraction !== undefined && processing !== undefined) {
    notes.push(
      `bottleneck: ${bottleneck} (SR ${processing.supplyRisk.toFixed(2)} at processing, ${extraction.supplyRisk.toFixed(2)} at extraction).`,
    );
  }
  const meets = {
    supplyRisk: supplyRisk >= thresholds.supplyRisk,
    economicImportance: ei.value >= thresholds.economicImportance,
  };
  return {
    material: data.material as string,
    supplyRisk,
    economicImportance: ei.value,
    critical: meets.supplyRisk && meets.economicImportance,
    meets,
    thresholds,
    bottleneck,
    stages: assessed,
    economicImportanceTerms: {
      uses: ei.terms,
      sum: ei.sum,
      maxValueAdded: data.maxValueAdded as number,
      substitutionIndex: substitution.economicImportance as number,
    },
    notes,
    input: JSON.parse(JSON.stringify(input)) as CriticalityInput,
  };
}
