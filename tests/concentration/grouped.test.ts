// hhiByGroup: the HHI of every group of a long table. Its contract is to give, for each group,
// exactly what hhi gives for that group's values in row order; the properties check that to the
// bit, and the fixed cases check it against numpy and the DOJ/FTC example.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hhi, hhiByGroup } from '../../src/index.js';
import { refusalMessage } from '../support/refusal.js';

describe('hhiByGroup', () => {
  test('a small table, against numpy', () => {
    // numpy 1.26: for each k, s = v[g == k] / v[g == k].sum(); (s ** 2).sum()
    // -> 0.42000000000000004, 0.5, 0.7224499999999999; totals 100, 14, 100.
    const result = hhiByGroup({
      group: [2, 0, 1, 0, 2, 2, 1, 0, 2, 1],
      value: [12.5, 40, 7, 10, 0, 3.5, 7, 50, 84, 0],
    });
    expect(result.hhi[0]).toBeCloseTo(0.42, 15);
    expect(result.hhi[1]).toBe(0.5);
    expect(result.hhi[2]).toBeCloseTo(0.7224499999999999, 15);
    expect([...result.total]).toEqual([100, 14, 100]);
    // Group 2 lists a zero, which is not a supplier; group 1 lists one too.
    expect([...result.suppliers]).toEqual([3, 2, 3]);
  });

  test('the points scale: the DOJ/FTC example of shares 30, 30, 20, 20 gives 2,600', () => {
    const result = hhiByGroup(
      { group: new Int32Array([0, 0, 0, 0]), value: new Float64Array([30, 30, 20, 20]) },
      { scale: 'points' },
    );
    expect(result.hhi[0]).toBe(2600);
  });

  test('rows of one supplier are added up before the shares are taken', () => {
    const result = hhiByGroup({
      group: [0, 0, 0, 1, 1],
      value: [40, 10, 50, 5, 5],
      supplier: [3, 3, 8, 3, 3],
    });
    expect(result.hhi[0]).toBe(0.5);
    expect(result.suppliers[0]).toBe(2);
    expect(result.hhi[1]).toBe(1);
    expect(result.suppliers[1]).toBe(1);
  });

  test('groups without rows or with only zeros give NaN, a zero total and no suppliers', () => {
    const result = hhiByGroup({ group: [1, 1], value: [0, 0] }, { groups: 4 });
    expect(result.hhi).toHaveLength(4);
    for (let g = 0; g < 4; g++) {
      expect(result.hhi[g]).toBeNaN();
      expect(result.total[g]).toBe(0);
      expect(result.suppliers[g]).toBe(0);
    }
    const empty = hhiByGroup({ group: [], value: [] });
    expect(empty.hhi).toHaveLength(0);
  });

  test('values near the float64 limit are scaled, as hhi does', () => {
    const values = [1e308, 5e307, 1e308];
    const result = hhiByGroup({ group: [0, 0, 0], value: values });
    expect(result.hhi[0]).toBe(hhi(values));
    expect(result.hhi[0]).toBeCloseTo(0.36, 12);
    expect(result.total[0]).toBe(Number.POSITIVE_INFINITY);
    const fits = hhiByGroup({ group: [0, 0], value: [1e300, 3e300] });
    expect(fits.hhi[0]).toBe(hhi([1e300, 3e300]));
    expect(fits.total[0]).toBe(4e300);
  });

  test('equal suppliers give exactly 1/N', () => {
    const result = hhiByGroup({ group: [0, 0, 0], value: [0.1, 0.1, 0.1] });
    expect(result.hhi[0]).toBe(1 / 3);
  });

  test('the input columns are not changed', () => {
    const group = new Int32Array([1, 0, 1, 1]);
    const value = new Float64Array([1e308, 2, 1e308, 3]);
    const supplier = [4, 1, 5, 4];
    hhiByGroup({ group, value, supplier });
    expect([...group]).toEqual([1, 0, 1, 1]);
    expect([...value]).toEqual([1e308, 2, 1e308, 3]);
    expect(supplier).toEqual([4, 1, 5, 4]);
  });

  test('bad input is refused by name, before any work', () => {
    expect(refusalMessage(() => hhiByGroup(null as never))).toBe(
      'hhiByGroup: table: expected columns { group, value, supplier? }, got null',
    );
    expect(refusalMessage(() => hhiByGroup([1, 2] as never))).toBe(
      'hhiByGroup: table: expected columns { group, value, supplier? }, got an array of length 2',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0], value: 'ab' } as never))).toBe(
      'hhiByGroup: table.value: expected an array or typed array, got "ab"',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0, 1], value: [1] }))).toBe(
      'hhiByGroup: table.group: expected 1 rows, like table.value, got "2 rows"',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0, 0], value: [1, Number.NaN] }))).toBe(
      'hhiByGroup: table.value[1]: expected a finite non-negative number, got NaN',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0, 0], value: [1, -2] }))).toBe(
      'hhiByGroup: table.value[1]: expected a finite non-negative number, got -2',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0, 1.5], value: [1, 2] }))).toBe(
      'hhiByGroup: table.group[1]: expected an integer from 0 to 16,777,215, got 1.5',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [2 ** 24], value: [1] }))).toBe(
      'hhiByGroup: table.group[0]: expected an integer from 0 to 16,777,215, got 16777216',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [0], value: [1], supplier: [-1] }))).toBe(
      'hhiByGroup: table.supplier[0]: expected an integer from 0 to 16,777,215, got -1',
    );
    expect(refusalMessage(() => hhiByGroup({ group: [3], value: [1] }, { groups: 3 }))).toBe(
      'hhiByGroup: options.groups: expected an integer from 4 (the largest group number + 1) to 16,777,216, got 3',
    );
    expect(
      refusalMessage(() => hhiByGroup({ group: [0], value: [1] }, { groups: 2 ** 24 + 1 })),
    ).toContain('options.groups');
    expect(
      refusalMessage(() => hhiByGroup({ group: [0], value: [1] }, { scale: 'percent' as never })),
    ).toBe("hhiByGroup: options.scale: expected 'fraction' or 'points', got \"percent\"");
    expect(refusalMessage(() => hhiByGroup({ group: [0], value: [1] }, 5 as never))).toBe(
      'hhiByGroup: options: expected an options object, got 5',
    );
  });
});

