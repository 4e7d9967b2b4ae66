import { invalidArgument } from '../errors/index.js';
import { checkFinite, neumaierSum } from '../numeric/internal.js';

/**
 * The World Bank Worldwide Governance Indicators (WGI) rescaled as the EU criticality method uses
 * them: (2.5 − mean of the six WGI estimates) × 2, which maps the estimates' −2.5 … +2.5 range to
 * 0 … 10 with **higher meaning worse** governance.
 *
 * Give either the mean of the six estimates (voice and accountability, political stability and
 * absence of violence, government effectiveness, regulatory quality, rule of law, control of
 * corruption) or the six estimates themselves. The EU 2023 assessment reproduces with the mean
 * over 2016–2020 of the WGI 2022 release: China's −0.338 gives 5.676.
 *
 * Sources: European Commission (2017), Methodology for establishing the EU list of critical raw
 * materials (the scaling, as implemented by meyerdata/CritMAT `hhi_wgi_tp.py`); consistent with
 * the EU 2023 rare-earth results (notes: methods §3.3). Float64.
 *
 * @category Criticality
 * @param wgi - the mean of the six WGI estimates (between −2.5 and 2.5), or the six estimates
 * @returns the scaled WGI, 0 (best) to 10 (worst), dimensionless
 * @throws {@link RareEarthsError} (`invalid-argument`) for a value that is not finite, an array that
 *   does not hold six finite estimates, or a mean outside −2.5 … 2.5
 * @example
 * ```ts
 * import { scaledGovernance } from 'rare-earths';
 *
 * scaledGovernance(-0.338133); // ≈ 5.6763
 * scaledGovernance(2.5); // => 0
 * scaledGovernance([-1.647, -0.329, 0.677, -0.185, -0.079, -0.047]); // ≈ 5.5367
 * ```
 */
export function scaledGovernance(wgi: number | readonly number[]): number {
  const fn = 'scaledGovernance';
  let mean: number;
  if (Array.isArray(wgi)) {
    if (wgi.length !== 6) {
      invalidArgument(fn, ['wgi'], 'the six WGI estimates (or their mean)', wgi);
    }
    const estimates = wgi.map((value, i) => checkFinite(fn, ['wgi', i], value));
    mean = neumaierSum(estimates) / 6;
  } else {
    mean = checkFinite(fn, ['wgi'], wgi);
  }
  if (mean < -2.5 || mean > 2.5) {
    invalidArgument(fn, ['wgi'], 'a mean WGI estimate between -2.5 and 2.5', mean);
  }
  return (2.5 - mean) * 2;
}
