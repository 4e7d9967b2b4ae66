import { invalidArgument } from '../errors/index.js';
import { checkFraction, checkNonNegative } from '../numeric/internal.js';

/**
 * The inputs of the EU supply-risk formula for one stage; see {@link supplyRisk}.
 *
 * @category Criticality
 */
export interface SupplyRiskInput {
  /**
   * The governance-weighted HHI of global supply, (HHI_WGI,t)_GS = Σ s²·WGI·t over the producing
   * countries (see {@link governanceWeightedHhi}); 0–10 scale (above 10 only with t > 1).
   */
  readonly hhiGlobal: number;
  /**
   * The same for EU sourcing (EU production plus imports), (HHI_WGI,t)_EU. Leave it out when
   * EU-sourcing data are poor or missing: supply risk then uses global supply only.
   */
  readonly hhiEu?: number;
  /**
   * Import reliance IR = net imports / (domestic production + net imports), a fraction (0–1).
   * A net exporter's negative reliance is entered as 0 (the EU then uses EU sourcing only, which
   * is what the formula gives at IR = 0).
   */
  readonly importReliance: number;
  /**
   * End-of-life recycling input rate EoL-RIR: the share of EU supply that comes from
   * post-consumer scrap, a fraction (0–1).
   */
  readonly eolRecyclingInputRate: number;
  /** The substitution index for supply risk SI_SR, 0–1 (1: no substitute). */
  readonly substitutionIndex: number;
}

/**
 * SR from its parts, after validation.
 *
 * @internal
 */
export function supplyRiskOf(
  hhiGlobal: number,
  hhiEu: number | undefined,
  importReliance: number,
  eolRecyclingInputRate: number,
  substitutionIndex: number,
): number {
  const concentration =
    hhiEu === undefined
      ? hhiGlobal
      : (hhiGlobal * importReliance) / 2 + hhiEu * (1 - importReliance / 2);
  return concentration * (1 - eolRecyclingInputRate) * substitutionIndex;
}

/**
 * Supply risk (SR) by the EU criticality method (2017 guidelines, used for the 2017, 2020 and
 * 2023 lists), for one stage (extraction or processing):
 *
 * SR = [ (HHI_WGI,t)_GS · IR/2 + (HHI_WGI,t)_EU · (1 − IR/2) ] · (1 − EoL_RIR) · SI_SR
 *
 * With `hhiEu` left out (EU-sourcing data poor or missing) it is HHI_GS · (1 − EoL_RIR) · SI_SR.
 * A material is critical when SR ≥ 1 and EI ≥ 2.8 (see {@link economicImportance} and
 * {@link criticalityAssessment}, which applies the method end to end). Rates are fractions, not
 * percent. Float64.
 *
 * Sources: European Commission (2017), Methodology for establishing the EU list of critical raw
 * materials (doi:10.2873/769526); the formula's exact form is confirmed by reproducing the EU
 * 2017 and 2023 published supply risks (notes: methods §3.2).
 *
 * @category Criticality
 * @param input - the governance-weighted HHIs, import reliance, EoL-RIR and SI_SR
 * @returns SR, dimensionless, on the scale of the scaled WGI (about 0–10)
 * @throws {@link RareEarthsError} (`invalid-argument`) when an HHI is negative, NaN or infinite, or a
 *   rate or index is outside 0–1
 * @example
 * ```ts
 * import { supplyRisk } from 'rare-earths';
 *
 * // EU 2023, dysprosium at processing: China 100 % (scaled WGI 5.676), global supply only.
 * const dysprosium = supplyRisk({
 *   hhiGlobal: 5.676,
 *   importReliance: 1,
 *   eolRecyclingInputRate: 0.01,
 *   substitutionIndex: 0.99,
 * });
 * dysprosium; // ≈ 5.563
 * // Global supply and EU sourcing combined by import reliance (80 %).
 * const combined = { hhiGlobal: 2.73, hhiEu: 1.36, importReliance: 0.8 };
 * supplyRisk({ ...combined, eolRecyclingInputRate: 0.01, substitutionIndex: 0.99 }); // ≈ 1.8700
 * ```
 */
export function supplyRisk(input: SupplyRiskInput): number {
  const fn = 'supplyRisk';
  if (typeof input !== 'object' || input === null) {
    invalidArgument(fn, ['input'], 'an object with hhiGlobal, importReliance, …', input);
  }
  const hhiGlobal = checkNonNegative(fn, ['input', 'hhiGlobal'], input.hhiGlobal);
  const hhiEu =
    input.hhiEu === undefined ? undefined : checkNonNegative(fn, ['input', 'hhiEu'], input.hhiEu);
  const ir = checkFraction(fn, ['input', 'importReliance'], input.importReliance);
  const eol = checkFraction(fn, ['input', 'eolRecyclingInputRate'], input.eolRecyclingInputRate);
  const si = checkFraction(fn, ['input', 'substitutionIndex'], input.substitutionIndex);
  return supplyRiskOf(hhiGlobal, hhiEu, ir, eol, si);
}
