// The quantile function (inverse CDF) of every distribution a figure may carry. A draw maps one
// uniform number per correlation group through each figure's quantile function, so the figures of
// a group move to the same quantile together (comonotone), and a figure's own distribution is
// exact whatever the others are.
import type { FigureUncertainty } from '../model/index.js';
import { erfc } from '../stocks/internal.js';

/** The standard normal CDF Φ(x) = erfc(−x/√2)/2. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

// Rational approximations of Φ⁻¹ (P. J. Acklam, 2003; relative error below 1.15e-9), then one
// Halley step on Φ(x) − p with the library's erfc, which brings it to full double precision.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

/**
 * The standard normal quantile Φ⁻¹(p) for p in (0, 1); −∞ at 0 and +∞ at 1.
 *
 * @internal
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  // Halley's step; for p > 1/2 work with the upper tail so that 1 − p loses no digits.
  const e = p > 0.5 ? 0.5 * erfc(x / Math.SQRT2) - (1 - p) : normalCdf(x) - p;
  const u = (p > 0.5 ? -e : e) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

// ln Γ(x) for x > 0: Lanczos (g = 7, n = 9), relative error about 1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// The continued fraction of the incomplete beta function (modified Lentz), for x < (a+1)/(a+b+2).
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The regularised incomplete beta function I_x(a, b), the CDF of Beta(a, b) at x.
 *
 * @internal
 */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * The quantile of Beta(a, b) at p, by bisection on {@link betaCdf} to double precision (the CDF
 * is monotone, so bisection cannot fail; 60 halvings of [0, 1] reach 1e-18).
 *
 * @internal
 */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 64 && hi - lo > 1e-17; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The value of a figure with uncertainty `u` at the quantile `p` in [0, 1): the inverse of the
 * distribution's CDF. Normal figures are truncated at 0; `values` are sorted and each takes an
 * equal slice of [0, 1).
 *
 * @internal
 */
export function quantileOf(u: FigureUncertainty, p: number): number {
  switch (u.kind) {
    case 'uniform':
      return u.low + p * (u.high - u.low);
    case 'triangular': {
      const width = u.high - u.low;
      if (width === 0) return u.low;
      const split = (u.mode - u.low) / width;
      return p < split
        ? u.low + Math.sqrt(p * width * (u.mode - u.low))
        : u.high - Math.sqrt((1 - p) * width * (u.high - u.mode));
    }
    case 'pert': {
      const width = u.high - u.low;
      if (width === 0) return u.low;
      const a = 1 + (4 * (u.mode - u.low)) / width;
      const b = 1 + (4 * (u.high - u.mode)) / width;
      return u.low + width * betaQuantile(p, a, b);
    }
    case 'normal': {
      if (u.sd === 0) return Math.max(0, u.mean);
      const below = normalCdf(-u.mean / u.sd);
      return Math.max(0, u.mean + u.sd * normalQuantile(below + p * (1 - below)));
    }
    case 'lognormal': {
      if (u.sd === 0) return u.mean;
      const s2 = Math.log1p((u.sd * u.sd) / (u.mean * u.mean));
      const mu = Math.log(u.mean) - s2 / 2;
      return Math.exp(mu + Math.sqrt(s2) * normalQuantile(p));
    }
    case 'values': {
      const sorted = [...u.values].sort((x, y) => x - y);
      return sorted[Math.min(Math.floor(p * sorted.length), sorted.length - 1)] as number;
    }
  }
}
