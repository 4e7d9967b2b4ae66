// Summaries of a metric over the draws: the mean (compensated), and quantiles either exact from
// the kept values (numpy's default 'linear' rule) or streamed with the P² estimator, whose memory
// does not grow with the number of draws.
import { neumaierSum } from '../numeric/internal.js';

/**
 * The `p`-quantile of sorted values by numpy's default rule (`method='linear'`, Hyndman & Fan
 * type 7): at h = (n − 1)·p, interpolate between the values either side of h.
 *
 * @internal
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below] as number;
  if (below + 1 >= n) return lower;
  return lower + (h - below) * ((sorted[below + 1] as number) - lower);
}

/**
 * The P² estimator of one quantile (Jain & Chlamtac 1985, "The P² algorithm for dynamic
 * calculation of quantiles and histograms without storing observations", CACM 28(10)): five
 * markers whose heights follow the quantile with parabolic updates. Exact for up to five values.
 *
 * @internal
 */
export class StreamingQuantile {
  private readonly p: number;
  private readonly q: number[] = [];
  private readonly n = [0, 1, 2, 3, 4];
  private readonly desired: number[];
  private readonly step: number[];
  private count = 0;

  constructor(p: number) {
    this.p = p;
    this.desired = [0, 2 * p, 4 * p, 2 + 2 * p, 4];
    this.step = [0, p / 2, p, (1 + p) / 2, 1];
  }

  add(x: number): void {
    this.count += 1;
    if (this.count <= 5) {
      this.q.push(x);
      if (this.count === 5) this.q.sort((a, b) => a - b);
      return;
    }
    const q = this.q as [number, number, number, number, number];
    let k: number;
    if (x < q[0]) {
      q[0] = x;
      k = 0;
    } else if (x >= q[4]) {
      q[4] = x;
      k = 3;
    } else {
      k = 0;
      while (k < 3 && x >= (q[k + 1] as number)) k += 1;
    }
    for (let i = k + 1; i < 5; i++) this.n[i] = (this.n[i] as number) + 1;
    for (let i = 0; i < 5; i++)
      this.desired[i] = (this.desired[i] as number) + (this.step[i] as number);
    for (let i = 1; i <= 3; i++) {
      const ni = this.n[i] as number;
      const d = (this.desired[i] as number) - ni;
      const up = (this.n[i + 1] as number) - ni;
      const down = (this.n[i - 1] as number) - ni;
      if ((d >= 1 && up > 1) || (d <= -1 && down < -1)) {
        const s = d >= 0 ? 1 : -1;
        const candidate = this.parabolic(i, s);
        q[i] =
          (q[i - 1] as number) < candidate && candidate < (q[i + 1] as number)
            ? candidate
            : this.linear(i, s);
        this.n[i] = ni + s;
      }
    }
  }

  private parabolic(i: number, s: number): number {
    const q = this.q;
    const n = this.n;
    const qi = q[i] as number;
    const ni = n[i] as number;
    const nPrev = n[i - 1] as number;
    const nNext = n[i + 1] as number;
    return (
      qi +
      (s / (nNext - nPrev)) *
        ((ni - nPrev + s) * (((q[i + 1] as number) - qi) / (nNext - ni)) +
          (nNext - ni - s) * ((qi - (q[i - 1] as number)) / (ni - nPrev)))
    );
  }

  private linear(i: number, s: number): number {
    const qi = this.q[i] as number;
    const j = i + s;
    return (
      qi + (s * ((this.q[j] as number) - qi)) / ((this.n[j] as number) - (this.n[i] as number))
    );
  }

  value(): number {
    if (this.count <= 5) {
      const sorted = [...this.q].sort((a, b) => a - b);
      return quantileSorted(sorted, this.p);
    }
    return this.q[2] as number;
  }
}

/**
 * One quantile of a {@link Band}.
 *
 * @category Uncertainty
 */
export interface BandQuantile {
  /** The probability, a fraction in [0, 1] (0.05 for P5). */
  readonly p: number;
  /** The metric's value at that quantile, in the metric's unit. */
  readonly value: number;
}

