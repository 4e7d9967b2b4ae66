// Every index against values computed independently with numpy and scipy from the textbook
// definitions (tests/concentration/generate_indices.py writes the fixture; rerun it to
// regenerate). Agreement is to 1e-12, relative to the value's magnitude when it exceeds 1.
import { describe, expect, test } from 'vitest';
import {
  concentrationRatio,
  effectiveSuppliers,
  gini,
  governanceWeightedHhi,
  hhi,
  normalizedHhi,
  type SupplierCount,
  shannonEntropy,
  theil,
} from '../../src/index.js';
import rows from '../fixtures/concentration-indices.json' with { type: 'json' };

interface Row {
  readonly name: string;
  readonly values: number[];
  readonly hhi: number;
  readonly hhiPoints: number;
  readonly effectiveSuppliers: number;
  readonly shannon: number;
  readonly shannonBase2: number;
  readonly shannonBase10: number;
  readonly concentrationRatio: number[];
  readonly governance: number[];
  readonly tradeFactor: number[];
  readonly governanceWeightedHhi: number;
  readonly governanceWeightedHhiNoTrade: number;
  readonly [key: string]: unknown;
}

function close(actual: number, expected: number): void {
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function asRecord(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, i) => [`S${i}`, value]));
}

describe('cross-check against numpy/scipy (tests/fixtures/concentration-indices.json)', () => {
  test('the fixture covers at least 10 vectors and the required cases', () => {
    const names = (rows as Row[]).map((row) => row.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const needle of ['single', 'equal', 'zeros', 'unnormalised', 'textbook']) {
      expect(names.some((name) => name.includes(needle))).toBe(true);
    }
  });

  for (const row of rows as Row[]) {
    describe(row.name, () => {
      // Arrays and records are the same supply; both shapes must agree with the reference.
      for (const input of [row.values, asRecord(row.values)]) {
        const shape = Array.isArray(input) ? 'array' : 'record';

        test(`HHI, effective suppliers and CRk (${shape})`, () => {
          close(hhi(input), row.hhi);
          close(hhi(input, { scale: 'points' }), row.hhiPoints);
          close(effectiveSuppliers(input), row.effectiveSuppliers);
          row.concentrationRatio.forEach((expected, i) => {
            close(concentrationRatio(input, i + 1), expected);
          });
        });

        test(`governance-weighted HHI, with and without trade factors (${shape})`, () => {
          const governance = Array.isArray(input) ? row.governance : asRecord(row.governance);
          const trade = Array.isArray(input) ? row.tradeFactor : asRecord(row.tradeFactor);
          close(governanceWeightedHhi(input, governance, trade), row.governanceWeightedHhi);
          close(governanceWeightedHhi(input, governance), row.governanceWeightedHhiNoTrade);
        });

        test(`Shannon entropy in three bases (${shape})`, () => {
          close(shannonEntropy(input), row.shannon);
          close(shannonEntropy(input, { base: 2 }), row.shannonBase2);
          close(shannonEntropy(input, { base: 10 }), row.shannonBase10);
        });

        for (const count of ['active', 'listed'] as SupplierCount[]) {
          test(`normalised HHI, Gini and Theil counting ${count} suppliers (${shape})`, () => {
            close(normalizedHhi(input, { count }), row[`normalizedHhi_${count}`] as number);
            close(gini(input, { count }), row[`gini_${count}`] as number);
            close(theil(input, { count }), row[`theil_${count}`] as number);
            const corrected = row[`giniCorrected_${count}`] as number | null;
            if (corrected === null) {
              expect(() => gini(input, { count, corrected: true })).toThrow(/not|at least 2/);
            } else {
              close(gini(input, { count, corrected: true }), corrected);
            }
          });
        }
      }
    });
  }
});

describe('textbook anchor', () => {
  test('shares 30/30/20/20 give HHI 2600 points (US DOJ, "Herfindahl-Hirschman Index")', () => {
    expect(hhi([30, 30, 20, 20], { scale: 'points' })).toBeCloseTo(2600, 9);
    expect(hhi([0.3, 0.3, 0.2, 0.2], { scale: 'points' })).toBeCloseTo(2600, 9);
    expect(hhi({ A: 300, B: 300, C: 200, D: 200 }, { scale: 'points' })).toBeCloseTo(2600, 9);
  });
});
