import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { neumaierSum } from '../numeric/internal.js';
import { readOptions, readSupply } from './input.js';
import type { ResidualOptions, SupplyValues } from './types.js';

/**
 * How far published shares may sum above 1: percentages rounded to one decimal or to whole
 * numbers often add up to a little over 100 % (EU 2023 lists LREE processing sourcing at 101.1 %).
 *
 * @internal
 */
export const SHARE_SUM_TOLERANCE = 0.02;

/**
 * Options for {@link governanceWeightedHhi}.
 *
 * @category Concentration
 */
export interface GovernanceHhiOptions extends ResidualOptions {
  /**
   * `true` (default): the values are quantities or shares and are normalised, like every other
   * index. `false`: the values are shares (fractions, 0–1) used exactly as given, as the EU
   * method squares published shares; they must then each be at most 1 and sum to at most 1.02.
   */
  readonly normalize?: boolean;
}

/** One supplier's number from a governance or trade-factor input of the same shape as values. */
function lookup(weights: unknown, key: string | number): unknown {
  return Object.hasOwn(weights as object, key)
    ? (weights as Record<string | number, unknown>)[key]
    : undefined;
}

function checkShape(fn: string, name: string, weights: unknown, isRecord: boolean): void {
  const ok = isRecord
    ? typeof weights === 'object' && weights !== null && !Array.isArray(weights)
    : Array.isArray(weights);
  if (!ok) {
    invalidArgument(
      fn,
      [name],
      isRecord ? 'a record keyed like the shares' : 'an array as long as the shares',
      weights,
    );
  }
}

/**
 * The governance-weighted HHI of the EU criticality method: Σ sᵢ² · WGIᵢ · tᵢ, each supplier's
 * squared share weighted by its scaled governance (see {@link scaledGovernance}) and its trade
 * factor t.
 *
 * WGI here is the World Bank Worldwide Governance Indicators scaled to 0–10, higher meaning
 * worse governance; t is the EU's trade-related variable (1 by default; 0.8 for EU Member States,
 * 1.1–1.5 for export restrictions in EU 2023 Appendix 7). The result is on the 0–10 scale of the
 * WGI (above 10 only with t > 1). Supplier countries with a zero share need no governance value.
 *
 * By default the values are normalised like every other index. With `normalize: false` they
 * are shares used as given, which is what the EU method does with its published shares (they
 * may sum to a little over or under 1 through rounding or omitted small suppliers).
 *
 * Definition: European Commission (2017), Methodology for establishing the EU list of critical
 * raw materials, supply risk (HHI_WGI,t); reproduced from EU 2017 and 2023 published results.
 * Float64 with Neumaier summation.
 *
 * @category Concentration
 * @param values - quantities or shares by supplier, as an array or a record keyed by country
 * @param governance - scaled WGI (0–10) per supplier, in the same shape (record keys or array
 *   positions matching `values`)
 * @param tradeFactor - t per supplier in the same shape; a supplier left out has t = 1
 * @param options - `normalize` (default `true`) and residual handling (a residual has no
 *   governance value, so it cannot count as one supplier here)
 * @returns Σ s²·WGI·t, on the 0–10 scale of the scaled WGI
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, shares above 1 (or summing above 1.02) when `normalize` is `false`, a
 *   supplier with a positive share but no governance value, a governance value outside 0–10, or a
 *   trade factor that is not a positive finite number
 * @example
 * ```ts
 * import { governanceWeightedHhi } from 'rare-earths';
 *
 * // EU 2023, heavy rare earths at processing: China 100 %, scaled WGI 5.676, t = 1.
 * governanceWeightedHhi({ CHN: 1 }, { CHN: 5.676 }); // => 5.676
 * // Published shares used as given, with an export-restriction trade factor of 1.1 on China.
 * const separation = { CHN: 0.849, MYS: 0.105 };
 * const wgi = { CHN: 5.676, MYS: 4.262 };
 * governanceWeightedHhi(separation, wgi, { CHN: 1.1 }, { normalize: false }); // ≈ 4.5474
 * ```
 */
export function governanceWeightedHhi(
  values: SupplyValues,
  governance: SupplyValues,
  tradeFactor?: SupplyValues,
  options?: GovernanceHhiOptions,
): number {
  const fn = 'governanceWeightedHhi';
  const opts = readOptions(fn, options);
  if (opts.residualAs === 'one-supplier') {
    invalidArgument(
      fn,
      ['options', 'residualAs'],
      "'excluded' (a residual has no governance value)",
      opts.residualAs,
    );
  }
  const normalize = opts.normalize;
  if (normalize !== undefined && typeof normalize !== 'boolean') {
    invalidArgument(fn, ['options', 'normalize'], 'true or false', normalize);
  }
  const supply = readSupply(fn, values, options);
  checkShape(fn, 'governance', governance, supply.isRecord);
  if (tradeFactor !== undefined) checkShape(fn, 'tradeFactor', tradeFactor, supply.isRecord);
  if (normalize === false) {
    supply.values.forEach((value, i) => {
      if (value > 1) {
        invalidArgument(
          fn,
          ['values', supply.keys[i] as string | number],
          'a share between 0 and 1 (fractions, not percent)',
          value / supply.scale,
        );
      }
    });
    if (supply.total > 1 + SHARE_SUM_TOLERANCE) {
      throw new RareEarthsError(fn, 'invalid-argument', [
        {
          path: ['values'],
          message: `expected shares summing to at most ${1 + SHARE_SUM_TOLERANCE}, got ${supply.total}`,
        },
      ]);
    }
  }
  const terms: number[] = [];
  supply.values.forEach((value, i) => {
    const key = supply.keys[i] as string | number;
    const wgi = lookup(governance, key);
    const t = tradeFactor === undefined ? undefined : lookup(tradeFactor, key);
    if (t !== undefined && (!Number.isFinite(t) || (t as number) <= 0)) {
      invalidArgument(fn, ['tradeFactor', key], 'a positive finite number', t);
    }
    if (value === 0 && wgi === undefined) return;
    if (typeof wgi !== 'number' || !(wgi >= 0 && wgi <= 10)) {
      invalidArgument(fn, ['governance', key], 'a scaled WGI between 0 and 10', wgi);
    }
    const share = normalize === false ? value : value / supply.total;
    terms.push(share * share * (wgi as number) * ((t as number | undefined) ?? 1));
  });
  return neumaierSum(terms);
}
