import { invalidArgument } from '../errors/index.js';
import { checkNonNegative } from '../numeric/internal.js';
import { readOptions } from './input.js';

/**
 * A concentration band of an HHI on the points scale.
 *
 * @category Concentration
 */
export type ConcentrationBand =
  | 'unconcentrated'
  | 'moderately concentrated'
  | 'highly concentrated';

/**
 * Which competition-law guidelines' HHI thresholds to apply:
 *
 * - `'doj-ftc-2023'` (default): US DOJ/FTC Merger Guidelines 2023, §2.1 — highly concentrated
 *   above 1 800, moderately concentrated from 1 000 to 1 800, unconcentrated below 1 000.
 * - `'hmg-2010'`: US Horizontal Merger Guidelines 2010, §5.3 — highly concentrated above 2 500,
 *   moderately concentrated from 1 500 to 2 500, unconcentrated below 1 500.
 * - `'eu-2004'`: EU Guidelines on the assessment of horizontal mergers (OJ C 31, 5.2.2004),
 *   ¶19–21 — the Commission's three HHI ranges, below 1 000, 1 000 to 2 000 and above 2 000,
 *   given the same three names here (the EU text does not name them).
 *
 * @category Concentration
 */
export type ConcentrationGuidelines = 'doj-ftc-2023' | 'hmg-2010' | 'eu-2004';

/**
 * Options for {@link concentrationBand}.
 *
 * @category Concentration
 */
export interface ConcentrationBandOptions {
  /** Which thresholds to apply; default `'doj-ftc-2023'`. */
  readonly guidelines?: ConcentrationGuidelines;
}

/**
 * The concentration band of an HHI in points, by competition-law merger guidelines.
 *
 * These thresholds are screens that competition authorities apply to markets in merger review.
 * They are borrowed here as reference bands for supply concentration, not as a legal or
 * economic finding about a supply chain. Boundaries follow the guidelines' wording: a value equal
 * to the upper threshold is still "moderately concentrated" (the 2023 guidelines call a market
 * highly concentrated when its HHI is "greater than 1,800"), and a value equal to the lower
 * threshold is moderately concentrated.
 *
 * @category Concentration
 * @param hhiPoints - an HHI on the points scale (0–10 000); see {@link hhi} with `scale: 'points'`
 * @param options - `guidelines` (default `'doj-ftc-2023'`); see {@link ConcentrationGuidelines}
 * @returns the band's name
 * @throws {@link RareEarthsError} (`invalid-argument`) when `hhiPoints` is negative, above 10 000,
 *   NaN or infinite, or the guidelines are unknown
 * @example
 * ```ts
 * import { concentrationBand, hhi } from 'rare-earths';
 *
 * concentrationBand(hhi([30, 30, 20, 20], { scale: 'points' })); // => 'highly concentrated'
 * concentrationBand(1800); // => 'moderately concentrated'
 * concentrationBand(2600, { guidelines: 'hmg-2010' }); // => 'highly concentrated'
 * concentrationBand(1900, { guidelines: 'eu-2004' }); // => 'moderately concentrated'
 * ```
 */
export function concentrationBand(
  hhiPoints: number,
  options?: ConcentrationBandOptions,
): ConcentrationBand {
  const fn = 'concentrationBand';
  const points = checkNonNegative(fn, ['hhiPoints'], hhiPoints);
  if (points > 10_000) {
    invalidArgument(fn, ['hhiPoints'], 'an HHI in points, at most 10000', points);
  }
  const guidelines = readOptions(fn, options).guidelines;
  let lower: number;
  let upper: number;
  if (guidelines === undefined || guidelines === 'doj-ftc-2023') {
    lower = 1000;
    upper = 1800;
  } else if (guidelines === 'hmg-2010') {
    lower = 1500;
    upper = 2500;
  } else if (guidelines === 'eu-2004') {
    lower = 1000;
    upper = 2000;
  } else {
    return invalidArgument(
      fn,
      ['options', 'guidelines'],
      "'doj-ftc-2023', 'hmg-2010' or 'eu-2004'",
      guidelines,
    );
  }
  if (points > upper) return 'highly concentrated';
  if (points >= lower) return 'moderately concentrated';
  return 'unconcentrated';
}
