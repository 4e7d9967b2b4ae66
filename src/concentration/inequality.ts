import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { neumaierSum } from '../numeric/internal.js';
import { readOptions, readSupply, type Supply, supplierCount } from './input.js';
import type { CountOptions, EntropyOptions, GiniOptions, SupplyValues } from './types.js';

/** The values an N-dependent index runs over: positive ones, or every listed one. */
function counted(supply: Supply, n: number): number[] {
  return n === supply.active ? supply.values.filter((value) => value > 0) : [...supply.values];
}

/**
 * The Gini coefficient of the suppliers' shares: 0 when all are equal, rising with inequality.
 *
 * The population Gini, ΣᵢΣⱼ |sᵢ − sⱼ| / (2N²·mean), computed from the ascending sort as
 * Σᵢ (2i − N − 1)·x₍ᵢ₎ / (N·Σx). Its maximum is (N−1)/N, one supplier holding everything; this is
 * R `ineq::Gini(corr = FALSE)`, PySAL and open-risk. With `corrected: true` it is multiplied by
 * N/(N−1), as `ineq::Gini(corr = TRUE)`, so that its maximum is 1.
 *
 * Gini measures inequality, not concentration: N equal suppliers give 0 whatever N is. Use
 * {@link hhi}, {@link concentrationRatio} or {@link effectiveSuppliers} for concentration, and
 * state which N was used when reporting a Gini (the `count` option; see {@link SupplierCount}).
 * Float64 with Neumaier summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - `count` (`'active'` default, or `'listed'`), `corrected` (default `false`) and
 *   residual handling
 * @returns the Gini coefficient, in [0, (N−1)/N] (population) or [0, 1] (corrected)
 * @throws {@link RareEarthsError} `invalid-argument` for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key or a bad option; `not-computable` for the
 *   corrected Gini of a single supplier (N/(N−1) is undefined at N = 1)
 * @example
 * ```ts
 * import { gini } from 'rare-earths';
 *
 * gini([30, 30, 20, 20]); // => 0.1
 * gini([10, 0, 0, 0], { count: 'listed' }); // => 0.75
 * gini([10, 0, 0, 0], { count: 'listed', corrected: true }); // => 1
 * gini([10, 0, 0, 0]); // => 0
 * ```
 */
export function gini(values: SupplyValues, options?: GiniOptions): number {
  const corrected = readOptions('gini', options).corrected;
  const supply = readSupply('gini', values, options);
  const n = supplierCount('gini', supply, options);
  if (corrected !== undefined && typeof corrected !== 'boolean') {
    invalidArgument('gini', ['options', 'corrected'], 'true or false', corrected);
  }
  if (corrected === true && n === 1) {
    throw new RareEarthsError('gini', 'not-computable', [
      {
        path: ['values'],
        message:
          'expected at least 2 suppliers for the corrected Gini (N/(N−1) is undefined at N = 1), got 1',
      },
    ]);
  }
  let g = 0;
  if (!(supply.equal && n === supply.active)) {
    const sorted = counted(supply, n).sort((a, b) => a - b);
    const terms = sorted.map((x, i) => (2 * (i + 1) - n - 1) * x);
    g = Math.min((n - 1) / n, Math.max(0, neumaierSum(terms) / (n * supply.total)));
  }
  return corrected === true ? Math.min(1, (g * n) / (n - 1)) : g;
}

/**
 * The Shannon entropy of the supply shares, H = −Σ sᵢ log sᵢ (with 0·log 0 = 0).
 *
 * It is 0 for a single supplier and log N for N equal suppliers, in nats by default (natural
 * logarithm, as `scipy.stats.entropy`, scikit-bio ≥ 0.6.1 and vegan). Pass `base: 2` for bits
 * (scikit-bio < 0.6.1, R `benthos`). exp(H) in nats is the Hill number of order 1, another
 * effective number of suppliers. Float64 with Neumaier summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - `base` of the logarithm (default e; any finite number above 1) and residual
 *   handling
 * @returns H in [0, log N], in units of the chosen base (nats, bits …)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key, or a base that is not a finite number
 *   above 1
 * @example
 * ```ts
 * import { shannonEntropy } from 'rare-earths';
 *
 * shannonEntropy([1, 1, 1, 1]); // ≈ 1.3863
 * shannonEntropy([1, 1, 1, 1], { base: 2 }); // => 2
 * shannonEntropy([30, 30, 20, 20]); // ≈ 1.3662
 * shannonEntropy({ CHN: 1 }); // => 0
 * ```
 */
export function shannonEntropy(values: SupplyValues, options?: EntropyOptions): number {
  const base = readOptions('shannonEntropy', options).base;
  if (base !== undefined && (!Number.isFinite(base) || (base as number) <= 1)) {
    invalidArgument('shannonEntropy', ['options', 'base'], 'a finite number above 1', base);
  }
  const supply = readSupply('shannonEntropy', values, options);
  const logBase = base === undefined ? 1 : Math.log(base as number);
  const max = Math.log(supply.active) / logBase;
  if (supply.equal) return max;
  const terms = supply.values.map((value) => {
    const share = value / supply.total;
    return share > 0 ? share * Math.log(share) : 0;
  });
  return Math.min(max, Math.max(0, -neumaierSum(terms) / logBase));
}

/**
 * The Theil index T (generalised entropy GE(1)) of the supply shares: Σ sᵢ ln(N·sᵢ) = ln N − H,
 * where H is the Shannon entropy in nats.
 *
 * It is 0 for N equal suppliers and ln N when one supplier holds everything. Like the Gini it
 * measures inequality, not concentration. N is counted by the `count` option (see
 * {@link SupplierCount}): one active supplier among N listed gives 0 with `'active'` (R
 * `ineq`, open-risk) and ln N with `'listed'` (PySAL). This is Theil T, `ineq::entropy(parameter
 * = 1)`, not Theil L (the mean log deviation, infinite when a share is 0). Float64 with Neumaier
 * summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - `count` (`'active'` default, or `'listed'`) and residual handling
 * @returns Theil T in [0, ln N], in nats
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key, or an unknown `count`
 * @example
 * ```ts
 * import { theil } from 'rare-earths';
 *
 * theil([25, 25, 25, 25]); // => 0
 * theil([30, 30, 20, 20]); // ≈ 0.02014
 * theil([10, 0, 0, 0]); // => 0
 * theil([10, 0, 0, 0], { count: 'listed' }); // ≈ 1.3863
 * ```
 */
export function theil(values: SupplyValues, options?: CountOptions): number {
  const supply = readSupply('theil', values, options);
  const n = supplierCount('theil', supply, options);
  if (supply.equal && n === supply.active) return 0;
  const terms = supply.values.map((value) => {
    const share = value / supply.total;
    return share > 0 ? share * Math.log(n * share) : 0;
  });
  return Math.min(Math.log(n), Math.max(0, neumaierSum(terms)));
}
