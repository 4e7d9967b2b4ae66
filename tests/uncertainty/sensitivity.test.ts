// Sensitivity. Expected values: the Ishigami function's analytic Sobol indices for a = 7, b = 0.1
// (Ishigami & Homma 1990; S₁ = 0.3139, 0.4424, 0; Sₜ = 0.5576, 0.4424, 0.2437, as tabulated by
// Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, and in SALib's tests). SALib itself
// is not installable here (`pip install salib` finds no distribution on this machine's index), so
// the cross-check against it on the same sample could not be run; the analytic values stand in,
// and numpy computes SALib's estimators (SALib.analyze.sobol: first order mean(f_B (f_ABi − f_A)),
// total order mean((f_A − f_ABi)²) / 2, both over np.var of f_A and f_B), and the centred first
// order this library uses, on the very sample
// sobolIndices evaluated, recorded call by call.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { stageConcentration, stageShares } from '../../src/index.js';
import {
  figureSobol,
  sobolIndices,
  tornado,
  uncertainFigures,
} from '../../src/uncertainty/index.js';
import { refusal } from '../support/refusal.js';

const ishigami = ([u1 = 0, u2 = 0, u3 = 0]: readonly number[]) => {
  const [x1, x2, x3] = [u1, u2, u3].map((u) => -Math.PI + 2 * Math.PI * u) as [
    number,
    number,
    number,
  ];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};

describe('sobolIndices', () => {
  test('the Ishigami function: the analytic indices within 0.02', () => {
    const result = sobolIndices(ishigami, 3, { samples: 50_000, seed: 12345 });
    const first = [0.3139, 0.4424, 0];
    const total = [0.5576, 0.4424, 0.2437];
    result.indices.forEach((index, i) => {
      expect(Math.abs(index.first - (first[i] as number))).toBeLessThan(0.02);
      expect(Math.abs(index.total - (total[i] as number))).toBeLessThan(0.02);
    });
    // Analytic variance: a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446.
    expect(result.variance).toBeCloseTo(13.8446, 0);
    expect(result.samples).toBe(50_000);
  });

  test("SALib's estimators in numpy, on the same sample", () => {
    const n = 4000;
    const calls: { point: number[]; value: number }[] = [];
    const result = sobolIndices(
      (point) => {
        const value = ishigami(point);
        calls.push({ point: [...point], value });
        return value;
      },
      3,
      { samples: n, seed: 77 },
    );
    // The calls come as f(A) (n rows), f(B) (n rows), then f(AB_i) for i = 0, 1, 2 (n rows each).
    expect(calls).toHaveLength(n * 5);
    const script = [
      'import json,sys,numpy as np',
      'd=json.load(sys.stdin); n=d["n"]; f=np.array(d["f"])',
      'fA=f[:n]; fB=f[n:2*n]; v=np.var(np.r_[fA,fB])',
      'out=[]',
      'for i in range(3):',
      '    fAB=f[(2+i)*n:(3+i)*n]',
      '    m=np.mean(np.r_[fA,fB])',
      '    out.append([float(np.mean(fB*(fAB-fA))/v), float(0.5*np.mean((fA-fAB)**2)/v), float(np.mean((fB-m)*(fAB-fA))/v)])',
      'print(json.dumps({"v":float(v),"s":out}))',
    ].join('\n');
    const numpy = JSON.parse(
      execFileSync('python3', ['-c', script], {
        input: JSON.stringify({ n, f: calls.map((c) => c.value) }),
        encoding: 'utf8',
      }),
    ) as { v: number; s: [number, number, number][] };
    expect(result.variance).toBeCloseTo(numpy.v, 9);
    result.indices.forEach((index, i) => {
      const [salibFirst, total, centred] = numpy.s[i] as [number, number, number];
      // Totals are the same formula: equal to rounding. The first order centres f_B on the sample
      // mean (the same expectation, less noise when the mean is large): equal to numpy's centred
      // version, and within the sampling noise of SALib's uncentred one (Ishigami's mean is 3.5).
      expect(index.total).toBeCloseTo(total, 9);
      expect(index.first).toBeCloseTo(centred, 9);
      expect(Math.abs(index.first - salibFirst)).toBeLessThan(0.05);
    });
  });

  test('same seed, same indices', () => {
    const a = sobolIndices(ishigami, 3, { samples: 500, seed: 3 });
    const b = sobolIndices(ishigami, 3, { samples: 500, seed: 3 });
    expect(a).toEqual(b);
  });

  test.each([
    [{ samples: 1, seed: 1 }, ['options', 'samples']],
    [{ samples: 10.5, seed: 1 }, ['options', 'samples']],
    [{ samples: 2_000_000, seed: 1 }, ['options', 'samples']],
    [{ samples: 10, seed: 0.1 }, ['options', 'seed']],
  ])('refuses %j', (options, path) => {
    expect(refusal(() => sobolIndices(ishigami, 3, options)).issues[0]?.path).toEqual(path);
  });

  test('refuses a constant model and a non-finite output', () => {
    expect(refusal(() => sobolIndices(() => 1, 2, { samples: 10, seed: 1 })).code).toBe(
      'not-computable',
    );
    expect(refusal(() => sobolIndices(() => Number.NaN, 2, { samples: 10, seed: 1 })).code).toBe(
      'not-computable',
    );
    expect(
      refusal(() => sobolIndices(ishigami, 0, { samples: 10, seed: 1 })).issues[0]?.path,
    ).toEqual(['dimensions']);
  });
});