/**
 * The band of one metric over the draws.
 *
 * @category Uncertainty
 */
export interface Band {
  /** The metric on the dataset as it is (every figure at its newest edition), in the metric's unit. */
  readonly value: number;
  /** The mean over the draws, in the metric's unit. */
  readonly mean: number;
  /** The smallest value drawn. */
  readonly min: number;
  /** The largest value drawn. */
  readonly max: number;
  /** The quantiles asked for, in ascending order of `p`. */
  readonly quantiles: readonly BandQuantile[];
  /** Every draw's value, in draw order, when `keepDraws` was asked for. */
  readonly draws?: readonly number[];
}

/** Collects one metric's draws. @internal */
export interface Accumulator {
  add(value: number): void;
  /** `add(value)` `times` times. */
  addRepeated(value: number, times: number): void;
  /** The draws kept, in draw order (exact quantiles of a metric that moved); else `undefined`. */
  kept(): Float64Array | undefined;
  band(central: number, keepDraws: boolean): Band;
}

/**
 * Rearrange `a[lo..hi]` (inclusive) so that `a[k]` holds the value it would hold sorted, the
 * values before it no larger and those after it no smaller (Hoare's selection, "Algorithm 65:
 * find", CACM 4(7), 1961, with a median-of-three pivot): the k-th order statistic in linear time
 * on average, where sorting takes n log n. Finite values only.
 *
 * @internal
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let left = lo;
  let right = hi;
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three as the pivot, so sorted or constant runs do not degrade it.
    const x = a[left] as number;
    const y = a[middle] as number;
    const z = a[right] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i += 1;
      while ((a[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] as number;
}

/**
 * The `p`-quantiles (ascending) of values by numpy's default rule, as {@link quantileSorted}
 * gives them on the sorted values, found by selection in a copy rather than by sorting: each
 * quantile needs the order statistics either side of h = (n − 1)·p, and those of a larger p lie
 * to the right of those of a smaller one.
 *
 * @internal
 */
export function quantilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  const a = Float64Array.from(values);
  const n = a.length;
  let from = 0;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const below = Math.floor(h);
    const lower = selectInPlace(a, from, n - 1, below);
    from = below;
    if (below + 1 >= n) return lower;
    // The next order statistic: the smallest value to the right of `below`.
    let upper = Number.POSITIVE_INFINITY;
    for (let i = below + 1; i < n; i++) if ((a[i] as number) < upper) upper = a[i] as number;
    return lower + (h - below) * (upper - lower);
  });
}

/**
 * Exact quantiles from the kept draws. A metric that has not moved keeps no array until it does
 * (most rows of a scenario do not depend on any drawn figure), and its band is its value.
 *
 * @internal
 */
export function exactAccumulator(ps: readonly number[], draws: number): Accumulator {
  let values: Float64Array | undefined;
  let first = 0;
  let count = 0;
  return {
    add(value) {
      if (values === undefined) {
        if (count === 0) first = value;
        else if (!Object.is(value, first)) {
          values = new Float64Array(draws);
          values.fill(first, 0, count);
          values[count] = value;
        }
      } else values[count] = value;
      count += 1;
    },
    addRepeated(value, times) {
      if (times <= 0) return;
      if (values === undefined && (count === 0 || Object.is(value, first))) {
        first = value;
        count += times;
        return;
      }
      this.add(value);
      if (values !== undefined) values.fill(value, count, count + times - 1);
      count += times - 1;
    },
    kept: () => values?.subarray(0, count),
    band(central, keepDraws) {
      if (values === undefined) {
        return {
          value: central,
          mean: first,
          min: first,
          max: first,
          quantiles: ps.map((p) => ({ p, value: first })),
          ...(keepDraws ? { draws: Array.from({ length: count }, () => first) } : {}),
        };
      }
      const used = values.subarray(0, count);
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of used) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      // Selection needs ordered values; a NaN (none from the library's metrics) is sorted instead.
      const finite = Number.isFinite(min) && Number.isFinite(max) && !used.some(Number.isNaN);
      const sorted = finite ? undefined : Float64Array.from(used).sort();
      const quantiles = finite
        ? quantilesBySelection(used, ps)
        : ps.map((p) => quantileSorted(sorted as Float64Array, p));
      return {
        value: central,
        mean: neumaierSum(used) / count,
        min: sorted === undefined ? min : (sorted[0] as number),
        max: sorted === undefined ? max : (sorted[count - 1] as number),
        quantiles: ps.map((p, i) => ({ p, value: quantiles[i] as number })),
        ...(keepDraws ? { draws: Array.from(used) } : {}),
      };
    },
  };
}

