// Invariants of the indices, checked with fast-check on arbitrary supplies.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  concentrationRatio,
  effectiveSuppliers,
  gini,
  hhi,
  hhiBounds,
  hhiChange,
  hhiShiftDelta,
  normalizedHhi,
  shannonEntropy,
  shares,
  theil,
} from '../../src/index.js';

const quantity = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.double({ min: 1e-6, max: 1e9, noNaN: true }) },
);
const supply = fc
  .array(quantity, { minLength: 1, maxLength: 40 })
  .filter((values) => values.some((value) => value > 0));
const active = (values: readonly number[]) => values.filter((value) => value > 0).length;

function close(a: number, b: number, rel = 1e-12): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('bounds', () => {
  test('HHI lies in [1/N, 1] and the effective number of suppliers in [1, N]', () => {
    fc.assert(
      fc.property(supply, (values) => {
        const n = active(values);
        const h = hhi(values);
        const e = effectiveSuppliers(values);
        expect(h).toBeGreaterThanOrEqual(1 / n);
        expect(h).toBeLessThanOrEqual(1);
        expect(e).toBeGreaterThanOrEqual(1);
        expect(e).toBeLessThanOrEqual(n);
      }),
    );
  });

  test('normalised HHI, Gini, Theil and Shannon entropy stay in their ranges', () => {
    fc.assert(
      fc.property(supply, fc.constantFrom('active', 'listed' as const), (values, count) => {
        const n = count === 'active' ? active(values) : values.length;
        const star = normalizedHhi(values, { count });
        expect(star).toBeGreaterThanOrEqual(0);
        expect(star).toBeLessThanOrEqual(1);
        const g = gini(values, { count });
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual((n - 1) / n);
        if (n > 1) {
          const corrected = gini(values, { count, corrected: true });
          expect(corrected).toBeGreaterThanOrEqual(0);
          expect(corrected).toBeLessThanOrEqual(1);
        }
        const t = theil(values, { count });
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(Math.log(n));
        const h = shannonEntropy(values);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(Math.log(active(values)));
      }),
    );
  });

  test('CRk rises with k, and CR_N = 1', () => {
    fc.assert(
      fc.property(supply, (values) => {
        let previous = 0;
        for (let k = 1; k <= values.length; k++) {
          const cr = concentrationRatio(values, k);
          expect(cr).toBeGreaterThanOrEqual(previous);
          expect(cr).toBeLessThanOrEqual(1);
          previous = cr;
        }
        expect(concentrationRatio(values, values.length)).toBe(1);
        expect(concentrationRatio(values, active(values))).toBe(1);
      }),
    );
  });
});

describe('equal suppliers', () => {
  test('HHI = 1/N exactly, N effective suppliers, and zero inequality', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        (n, value) => {
          const values = Array.from({ length: n }, () => value);
          expect(hhi(values)).toBe(1 / n);
          expect(effectiveSuppliers(values)).toBe(n);
          expect(normalizedHhi(values)).toBe(n === 1 ? 1 : 0);
          expect(gini(values)).toBe(0);
          expect(theil(values)).toBe(0);
          expect(shannonEntropy(values)).toBe(Math.log(n));
        },
      ),
    );
  });
});

describe('invariance', () => {
  const permuted = supply.chain((values) =>
    fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
  );

  test('under permutation of the suppliers', () => {
    fc.assert(
      fc.property(permuted, ([values, shuffled]) => {
        for (const index of [hhi, effectiveSuppliers, normalizedHhi, gini, theil, shannonEntropy]) {
          expect(close(index(values), index(shuffled))).toBe(true);
        }
        expect(close(concentrationRatio(values, 2), concentrationRatio(shuffled, 2))).toBe(true);
      }),
    );
  });

  test('under scaling of the quantities', () => {
    fc.assert(
      fc.property(supply, fc.double({ min: 1e-100, max: 1e100, noNaN: true }), (values, c) => {
        const scaled = values.map((value) => value * c);
        fc.pre(scaled.every(Number.isFinite) && scaled.some((value) => value > 0));
        // Scaling can push tiny values into subnormals, where precision is lost: compare loosely
        // there and tightly otherwise.
        const rel = scaled.some((value) => value > 0 && value < 1e-290) ? 1e-6 : 1e-12;
        for (const index of [hhi, effectiveSuppliers, normalizedHhi, gini, theil, shannonEntropy]) {
          expect(close(index(values), index(scaled), rel)).toBe(true);
        }
        expect(close(concentrationRatio(values, 3), concentrationRatio(scaled, 3), rel)).toBe(true);
      }),
    );
  });

  test('arrays and records give the same values', () => {
    fc.assert(
      fc.property(supply, (values) => {
        const record = Object.fromEntries(values.map((value, i) => [`S${i}`, value]));
        expect(hhi(record)).toBe(hhi(values));
        expect(gini(record)).toBe(gini(values));
        expect(Object.values(shares(record))).toEqual(shares(values));
      }),
    );
  });
});

describe('changes', () => {
  test('hhiChange contributions add up to after − before', () => {
    fc.assert(
      fc.property(
        fc.tuple(supply, supply).filter(([a, b]) => a.length === b.length),
        ([before, after]) => {
          const change = hhiChange(before, after);
          const sum = change.contributions.reduce((acc, part) => acc + part, 0);
          expect(close(change.change, change.after - change.before, 1e-12)).toBe(true);
          expect(close(sum, change.change, 1e-12)).toBe(true);
        },
      ),
    );
  });

  test('hhiShiftDelta equals the HHI after the move minus the HHI before', () => {
    fc.assert(
      fc.property(
        supply.filter((values) => values.length >= 2),
        fc.nat(),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, i, j, fraction) => {
          const from = i % values.length;
          const to = (from + 1 + (j % (values.length - 1))) % values.length;
          const amount = (values[from] as number) * fraction;
          const moved = [...values];
          moved[from] = (moved[from] as number) - amount;
          moved[to] = (moved[to] as number) + amount;
          fc.pre(moved.some((value) => value > 0));
          const expected = hhi(moved) - hhi(values);
          const delta = hhiShiftDelta(values, { from, to, amount });
          expect(Math.abs(delta - expected)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  test('hhiBounds bracket the HHI with the residual as one supplier', () => {
    fc.assert(
      fc.property(supply, fc.double({ min: 0, max: 1e9, noNaN: true }), (values, other) => {
        const record = { ...Object.fromEntries(values.map((v, i) => [`S${i}`, v])), other };
        const bounds = hhiBounds(record, { residual: ['other'] });
        const single = hhi(record, { residual: ['other'], residualAs: 'one-supplier' });
        expect(bounds.lower).toBeLessThanOrEqual(bounds.upper);
        expect(close(bounds.upper, single)).toBe(true);
      }),
    );
  });
});
