import { invalidArgument } from '../errors/index.js';
import type { LifetimeParameters } from '../model/index.js';
import { erfc } from './erfc.js';

/**
 * How long products stay in use: a lifetime distribution in years.
 *
 * - `fixed`: every item leaves when it reaches `mean` years (survival is 1 before, 0 from then on);
 * - `normal`: mean μ and standard deviation σ of a normal distribution, with no truncation at 0
 *   (the mass at negative ages leaves in the year of inflow, as in ODYM and flodym);
 * - `foldedNormal`: μ and σ **of the normal distribution before folding** (ODYM's and flodym's
 *   convention; the folded distribution has a larger mean). μ = 0 gives the half-normal;
 * - `logNormal`: the mean and standard deviation **of the lifetime itself** (not of its logarithm),
 *   converted by moment matching: σ_ln² = ln(1 + sd²/mean²), μ_ln = ln(mean) − σ_ln²/2. This is
 *   flodym's form since January 2025; ODYM's older formula uses mean²/sd² in place of sd²/mean², so
 *   its lognormal has standard deviation mean²/sd instead of sd (see docs/stocks.md);
 * - `weibull`: shape k and scale λ, survival exp(−(a/λ)^k) (scipy's `weibull_min`).
 *
 * All parameters are in years except the Weibull shape, which has no unit. A lifetime is plain data
 * and reads naturally as JSON: `{ "kind": "weibull", "shape": 2.5, "scale": 17 }`.
 *
 * @category Stocks
 */
export type Lifetime = LifetimeParameters;

/**
 * Where in its year an inflow arrives, which fixes the age at which the survival function is read
 * at the end of each year: `'end'` reads whole ages 0, 1, 2 … (ODYM's only convention), `'middle'`
 * reads ages ½, 1½, 2½ … (flodym's default, unbiased for a steady inflow), `'start'` reads 1, 2,
 * 3 …. Under a constant inflow of 1 per year, the steady stock is about mean + ½, mean and
 * mean − ½ years of inflow respectively.
 *
 * @category Stocks
 */
export type Timing = 'end' | 'middle' | 'start';

/** Options of {@link survival}. @category Stocks */
export interface SurvivalOptions {
  /** Where in its year the inflow arrives; default `'middle'`. */
  readonly timing?: Timing;
}

/**
 * The share of an inflow still in use at the end of each given whole year of age, under a lifetime
 * distribution: S(age + offset), where the offset is 0, ½ or 1 for timing `'end'`, `'middle'` or
 * `'start'`. Age 0 is the year of inflow itself.
 *
 * Definitions (survival functions of the distributions; scipy equivalents in brackets):
 * fixed 1 if a < mean else 0; normal ½·erfc((a − μ)/(σ√2)) (`norm.sf`); folded normal
 * ½·erfc((a − μ)/(σ√2)) + ½·erfc((a + μ)/(σ√2)) (`foldnorm.sf(a, μ/σ, scale=σ)`); lognormal
 * ½·erfc((ln a − μ_ln)/(σ_ln√2)) for a > 0 and 1 at 0 (`lognorm.sf`); Weibull exp(−(a/λ)^k)
 * (`weibull_min.sf`). Float64 throughout; the erfc used is accurate to 1e-15 relative.
 *
 * @category Stocks
 * @param lifetime - the lifetime distribution (years)
 * @param ages - whole years since the year of inflow, each finite and ≥ 0 (fractions allowed)
 * @param options - `timing`, default `'middle'`
 * @returns the surviving fraction (0–1) for each age, non-increasing in age
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown kind, a non-positive mean,
 *   standard deviation, shape or scale (a negative folded-normal mean), a negative or non-finite age,
 *   or an unknown timing
 * @example
 * ```ts
 * import { survival } from 'rare-earths';
 *
 * survival({ kind: 'fixed', mean: 2 }, [0, 1, 2, 3], { timing: 'end' }); // => [1, 1, 0, 0]
 * survival({ kind: 'normal', mean: 10, sd: 3 }, [10], { timing: 'end' }); // => [0.5]
 * survival({ kind: 'weibull', shape: 1, scale: 10 }, [0, 10], { timing: 'end' }); // ≈ [1, 0.3679]
 * survival({ kind: 'logNormal', mean: 15, sd: 5 }, [0, 14, 29]); // ≈ [1, 0.4769, 0.0124]
 * ```
 */
export function survival(
  lifetime: Lifetime,
  ages: ArrayLike<number>,
  options: SurvivalOptions = {},
): number[] {
  const fn = 'survival';
  const compiled = compileLifetime(fn, ['lifetime'], lifetime);
  const offset = timingOffset(fn, ['options', 'timing'], options.timing);
  if (!isArrayLike(ages)) invalidArgument(fn, ['ages'], 'an array of ages in years', ages);
  const out = new Array<number>(ages.length);
  for (let i = 0; i < ages.length; i++) {
    const age = ages[i];
    if (typeof age !== 'number' || !(age >= 0) || age === Number.POSITIVE_INFINITY) {
      invalidArgument(fn, ['ages', i], 'a finite non-negative age in years', age);
    }
  }
  for (let i = 0; i < ages.length; i++) out[i] = survivalAt(compiled, (ages[i] as number) + offset);
  return out;
}

