import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adoptionShare, substitutionIndices, substitutionOffset } from '../../src/index.js';
import { refusal as error } from '../support/refusal.js';

describe('adoptionShare', () => {
  test('a logistic curve passes halfway at its midpoint and stays between floor and ceiling', () => {
    const curve = {
      kind: 'logistic',
      midpoint: 2030,
      rate: 0.4,
      ceiling: 0.6,
      floor: 0.1,
    } as const;
    expect(adoptionShare(curve, 2030)).toBe(0.35);
    expect(adoptionShare(curve, 2031)).toBeCloseTo(0.1 + 0.5 / (1 + Math.exp(-0.4)), 15);
    expect(adoptionShare({ kind: 'logistic', midpoint: 2030, rate: 1 }, 2030)).toBe(0.5);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const share = adoptionShare(curve, year);
        expect(share).toBeGreaterThanOrEqual(0.1);
        expect(share).toBeLessThanOrEqual(0.6);
        expect(adoptionShare(curve, year + 1)).toBeGreaterThanOrEqual(share);
      }),
    );
  });

  test('schedules work as adoption curves', () => {
    expect(adoptionShare(0.2, 2040)).toBe(0.2);
    const ramp = {
      kind: 'ramp',
      from: { year: 2030, value: 0 },
      to: { year: 2040, value: 0.5 },
    } as const;
    expect(adoptionShare(ramp, 2035)).toBe(0.25);
  });

  test('refuses bad curves', () => {
    expect(
      error(() => adoptionShare({ kind: 'logistic', midpoint: 2030, rate: 0 }, 2030)).message,
    ).toBe('adoptionShare: curve.rate: expected a positive growth rate per year, got 0');
    expect(
      error(() =>
        adoptionShare({ kind: 'logistic', midpoint: 2030, rate: Number.POSITIVE_INFINITY }, 2030),
      ).message,
    ).toBe('adoptionShare: curve.rate: expected a positive growth rate per year, got Infinity');
    expect(
      error(() => adoptionShare({ kind: 'logistic', midpoint: Number.NaN, rate: 1 }, 2030)).message,
    ).toBe('adoptionShare: curve.midpoint: expected a finite number, got NaN');
    expect(
      error(() => adoptionShare({ kind: 'logistic', midpoint: 2030, rate: 1, ceiling: 1.5 }, 2030))
        .message,
    ).toBe('adoptionShare: curve.ceiling: expected a fraction between 0 and 1, got 1.5');
    expect(
      error(() =>
        adoptionShare(
          { kind: 'logistic', midpoint: 2030, rate: 1, ceiling: 0.2, floor: 0.3 },
          2030,
        ),
      ).message,
    ).toBe('adoptionShare: curve.floor: expected a floor at most the ceiling 0.2, got 0.3');
    expect(error(() => adoptionShare(1.2, 2030)).message).toBe(
      'adoptionShare: curve: expected a share between 0 and 1 in every year (2030 included), got 1.2',
    );
    expect(error(() => adoptionShare(0.5, 2030.5)).message).toBe(
      'adoptionShare: year: expected an integer of at least -9007199254740991, got 2030.5',
    );
  });
});

