// The quantile functions a draw maps its uniform number through. Expected values come from scipy
// (python3: scipy.stats norm, truncnorm, lognorm, triang and beta .ppf), computed in the test on the
// same points, so nothing here is copied from the code under test.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { FigureUncertainty } from '../../src/index.js';
import {
  betaCdf,
  betaQuantile,
  normalQuantile,
  quantileOf,
} from '../../src/uncertainty/distributions.js';

const PS = [1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.999, 1 - 1e-9];

const EXPRESSIONS = [
  'stats.norm.ppf(ps)',
  'stats.beta.ppf(ps, 2.2, 3.8)',
  'stats.beta.cdf(ps, 1.5, 5)',
  'stats.uniform.ppf(ps, 2, 3)',
  'stats.triang.ppf(ps, 0.25, loc=1, scale=4)',
  'stats.beta.ppf(ps, 1.8, 4.2, loc=10, scale=10)',
  'stats.truncnorm.ppf(ps, -0.5, np.inf, loc=1, scale=2)',
  'stats.lognorm.ppf(ps, np.sqrt(np.log(1.25)), scale=np.exp(np.log(10) - np.log(1.25)/2))',
];

// One python3 process for every reference value (scipy takes over a second to import).
const REFERENCE: Record<string, number[]> = JSON.parse(
  execFileSync(
    'python3',
    [
      '-c',
      `import json\nimport numpy as np\nfrom scipy import stats\nps=np.array(${JSON.stringify(PS)})\nprint(json.dumps({e: [float(x) for x in eval(e)] for e in ${JSON.stringify(EXPRESSIONS)}}))`,
    ],
    { encoding: 'utf8' },
  ),
);

function scipy(expression: string): number[] {
  const values = REFERENCE[expression];
  if (values === undefined) throw new Error(`no reference computed for ${expression}`);
  return values;
}

const basis = { basis: 'test' };

describe('quantile functions against scipy', () => {
  test('standard normal Φ⁻¹ to 1e-15 relative', () => {
    const expected = scipy('stats.norm.ppf(ps)');
    PS.forEach((p, i) => {
      const e = expected[i] as number;
      expect(Math.abs(normalQuantile(p) - e)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(e)));
    });
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  test('beta quantile and CDF to 1e-9', () => {
    const expected = scipy('stats.beta.ppf(ps, 2.2, 3.8)');
    PS.forEach((p, i) => {
      expect(Math.abs(betaQuantile(p, 2.2, 3.8) - (expected[i] as number))).toBeLessThan(1e-9);
    });
    const cdf = scipy('stats.beta.cdf(ps, 1.5, 5)');
    PS.forEach((x, i) => {
      expect(Math.abs(betaCdf(x, 1.5, 5) - (cdf[i] as number))).toBeLessThan(1e-12);
    });
  });

  test.each<[string, FigureUncertainty, string]>([
    ['uniform', { kind: 'uniform', low: 2, high: 5, ...basis }, 'stats.uniform.ppf(ps, 2, 3)'],
    [
      'triangular',
      { kind: 'triangular', low: 1, mode: 2, high: 5, ...basis },
      'stats.triang.ppf(ps, 0.25, loc=1, scale=4)',
    ],
    // PERT(low 10, mode 12, high 20): Beta(1 + 4·2/10, 1 + 4·8/10) = Beta(1.8, 4.2) on [10, 20].
    [
      'pert',
      { kind: 'pert', low: 10, mode: 12, high: 20, ...basis },
      'stats.beta.ppf(ps, 1.8, 4.2, loc=10, scale=10)',
    ],
    // Normal(1, 2) truncated at 0: scipy's a = (0 − 1)/2.
    [
      'normal',
      { kind: 'normal', mean: 1, sd: 2, ...basis },
      'stats.truncnorm.ppf(ps, -0.5, np.inf, loc=1, scale=2)',
    ],
    // Lognormal with mean 10 and sd 5: σ² = ln(1.25), μ = ln 10 − σ²/2.
    [
      'lognormal',
      { kind: 'lognormal', mean: 10, sd: 5, ...basis },
      'stats.lognorm.ppf(ps, np.sqrt(np.log(1.25)), scale=np.exp(np.log(10) - np.log(1.25)/2))',
    ],
  ])('%s', (_name, u, expression) => {
    const expected = scipy(expression);
    PS.forEach((p, i) => {
      const e = expected[i] as number;
      expect(Math.abs(quantileOf(u, p) - e)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(e)));
    });
  });

  test('values: each value takes an equal slice, in sorted order', () => {
    const u: FigureUncertainty = { kind: 'values', values: [30, 10, 20], ...basis };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999].map((p) => quantileOf(u, p))).toEqual([
      10, 10, 20, 20, 30, 30,
    ]);
  });

  test('degenerate distributions give their one value', () => {
    expect(quantileOf({ kind: 'triangular', low: 3, mode: 3, high: 3, ...basis }, 0.4)).toBe(3);
    expect(quantileOf({ kind: 'pert', low: 3, mode: 3, high: 3, ...basis }, 0.4)).toBe(3);
    expect(quantileOf({ kind: 'normal', mean: 3, sd: 0, ...basis }, 0.4)).toBe(3);
    expect(quantileOf({ kind: 'normal', mean: -3, sd: 0, ...basis }, 0.4)).toBe(0);
    expect(quantileOf({ kind: 'lognormal', mean: 3, sd: 0, ...basis }, 0.4)).toBe(3);
  });
});
