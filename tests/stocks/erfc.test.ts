// The erfc behind the normal, folded-normal and lognormal survival functions. Reference values:
// mpmath at 50 digits (tests/stocks/erfc_reference.py writes tests/fixtures/erfc-reference.json).
import { describe, expect, test } from 'vitest';
import { erfc } from '../../src/stocks/erfc.js';
import reference from '../fixtures/erfc-reference.json' with { type: 'json' };

const points = reference as [number, number][];

describe('erfc', () => {
  test('has a relative error of at most 1e-15 wherever erfc is a normal float64', () => {
    expect(points.length).toBeGreaterThan(7000);
    let worst = 0;
    for (const [x, exact] of points) {
      worst = Math.max(worst, Math.abs(erfc(x) - exact) / exact);
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  test('covers each region: negative, the series, the table, the continued fraction depths', () => {
    const regions = [
      [-6, -0.5],
      [-0.5, 0.5],
      [0.5, 2],
      [2, 3],
      [3, 4],
      [4, 26.5],
    ] as const;
    for (const [from, to] of regions) {
      expect(points.filter(([x]) => x >= from && x < to).length).toBeGreaterThan(500);
    }
    expect(points.some(([x]) => x === 26.5)).toBe(true);
  });

  test('is exact at the landmarks and saturates beyond the range', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(40)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(-40)).toBe(2);
    expect(Number.isNaN(erfc(Number.NaN))).toBe(true);
  });

  test('is decreasing across the region boundaries', () => {
    for (const edge of [0.5, 2, 3, 4, ...Array.from({ length: 13 }, (_, k) => (k + 4) / 8)]) {
      const below = erfc(edge - 1e-9);
      const at = erfc(edge);
      const above = erfc(edge + 1e-9);
      expect(below).toBeGreaterThan(at);
      expect(at).toBeGreaterThan(above);
    }
  });
});
