// exactDecimalSum (BigInt) against the decimal.js sum it stands in for in a Monte Carlo draw
// (src/scenario/redraw.ts): the same number whenever it gives one.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { stageTable } from '../../src/index.js';
import { Dec, decString, exactDecimalSum, toDec } from '../../src/numeric/internal.js';

const decimalSum = (amounts: readonly (number | string)[]) =>
  decString(amounts.reduce<Dec>((sum, a) => sum.plus(toDec('t', [], a)), new Dec(0)));

// Non-negative numbers of every magnitude (exponent forms included) and plain decimal strings.
const amount = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => v + 0),
  fc.double({ min: 0, max: 1e300, noNaN: true }).map((v) => v + 0),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc
    .tuple(fc.nat({ max: 10_000_000 }), fc.nat({ max: 999 }))
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(3, '0')}`),
);

describe('exactDecimalSum', () => {
  test('equals the decimal.js sum as a number whenever it answers (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (amounts) => {
        const exact = exactDecimalSum('t', [], amounts);
        if (exact === undefined) return;
        answered += 1;
        expect(Number(exact)).toBe(Number(decimalSum(amounts)));
      }),
      { numRuns: 1000 },
    );
    // Not vacuous: many sums are answered (mixing 1e300 with small numbers spans too many digits).
    expect(answered).toBeGreaterThan(150);
  });
  test('the USGS MCS 2026 mine production of 2024, as the baseline stores it, sums to 384,000 t', () => {
    // The rows of the table stageTable uses (USGS MCS 2026, 2024); 384,000 t is its row sum.
    const table = stageTable(baseline, { stage: 'mining', year: 2024 });
    const rows = table.rows.map((r) => r.quantity?.amount as string);
    expect(table.source.id).toBe('usgs-mcs-2026');
    expect(exactDecimalSum('t', [], rows)).toBe('384000');
    expect(exactDecimalSum('t', [], rows)).toBe(decimalSum(rows));
  });
  test('a sum of drawn values: decimals at their shortest representation, exactly', () => {
    // 0.1 + 0.2 is 0.3 in decimal, not the float sum 0.30000000000000004.
    expect(exactDecimalSum('t', [], [0.1, 0.2])).toBe('0.3');
    expect(exactDecimalSum('t', [], [1e21, 5e-7])).toBe('1000000000000000000000.0000005');
    expect(exactDecimalSum('t', [], ['12.50', 7])).toBe('19.50');
    expect(exactDecimalSum('t', [], [])).toBe('0');
  });
  test('leaves to decimal.js what it cannot match for sure: a negative term, a span over 40 digits', () => {
    expect(exactDecimalSum('t', [], ['-5', 7])).toBeUndefined();
    expect(exactDecimalSum('t', [], [1e30, 1e-20])).toBeUndefined();
  });
  test('refuses what toDec refuses, naming the path', () => {
    expect(() => exactDecimalSum('f', ['a'], [Number.NaN])).toThrow(
      'f: a: expected a finite number',
    );
    expect(() => exactDecimalSum('f', ['a'], ['1e3'])).toThrow(/plain decimal string/);
  });
});