describe('tornado', () => {
  const miningHhi = (d: typeof baseline) =>
    stageConcentration(d, { year: 2024 }).stages.find((s) => s.stage === 'mining')?.hhiPoints ?? 0;

  test('each input at its ends; the editions move the 2024 mining HHI, rounding elsewhere does not', () => {
    const result = tornado(baseline, miningHhi);
    expect(result.value).toBe(miningHhi(baseline));
    const [top, ...rest] = result.bars;
    expect(top?.group).toBe('usgs-mcs-2025+usgs-mcs-2026');
    // The newest edition (quantile 0) is the dataset as is.
    expect(top?.atLow).toBeCloseTo(result.value, 9);
    expect(top?.swing).toBeGreaterThan(0);
    for (const bar of rest) expect(bar.swing).toBe(0);
    for (let i = 1; i < result.bars.length; i++)
      expect(result.bars[i - 1]?.swing).toBeGreaterThanOrEqual(result.bars[i]?.swing ?? 0);
  });

  test("the rounding range of China's 91% is its separation share's swing", () => {
    const result = tornado(
      baseline,
      (d) => stageShares(d, { stage: 'separation', year: 2024 }).CHN ?? 0,
    );
    const bar = result.bars.find((b) => b.group === 'rounding-iea-sep-2024');
    expect(bar?.atLow).toBeCloseTo(0.905, 12);
    expect(bar?.atHigh).toBeCloseTo(0.915, 12);
  });

  test('refuses a metric that is not a function or not finite', () => {
    expect(refusal(() => tornado(baseline, 3 as never)).issues[0]?.path).toEqual(['metric']);
    expect(refusal(() => tornado(baseline, () => Number.NaN)).code).toBe('not-computable');
  });
});

describe('figureSobol', () => {
  test("China's 2024 separation share depends on one input only", () => {
    const { indices } = figureSobol(
      baseline,
      (d) => stageShares(d, { stage: 'separation', year: 2024 }).CHN ?? 0,
      { samples: 400, seed: 2 },
    );
    for (const index of indices) {
      // Jansen's estimator of a one-input function is 1 in expectation; 400 samples: within 0.1.
      if (index.input === 'rounding-iea-sep-2024') {
        expect(Math.abs(index.total - 1)).toBeLessThan(0.1);
        expect(Math.abs(index.first - 1)).toBeLessThan(0.1);
      } else expect([index.first, index.total]).toEqual([0, 0]);
    }
    expect(indices).toHaveLength(new Set(uncertainFigures(baseline).map((f) => f.group)).size);
  });

  test('refuses a dataset with no uncertain figure', () => {
    expect(
      refusal(() => figureSobol(baseline, () => 1, { samples: 4, seed: 1, figures: [] })).issues[0]
        ?.path,
    ).toEqual(['options', 'figures']);
  });
});