/**
 * Streamed quantiles (P²), the mean by a compensated running sum. A metric that has not moved
 * feeds no estimator until it does (then its earlier draws are fed in order), and its band is its
 * value.
 *
 * @internal
 */
export function streamingAccumulator(ps: readonly number[]): Accumulator {
  const estimators = ps.map((p) => new StreamingQuantile(p));
  // Neumaier's compensated running sum, so the mean of many draws keeps its digits.
  let sum = 0;
  let compensation = 0;
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // Draws of a value that has not changed yet, not fed to the estimators.
  let first = 0;
  let waiting = 0;
  let moved = false;
  const feed = (value: number) => {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
    count += 1;
    if (value < min) min = value;
    if (value > max) max = value;
    for (const e of estimators) e.add(value);
  };
  const add = (value: number) => {
    if (!moved) {
      if (waiting === 0 || Object.is(value, first)) {
        first = value;
        waiting += 1;
        return;
      }
      moved = true;
      for (let i = 0; i < waiting; i++) feed(first);
    }
    feed(value);
  };
  return {
    add,
    addRepeated(value, times) {
      for (let i = 0; i < times; i++) add(value);
    },
    kept: () => undefined,
    band(central) {
      if (!moved) {
        return {
          value: central,
          mean: first,
          min: first,
          max: first,
          quantiles: ps.map((p) => ({ p, value: first })),
        };
      }
      // Each p has its own estimator, so two can cross by a hair: clamp, keeping P5 ≤ P50 ≤ P95
      // within [min, max] as a reader expects.
      let floor = min;
      const quantiles = estimators.map((e, i) => {
        const value = Math.min(max, Math.max(floor, e.value()));
        floor = value;
        return { p: ps[i] as number, value };
      });
      return { value: central, mean: (sum + compensation) / count, min, max, quantiles };
    },
  };
}

/** A digest of kept draws from a sample of them, to find metrics that drew the same values. */
function digest(values: Float64Array): string {
  const step = Math.max(1, Math.floor(values.length / 32));
  let out = `${values.length}`;
  for (let i = 0; i < values.length; i += step) out += ` ${values[i]}`;
  return out;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Each accumulator's band, `centrals[i]` its value as is; metrics that drew exactly the same
 * values in the same order (the rows of the years a scenario leaves alike) share one computation
 * of their mean, extremes and quantiles.
 *
 * @internal
 */
export function bandsOf(
  accumulators: readonly Accumulator[],
  centrals: readonly number[],
  keepDraws: boolean,
): Band[] {
  const seen = new Map<string, { kept: Float64Array; band: Band }[]>();
  return accumulators.map((acc, i) => {
    const central = centrals[i] as number;
    const kept = acc.kept();
    if (kept === undefined) return acc.band(central, keepDraws);
    const key = digest(kept);
    const list = seen.get(key) ?? [];
    seen.set(key, list);
    const same = list.find((entry) => sameValues(entry.kept, kept));
    if (same === undefined) {
      const band = acc.band(central, keepDraws);
      list.push({ kept, band });
      return band;
    }
    const { mean, min, max, quantiles } = same.band;
    return {
      value: central,
      mean,
      min,
      max,
      quantiles,
      ...(keepDraws ? { draws: Array.from(kept) } : {}),
    };
  });
}
