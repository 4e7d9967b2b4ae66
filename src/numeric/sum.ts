import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { checkFinite } from './numeric.js';

/**
 * Sum float64 values with Neumaier's compensated summation, which carries the rounding error of
 * each addition in a second accumulator. The result is as accurate as if the sum were computed
 * in twice the precision and then rounded: `[1, 1e100, 1, -1e100]` sums to 2 where a plain loop
 * gives 0.
 *
 * Definition: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54(1), 39–51 (an improvement of Kahan's algorithm that also holds when a term is
 * larger than the running sum).
 *
 * @category Numeric
 * @param values - finite numbers, any unit (the sum has the same unit)
 * @returns the compensated sum; 0 for no values
 * @throws {@link RareEarthsError} (`invalid-argument`) when `values` is not iterable or a value
 *   is not a finite number;
 *   (`not-computable`) when the running sum overflows float64
 * @example
 * ```ts
 * import { compensatedSum } from 'rare-earths';
 *
 * compensatedSum([1, 1e100, 1, -1e100]); // => 2
 * compensatedSum([0.1, 0.2, 0.3]); // => 0.6
 * ```
 */
export function compensatedSum(values: Iterable<number>): number {
  if (typeof (values as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function') {
    invalidArgument('compensatedSum', ['values'], 'an iterable of finite numbers', values);
  }
  let sum = 0;
  let compensation = 0;
  let index = 0;
  for (const raw of values) {
    const value = checkFinite('compensatedSum', ['values', index], raw);
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
    index += 1;
  }
  const total = sum + compensation;
  // A running sum that passes ±1.8e308 becomes ±Infinity, and its compensation NaN.
  if (!Number.isFinite(total)) {
    throw new RareEarthsError('compensatedSum', 'not-computable', [
      {
        path: ['values'],
        message:
          'expected values whose running sum stays within the float64 range (about 1.8e308), got an overflow',
      },
    ]);
  }
  return total;
}

/**
 * Neumaier sum of a dense array already known to hold finite numbers. No checks: the kernels
 * call it after validating at their boundary.
 *
 * @internal
 */
export function neumaierSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