describe('hhiByGroup properties', () => {
  const quantity = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constantFrom(1, 2.5, 7) },
    { weight: 4, arbitrary: fc.double({ min: 1e-6, max: 1e9, noNaN: true }) },
  );
  const row = fc.record({
    group: fc.integer({ min: 0, max: 6 }),
    supplier: fc.integer({ min: 0, max: 9 }),
    value: quantity,
  });
  const table = fc.array(row, { maxLength: 80 });

  test('each group gets exactly what hhi gives for its values in row order', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (rows, bySupplier) => {
        const result = hhiByGroup({
          group: rows.map((r) => r.group),
          value: rows.map((r) => r.value),
          ...(bySupplier ? { supplier: rows.map((r) => r.supplier) } : {}),
        });
        const groups = rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.group)) + 1;
        expect(result.hhi).toHaveLength(groups);
        for (let g = 0; g < groups; g++) {
          const mine = rows.filter((r) => r.group === g);
          // The reference aggregation: a Map keeps suppliers in order of first appearance.
          const bySupplierTotals = new Map<number, number>();
          for (const r of mine)
            bySupplierTotals.set(r.supplier, (bySupplierTotals.get(r.supplier) ?? 0) + r.value);
          const values = bySupplier ? [...bySupplierTotals.values()] : mine.map((r) => r.value);
          const positive = values.filter((v) => v > 0).length;
          expect(result.suppliers[g]).toBe(positive);
          if (positive === 0) expect(result.hhi[g]).toBeNaN();
          else expect(Object.is(result.hhi[g], hhi(values))).toBe(true);
        }
      }),
    );
  });

  test('the order of rows of different groups does not matter', () => {
    fc.assert(
      fc.property(table, fc.integer(), (rows, seed) => {
        // Sort stably by a key per group: rows of one group keep their order, groups interleave.
        const key = (g: number) => (g * 2654435761 + seed) % 7;
        const moved = rows
          .map((r, i) => ({ r, i }))
          .sort((a, b) => key(a.r.group) - key(b.r.group) || a.i - b.i)
          .map(({ r }) => r);
        const columns = (list: typeof rows) => ({
          group: list.map((r) => r.group),
          value: list.map((r) => r.value),
        });
        const a = hhiByGroup(columns(rows));
        const b = hhiByGroup(columns(moved));
        expect([...b.hhi]).toEqual([...a.hhi]);
        expect([...b.total]).toEqual([...a.total]);
      }),
    );
  });
});