describe('substitutionOffset', () => {
  const demand = {
    Nd: { start: 2030, values: [100, 200, 300] },
    Dy: { start: 2030, values: [10, 20, 30] },
  };

  test('avoided = demand × adoption × (−intensity change), per element', () => {
    const result = substitutionOffset({
      demand,
      option: {
        name: 'grain-boundary diffusion',
        adoption: { kind: 'table', values: { '2030': 0.5, '2032': 1 } },
        intensityChange: { Dy: { kind: 'table', values: { '2030': -0.5, '2031': -1 } } },
      },
    });
    expect(result.name).toBe('grain-boundary diffusion');
    expect(result.years).toEqual([2030, 2031, 2032]);
    expect(result.adoption).toEqual([0.5, 0.5, 1]);
    expect(result.elements.Nd).toEqual({
      demand: [100, 200, 300],
      avoided: [0, 0, 0],
      remaining: [100, 200, 300],
    });
    expect(result.elements.Dy).toEqual({
      demand: [10, 20, 30],
      avoided: [2.5, 10, 30],
      remaining: [7.5, 10, 0],
    });
  });

  test('a substitute that uses more of an element adds demand', () => {
    const result = substitutionOffset({
      demand: { Pr: { start: 2030, values: [10] } },
      option: { adoption: 1, intensityChange: 0.2 },
    });
    expect(result.name).toBe('substitution');
    expect(result.elements.Pr?.avoided[0]).toBeCloseTo(-2, 14);
    expect(result.elements.Pr?.remaining[0]).toBeCloseTo(12, 14);
  });

  test('refuses bad input', () => {
    expect(error(() => substitutionOffset(null as never)).message).toBe(
      'substitutionOffset: (input): expected an object { demand, option }, got null',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand: { Nd: demand.Nd, Dy: { start: 2031, values: [1, 2, 3] } },
          option: { adoption: 0.1, intensityChange: -1 },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: demand.Dy: expected a series over the same years as Nd (2030–2032), got "2031–2033"',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand: { Nd: demand.Nd, Dy: { start: 2030, values: [1, 2] } },
          option: { adoption: 0.1, intensityChange: -1 },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: demand.Dy: expected a series over the same years as Nd (2030–2032), got "2030–2031"',
    );
    expect(error(() => substitutionOffset({ demand, option: undefined as never })).message).toBe(
      'substitutionOffset: option: expected a substitution option { adoption, intensityChange }, got undefined',
    );
    expect(
      error(() => substitutionOffset({ demand, option: { adoption: 0.1, intensityChange: -1.5 } }))
        .message,
    ).toBe(
      'substitutionOffset: option.intensityChange: expected a relative change of at least −1 in every year (2030 included), got -1.5',
    );
    expect(
      error(() =>
        substitutionOffset({ demand, option: { adoption: 0.1, intensityChange: { Nd: -2 } } }),
      ).message,
    ).toBe(
      'substitutionOffset: option.intensityChange.Nd: expected a relative change of at least −1 in every year (2030 included), got -2',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand,
          option: { adoption: 0.1, intensityChange: { Xx: -1 } as never },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: option.intensityChange.Xx: expected a rare-earth element symbol such as Nd or Dy, got "Xx"',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand,
          option: {
            adoption: {
              kind: 'ramp',
              from: { year: 2030, value: 0 },
              to: { year: 2032, value: 2 },
            },
            intensityChange: -1,
          },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: option.adoption: expected a share between 0 and 1 in every year (2032 included), got 2',
    );
  });
});

describe('substitutionIndices', () => {
  test('scores the uncovered part of each use 1, and normalises the use shares', () => {
    // SI_EI = 0.5·[0.3·0.7 + 0.2·0.9 + 0.5] + 0.5·1 = 0.945;
    // SI_SR = 0.5·[0.3·∛(0.7·0.9·1) + 0.2·∛(0.9·0.8·0.8) + 0.5] + 0.5.
    const uses = [
      {
        share: 30,
        substitutes: [
          { subShare: 0.3, costPerformance: 0.7, production: 0.9, criticality: 1 },
          { subShare: 0.2, costPerformance: 0.9, production: 0.8, criticality: 0.8 },
        ],
      },
      { share: 30, substitutes: [] },
    ];
    const si = substitutionIndices({ uses });
    expect(si.economicImportance).toBeCloseTo(0.945, 15);
    const sr = 0.5 * (0.3 * Math.cbrt(0.63) + 0.2 * Math.cbrt(0.576) + 0.5) + 0.5;
    expect(si.supplyRisk).toBeCloseTo(sr, 15);
    expect(substitutionIndices({ uses: [{ share: 1 }] })).toEqual({
      economicImportance: 1,
      supplyRisk: 1,
    });
    // Sub-shares summing to 1 within rounding are accepted.
    expect(
      substitutionIndices({
        uses: [
          {
            share: 1,
            substitutes: [0.1, 0.2, 0.7].map((subShare) => ({
              subShare,
              costPerformance: 1,
              production: 1,
              criticality: 1,
            })),
          },
        ],
      }).economicImportance,
    ).toBeCloseTo(1, 15);
  });

  test('refuses bad input', () => {
    expect(error(() => substitutionIndices({ uses: [] })).message).toBe(
      'substitutionIndices: uses: expected a non-empty array of uses { share, substitutes? }, got an array of length 0',
    );
    expect(error(() => substitutionIndices(null as never)).message).toBe(
      'substitutionIndices: uses: expected a non-empty array of uses { share, substitutes? }, got undefined',
    );
    expect(error(() => substitutionIndices({ uses: [{ share: -1 }] })).message).toBe(
      'substitutionIndices: uses[0].share: expected a finite non-negative share, got -1',
    );
    expect(error(() => substitutionIndices({ uses: [{ share: 0 }] })).message).toBe(
      'substitutionIndices: uses: expected at least one positive share, got 0',
    );
    expect(
      error(() =>
        substitutionIndices({
          uses: [
            {
              share: 1,
              substitutes: [
                { subShare: 0.6, costPerformance: 0.8, production: 1, criticality: 1 },
                { subShare: 0.6, costPerformance: 0.8, production: 1, criticality: 1 },
              ],
            },
          ],
        }),
      ).message,
    ).toBe(
      'substitutionIndices: uses[0].substitutes: expected sub-shares summing to at most 1, got 1.2',
    );
    expect(
      error(() =>
        substitutionIndices({
          uses: [
            {
              share: 1,
              substitutes: [{ subShare: 0.5, costPerformance: 1.2, production: 1, criticality: 1 }],
            },
          ],
        }),
      ).message,
    ).toBe(
      'substitutionIndices: uses[0].substitutes[0].costPerformance: expected a fraction between 0 and 1, got 1.2',
    );
    for (const key of ['subShare', 'production', 'criticality'] as const) {
      const substitute = {
        subShare: 0.5,
        costPerformance: 0.8,
        production: 1,
        criticality: 1,
        [key]: -0.1,
      };
      expect(
        error(() => substitutionIndices({ uses: [{ share: 1, substitutes: [substitute] }] }))
          .issues[0]?.path,
      ).toEqual(['uses', 0, 'substitutes', 0, key]);
    }
  });
});