/**
 * A validated lifetime reduced to the numbers its survival function needs.
 *
 * @internal
 */
export interface CompiledLifetime {
  /** 0 fixed, 1 normal, 2 folded normal, 3 lognormal, 4 Weibull. */
  readonly code: 0 | 1 | 2 | 3 | 4;
  /** fixed: mean; normal and folded: μ; lognormal: μ_ln; Weibull: 1/λ. */
  readonly a: number;
  /** normal, folded and lognormal: 1/(σ√2); Weibull: k. */
  readonly b: number;
  /** A key equal for equal distributions, to share survival curves between cohorts. */
  readonly key: string;
}

const KINDS = "'fixed', 'normal', 'foldedNormal', 'logNormal' or 'weibull'";

function positive(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
  what: string,
): number {
  if (typeof value === 'number' && value > 0 && value < Number.POSITIVE_INFINITY) return value;
  return invalidArgument(fn, path, what, value);
}

/**
 * Validate a {@link Lifetime} and reduce it to a {@link CompiledLifetime}.
 *
 * @internal
 */
export function compileLifetime(
  fn: string,
  path: readonly (string | number)[],
  lifetime: unknown,
): CompiledLifetime {
  if (typeof lifetime !== 'object' || lifetime === null || Array.isArray(lifetime)) {
    return invalidArgument(fn, path, `a lifetime { kind: ${KINDS}, … }`, lifetime);
  }
  const l = lifetime as Record<string, unknown>;
  switch (l.kind) {
    case 'fixed': {
      const mean = positive(fn, [...path, 'mean'], l.mean, 'a positive mean lifetime in years');
      return { code: 0, a: mean, b: 0, key: `f${mean}` };
    }
    case 'normal':
    case 'foldedNormal':
    case 'logNormal': {
      const folded = l.kind === 'foldedNormal';
      const mean = folded
        ? nonNegativeMean(fn, [...path, 'mean'], l.mean)
        : positive(fn, [...path, 'mean'], l.mean, 'a positive mean lifetime in years');
      const sd = positive(
        fn,
        [...path, 'sd'],
        l.sd,
        "a positive standard deviation in years (use kind 'fixed' for a lifetime without spread)",
      );
      if (l.kind === 'logNormal') {
        const sigma2 = Math.log1p((sd * sd) / (mean * mean));
        const mu = Math.log(mean) - sigma2 / 2;
        return { code: 3, a: mu, b: 1 / Math.sqrt(2 * sigma2), key: `l${mean},${sd}` };
      }
      return {
        code: folded ? 2 : 1,
        a: mean,
        b: 1 / (sd * Math.SQRT2),
        key: `${folded ? 'g' : 'n'}${mean},${sd}`,
      };
    }
    case 'weibull': {
      const shape = positive(fn, [...path, 'shape'], l.shape, 'a positive Weibull shape');
      const scale = positive(fn, [...path, 'scale'], l.scale, 'a positive Weibull scale in years');
      return { code: 4, a: 1 / scale, b: shape, key: `w${shape},${scale}` };
    }
    default:
      return invalidArgument(fn, [...path, 'kind'], KINDS, l.kind);
  }
}

function nonNegativeMean(fn: string, path: readonly (string | number)[], value: unknown): number {
  if (typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY) return value;
  return invalidArgument(fn, path, 'a non-negative mean in years', value);
}

/**
 * The survival function of a compiled lifetime at a real age (years, ≥ 0).
 *
 * @internal
 */
export function survivalAt(lifetime: CompiledLifetime, age: number): number {
  switch (lifetime.code) {
    case 0:
      return age < lifetime.a ? 1 : 0;
    case 1:
      return 0.5 * erfc((age - lifetime.a) * lifetime.b);
    case 2:
      return (
        0.5 * erfc((age - lifetime.a) * lifetime.b) + 0.5 * erfc((age + lifetime.a) * lifetime.b)
      );
    case 3:
      // At age 0 the logarithm is −∞ and erfc(−∞) = 2: survival 1, with no special case.
      return 0.5 * erfc((Math.log(age) - lifetime.a) * lifetime.b);
    default:
      return Math.exp(-((age * lifetime.a) ** lifetime.b));
  }
}

/**
 * Fill `out[k] = S(k + offset)` for k = 0 … out.length − 1.
 *
 * @internal
 */
export function fillSurvival(lifetime: CompiledLifetime, offset: number, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = survivalAt(lifetime, k + offset);
}

/**
 * The age offset of a timing convention, validating it (default `'middle'`).
 *
 * @internal
 */
export function timingOffset(
  fn: string,
  path: readonly (string | number)[],
  timing: unknown,
): number {
  if (timing === undefined || timing === 'middle') return 0.5;
  if (timing === 'end') return 0;
  if (timing === 'start') return 1;
  return invalidArgument(fn, path, "'end', 'middle' or 'start'", timing);
}

/** @internal */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}
