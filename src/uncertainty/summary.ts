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

  /** A copy of the estimator in its present state. */
  clone(): StreamingQuantile {
    const copy = new StreamingQuantile(this.p);
    copy.q.push(...this.q);
    this.n.forEach((v, i) => {
      copy.n[i] = v;
    });
    this.desired.forEach((v, i) => {
      copy.desired[i] = v;
    });
    copy.count = this.count;
    return copy;
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
  /** A copy in the present state: it goes on from the same draws. */
  clone(): Accumulator;
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
export function exactAccumulator(
  ps: readonly number[],
  draws: number,
  state: { values?: Float64Array; first: number; count: number } = { first: 0, count: 0 },
): Accumulator {
  let values = state.values;
  let { first, count } = state;
  const add = (value: number) => {
    if (values === undefined) {
      if (count === 0) first = value;
      else if (!Object.is(value, first)) {
        values = new Float64Array(draws);
        values.fill(first, 0, count);
        values[count] = value;
      }
    } else values[count] = value;
    count += 1;
  };
  return {
    add,
    addRepeated(value, times) {
      if (times <= 0) return;
      if (values === undefined && (count === 0 || Object.is(value, first))) {
        first = value;
        count += times;
        return;
      }
      add(value);
      if (values !== undefined) values.fill(value, count, count + times - 1);
      count += times - 1;
    },
    clone: () =>
      exactAccumulator(ps, draws, {
        ...(values === undefined ? {} : { values: values.slice() }),
        first,
        count,
      }),
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
      let nan = false;
      for (let i = 0; i < count; i++) {
        const v = used[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
        if (Number.isNaN(v)) nan = true;
      }
      // Selection needs ordered values; a NaN (none from the library's metrics) is sorted instead.
      const finite = Number.isFinite(min) && Number.isFinite(max) && !nan;
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
export function streamingAccumulator(ps: readonly number[], from?: StreamingState): Accumulator {
  const st: StreamingState = from ?? {
    estimators: ps.map((p) => new StreamingQuantile(p)),
    sum: 0,
    compensation: 0,
    count: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    first: 0,
    waiting: 0,
    moved: false,
  };
  const feed = (value: number) => {
    // Neumaier's compensated running sum, so the mean of many draws keeps its digits.
    const next = st.sum + value;
    st.compensation +=
      Math.abs(st.sum) >= Math.abs(value) ? st.sum - next + value : value - next + st.sum;
    st.sum = next;
    st.count += 1;
    if (value < st.min) st.min = value;
    if (value > st.max) st.max = value;
    for (const e of st.estimators) e.add(value);
  };
  const add = (value: number) => {
    if (!st.moved) {
      // Draws of a value that has not changed yet are not fed to the estimators until it does.
      if (st.waiting === 0 || Object.is(value, st.first)) {
        st.first = value;
        st.waiting += 1;
        return;
      }
      st.moved = true;
      for (let i = 0; i < st.waiting; i++) feed(st.first);
    }
    feed(value);
  };
  return {
    add,
    addRepeated(value, times) {
      for (let i = 0; i < times; i++) add(value);
    },
    clone: () =>
      streamingAccumulator(ps, { ...st, estimators: st.estimators.map((e) => e.clone()) }),
    band(central) {
      if (!st.moved) {
        return {
          value: central,
          mean: st.first,
          min: st.first,
          max: st.first,
          quantiles: ps.map((p) => ({ p, value: st.first })),
        };
      }
      // Each p has its own estimator, so two can cross by a hair: clamp, keeping P5 ≤ P50 ≤ P95
      // within [min, max] as a reader expects.
      let floor = st.min;
      const quantiles = st.estimators.map((e, i) => {
        const value = Math.min(st.max, Math.max(floor, e.value()));
        floor = value;
        return { p: ps[i] as number, value };
      });
      return {
        value: central,
        mean: (st.sum + st.compensation) / st.count,
        min: st.min,
        max: st.max,
        quantiles,
      };
    },
  };
}

/** The state of a streaming accumulator. */
interface StreamingState {
  readonly estimators: StreamingQuantile[];
  sum: number;
  compensation: number;
  count: number;
  min: number;
  max: number;
  first: number;
  waiting: number;
  moved: boolean;
}

/**
 * Accumulators for many metrics drawn together, each draw's values given at once (`values[i]` for
 * metric `i`): metrics that have drawn the same values so far share one accumulator (the rows of
 * the years a scenario leaves alike), and one whose value departs takes a copy of it first, so that
 * each ends exactly as if it had had its own, at a fraction of the work and memory.
 *
 * @internal
 */
export function sharedAccumulators(
  make: () => Accumulator,
  count: number,
): {
  add(values: ArrayLike<number>): void;
  bands(centrals: readonly number[], keepDraws: boolean): Band[];
} {
  const own: (Accumulator | undefined)[] = Array.from({ length: count }, () => undefined);
  const lead = new Int32Array(count);
  let started = false;
  return {
    add(values) {
      if (!started) {
        // The first draw groups the metrics by value; later draws only split groups.
        const byValue = new Map<number, number>();
        for (let i = 0; i < count; i++) {
          const value = values[i] as number;
          const leader = byValue.get(value);
          if (leader === undefined || !Object.is(value, values[leader])) {
            byValue.set(value, i);
            lead[i] = i;
            own[i] = make();
            own[i]?.add(value);
          } else lead[i] = leader;
        }
        started = true;
        return;
      }
      // Departures first, from the leader's state before this draw.
      for (let i = 0; i < count; i++) {
        const leader = lead[i] as number;
        if (leader !== i && !Object.is(values[i], values[leader])) {
          own[i] = (own[leader] as Accumulator).clone();
          lead[i] = i;
        }
      }
      for (let i = 0; i < count; i++) if (lead[i] === i) own[i]?.add(values[i] as number);
    },
    bands(centrals, keepDraws) {
      const made = new Map<number, Band>();
      return centrals.map((central, i) => {
        const leader = lead[i] as number;
        if (leader === i) {
          const band = (own[i] as Accumulator).band(central, keepDraws);
          made.set(i, band);
          return band;
        }
        const band =
          made.get(leader) ??
          (own[leader] as Accumulator).band(centrals[leader] as number, keepDraws);
        made.set(leader, band);
        const { mean, min, max, quantiles, draws } = band;
        return {
          value: central,
          mean,
          min,
          max,
          quantiles,
          ...(draws === undefined ? {} : { draws: [...draws] }),
        };
      });
    },
  };
}