describe('substitution, edges', () => {
  const demand = { Nd: { start: 2030, values: [100, 100, 100] } };

  test('a floor equal to the ceiling is a constant share; a scheduled intensity change applies to all elements', () => {
    expect(
      adoptionShare({ kind: 'logistic', midpoint: 2030, rate: 1, ceiling: 0.4, floor: 0.4 }, 2000),
    ).toBe(0.4);
    const result = substitutionOffset({
      demand: { ...demand, Pr: { start: 2030, values: [10, 10, 10] } },
      option: {
        adoption: 1,
        intensityChange: { kind: 'table', values: { '2030': -0.5, '2032': -1 } },
      },
    });
    expect(result.elements.Nd?.avoided).toEqual([50, 50, 100]);
    expect(result.elements.Pr?.avoided).toEqual([5, 5, 10]);
  });

  test('refuses more bad input', () => {
    expect(
      error(() => adoptionShare({ kind: 'logistic', midpoint: 2030, rate: '1' as never }, 2030))
        .message,
    ).toBe('adoptionShare: curve.rate: expected a positive growth rate per year, got "1"');
    expect(
      error(() => adoptionShare({ kind: 'logistic', midpoint: 2030, rate: 1, floor: -0.1 }, 2030))
        .message,
    ).toBe('adoptionShare: curve.floor: expected a fraction between 0 and 1, got -0.1');
    expect(error(() => adoptionShare(null as never, 2030)).message).toBe(
      'adoptionShare: curve: expected a number, a table or a ramp, got null',
    );
    expect(error(() => adoptionShare(-0.1, 2030)).message).toBe(
      'adoptionShare: curve: expected a share between 0 and 1 in every year (2030 included), got -0.1',
    );
    expect(error(() => substitutionOffset(5 as never)).message).toBe(
      'substitutionOffset: (input): expected an object { demand, option }, got 5',
    );
    expect(error(() => substitutionOffset({ demand, option: 5 as never })).message).toBe(
      'substitutionOffset: option: expected a substitution option { adoption, intensityChange }, got 5',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand: { Fe: demand.Nd } as never,
          option: { adoption: 0, intensityChange: -1 },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: demand.Fe: expected a rare-earth element symbol such as Nd or Dy, got "Fe"',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand: { Nd: { start: 2030, values: [1, -1] } },
          option: { adoption: 0, intensityChange: -1 },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: demand.Nd.values[1]: expected a finite non-negative number, got -1',
    );
    expect(
      error(() =>
        substitutionOffset({
          demand,
          option: {
            adoption: 0.5,
            intensityChange: {
              kind: 'ramp',
              from: { year: 2030, value: -0.5 },
              to: { year: 2032, value: -1.5 },
            },
          },
        }),
      ).message,
    ).toBe(
      'substitutionOffset: option.intensityChange: expected a relative change of at least −1 in every year (2032 included), got -1.5',
    );
    expect(error(() => substitutionIndices({ uses: [{ share: Number.NaN }] })).message).toBe(
      'substitutionIndices: uses[0].share: expected a finite non-negative share, got NaN',
    );
    expect(error(() => substitutionIndices({ uses: [{ share: '1' as never }] })).message).toBe(
      'substitutionIndices: uses[0].share: expected a finite non-negative share, got "1"',
    );
    expect(error(() => substitutionIndices({ uses: [null as never] })).message).toBe(
      'substitutionIndices: uses[0].share: expected a finite non-negative share, got undefined',
    );
    expect(
      error(() => substitutionIndices({ uses: [{ share: 1, substitutes: [null as never] }] }))
        .message,
    ).toBe(
      'substitutionIndices: uses[0].substitutes[0].subShare: expected a fraction between 0 and 1, got undefined',
    );
  });
});
