import { invalidArgument } from '../errors/index.js';

/**
 * Options for {@link approxEqual}.
 *
 * @category Numeric
 */
export interface ApproxEqualOptions {
  /** Absolute tolerance, in the unit of the values. Default 0. */
  readonly abs?: number;
  /** Relative tolerance, a fraction of the larger magnitude. Default 1e-9. */
  readonly rel?: number;
  /** Treat two NaNs as equal. Default `false`. */
  readonly nanEqual?: boolean;
}

/**
 * Whether two numbers are equal within a symmetric tolerance:
 * `|a − b| ≤ max(abs, rel · max(|a|, |b|))`.
 *
 * The rule is symmetric in `a` and `b`, as in Python's `math.isclose`, unlike numpy's
 * `isclose` (`|a − b| ≤ atol + rtol·|b|`), which depends on argument order. Equal infinities are
 * equal; NaN equals nothing unless `nanEqual` is set.
 *
 * @category Numeric
 * @param a - a number
 * @param b - another number, in the same unit
 * @param options - tolerances (defaults: `abs` 0, `rel` 1e-9)
 * @returns whether `a` and `b` agree within the tolerance
 * @throws {@link RareEarthsError} (`invalid-argument`) when `a` or `b` is not a number, or a
 *   tolerance is negative or not finite
 * @example
 * ```ts
 * import { approxEqual } from 'rare-earths';
 *
 * approxEqual(0.1 + 0.2, 0.3); // => true
 * approxEqual(1, 1.1, { rel: 0.05 }); // => false
 * approxEqual(0, 1e-12, { abs: 1e-9 }); // => true
 * ```
 */
export function approxEqual(a: number, b: number, options: ApproxEqualOptions = {}): boolean {
  if (typeof a !== 'number') invalidArgument('approxEqual', ['a'], 'a number', a);
  if (typeof b !== 'number') invalidArgument('approxEqual', ['b'], 'a number', b);
  if (typeof options !== 'object' || options === null) {
    invalidArgument('approxEqual', ['options'], 'an options object', options);
  }
  const abs = options.abs ?? 0;
  const rel = options.rel ?? 1e-9;
  if (!(Number.isFinite(abs) && abs >= 0)) {
    invalidArgument('approxEqual', ['options', 'abs'], 'a finite non-negative number', abs);
  }
  if (!(Number.isFinite(rel) && rel >= 0)) {
    invalidArgument('approxEqual', ['options', 'rel'], 'a finite non-negative number', rel);
  }
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return options.nanEqual === true && Number.isNaN(a) && Number.isNaN(b);
  }
  if (a === b) return true;
  const difference = Math.abs(a - b);
  if (!Number.isFinite(difference)) return false;
  return difference <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}
