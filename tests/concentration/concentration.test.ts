import { describe, expect, test } from 'vitest';
import {
  concentrationBand,
  concentrationRatio,
  effectiveSuppliers,
  gini,
  governanceWeightedHhi,
  hhi,
  hhiBounds,
  hhiChange,
  hhiShiftDelta,
  normalizedHhi,
  RareEarthsError,
  type SupplyValues,
  shannonEntropy,
  shares,
  theil,
} from '../../src/index.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return (error as RareEarthsError).code;
  }
  return undefined;
}

describe('input errors name the function and the argument', () => {
  const cases: [string, () => unknown, string][] = [
    ['empty array', () => hhi([]), 'hhi: values: expected at least one value, got an empty array'],
    [
      'empty record',
      () => gini({}),
      'gini: values: expected at least one value, got an empty record',
    ],
    [
      'all zeros',
      () => theil([0, 0]),
      'theil: values: expected at least one positive value, got only zeros',
    ],
    [
      'negative',
      () => hhi([1, -1]),
      'hhi: values[1]: expected a finite non-negative number, got -1',
    ],
    [
      'NaN',
      () => effectiveSuppliers([1, Number.NaN]),
      'effectiveSuppliers: values[1]: expected a finite non-negative number, got NaN',
    ],
    [
      'infinity',
      () => shannonEntropy({ CHN: Number.POSITIVE_INFINITY }),
      'shannonEntropy: values.CHN: expected a finite non-negative number, got Infinity',
    ],
    [
      'a string',
      () => normalizedHhi({ CHN: '2' as unknown as number }),
      'normalizedHhi: values.CHN: expected a finite non-negative number, got "2"',
    ],
    [
      'not a supply',
      () => hhi('abc' as unknown as number[]),
      'hhi: values: expected an array of numbers or a record of numbers keyed by supplier, got "abc"',
    ],
    [
      'a class instance',
      () => hhi(new Map() as unknown as number[]),
      'hhi: values: expected an array of numbers or a record of numbers keyed by supplier, got an object',
    ],
    [
      'k = 0',
      () => concentrationRatio([1], 0),
      'concentrationRatio: k: expected an integer of at least 1, got 0',
    ],
    [
      'fractional k',
      () => concentrationRatio([1], 1.5),
      'concentrationRatio: k: expected an integer of at least 1, got 1.5',
    ],
    [
      'unknown scale',
      () => hhi([1], { scale: 'percent' as 'points' }),
      "hhi: options.scale: expected 'fraction' or 'points', got \"percent\"",
    ],
    [
      'unknown count',
      () => gini([1], { count: 'all' as 'listed' }),
      "gini: options.count: expected 'active' or 'listed', got \"all\"",
    ],
    [
      'base 1',
      () => shannonEntropy([1], { base: 1 }),
      'shannonEntropy: options.base: expected a finite number above 1, got 1',
    ],
    [
      'base as a string',
      () => shannonEntropy([1], { base: '2' as unknown as number }),
      'shannonEntropy: options.base: expected a finite number above 1, got "2"',
    ],
    [
      'infinite base',
      () => shannonEntropy([1], { base: Number.POSITIVE_INFINITY }),
      'shannonEntropy: options.base: expected a finite number above 1, got Infinity',
    ],
    [
      'options not an object',
      () => hhi([1], 5 as unknown as object),
      'hhi: options: expected an options object, got 5',
    ],
    [
      'options as an array',
      () => hhi([1], [] as unknown as object),
      'hhi: options: expected an options object, got an array of length 0',
    ],
    [
      'corrected not a boolean',
      () => gini([1, 2], { corrected: 'yes' as unknown as boolean }),
      'gini: options.corrected: expected true or false, got "yes"',
    ],
  ];
  for (const [name, f, message] of cases) {
    test(name, () => {
      expect(f).toThrow(RareEarthsError);
      expect(f).toThrow(message);
      expect(code(f)).toBe('invalid-argument');
    });
  }

  test('the message is the whole story, with nothing appended', () => {
    try {
      hhi([1, -2]);
    } catch (error) {
      expect((error as Error).message).toBe(
        'hhi: values[1]: expected a finite non-negative number, got -2',
      );
      expect((error as RareEarthsError).issues[0]?.path).toEqual(['values', 1]);
    }
  });

  test('the corrected Gini of one supplier is not computable', () => {
    const f = () => gini([0, 3], { corrected: true });
    expect(f).toThrow(
      'gini: values: expected at least 2 suppliers for the corrected Gini (N/(N−1) is undefined at N = 1), got 1',
    );
    expect(code(f)).toBe('not-computable');
    expect(gini([0, 3], { corrected: true, count: 'listed' })).toBe(1);
  });

  test('inputs are never mutated, and frozen inputs are accepted', () => {
    const values = Object.freeze([5, 1, 3, 0, 2]);
    const record = Object.freeze({ CHN: 5, USA: 1, other: 2 });
    concentrationRatio(values, 2);
    gini(values);
    hhiChange(values, values);
    shares(record, { residual: ['other'] });
    expect(values).toEqual([5, 1, 3, 0, 2]);
    expect(record).toEqual({ CHN: 5, USA: 1, other: 2 });
  });
});

describe('residual rows', () => {
  const mining = { CHN: 60, USA: 20, MMR: 10, other: 10 };

  test('a residual-looking key must be declared', () => {
    for (const key of [
      'other',
      'Other',
      'OTHERS',
      'Other countries',
      'rest of world',
      'Rest of the world',
      'ROW',
      'oth',
      ' other ',
    ]) {
      expect(() => hhi({ CHN: 1, [key]: 1 })).toThrow(
        `hhi: values${/^\w+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}: expected one supplier per key ("${key}" reads as a residual of many producers: name it in options.residual), got "${key}"`,
      );
    }
    for (const key of ['otherworld', 'brother', 'ROU', 'rows']) {
      expect(hhi({ CHN: 1, [key]: 1 })).toBe(0.5);
    }
  });

  test('by default a residual is excluded and shares are of the identified suppliers', () => {
    expect(shares(mining, { residual: ['other'] })).toEqual({
      CHN: 60 / 90,
      USA: 20 / 90,
      MMR: 10 / 90,
    });
    expect(hhi(mining, { residual: ['other'] })).toBeCloseTo((36 + 4 + 1) / 81, 15);
    expect(hhi(mining, { residual: ['other'], residualAs: 'excluded' })).toBe(
      hhi({ CHN: 60, USA: 20, MMR: 10 }),
    );
    expect(concentrationRatio(mining, 3, { residual: ['other'] })).toBe(1);
    expect(normalizedHhi({ CHN: 1, other: 5 }, { residual: ['other'] })).toBe(1);
  });

  test("'one-supplier' counts each residual key as a supplier: an upper bound", () => {
    expect(hhi(mining, { residual: ['other'], residualAs: 'one-supplier' })).toBeCloseTo(0.42, 15);
    expect(concentrationRatio(mining, 2, { residual: ['other'], residualAs: 'one-supplier' })).toBe(
      0.8,
    );
    expect(
      Object.keys(shares(mining, { residual: ['other'], residualAs: 'one-supplier' })),
    ).toEqual(['CHN', 'USA', 'MMR', 'other']);
  });

  test('a declared residual key may be absent', () => {
    expect(hhi({ CHN: 1, USA: 1 }, { residual: ['other'] })).toBe(0.5);
  });

  test('residual options are refused where they make no sense', () => {
    expect(() => hhi([1, 2], { residual: ['0'] })).toThrow(
      'hhi: options.residual: expected no residual keys for an array input (residual keys name entries of a record), got an array of length 1',
    );
    expect(() => hhi({ a: 1 }, { residual: 'a' as unknown as string[] })).toThrow(
      'hhi: options.residual: expected an array of record keys, got "a"',
    );
    expect(() => hhi({ a: 1 }, { residual: [1 as unknown as string] })).toThrow(
      'hhi: options.residual[0]: expected a key, got 1',
    );
    expect(() => hhi({ a: 1 }, { residualAs: 'x' as 'excluded' })).toThrow(
      "hhi: options.residualAs: expected 'excluded' or 'one-supplier', got \"x\"",
    );
    expect(() => hhi({ other: 1 }, { residual: ['other'] })).toThrow(
      'hhi: values: expected at least one positive value, got only residual keys',
    );
  });

  test('hhiBounds brackets the true HHI and reports the residual share', () => {
    const bounds = hhiBounds(mining, { residual: ['other'] });
    expect(bounds.lower).toBeCloseTo(0.41, 15);
    expect(bounds.upper).toBeCloseTo(0.42, 15);
    expect(bounds.residualShare).toBeCloseTo(0.1, 15);
    const points = hhiBounds(mining, { residual: ['other'], scale: 'points' });
    expect(points.lower).toBeCloseTo(4100, 9);
    expect(points.upper).toBeCloseTo(4200, 9);
    // Several residual keys are one supplier together in the upper bound.
    const two = hhiBounds({ CHN: 6, a: 2, b: 2 }, { residual: ['a', 'b'] });
    expect(two.lower).toBeCloseTo(0.36, 15);
    expect(two.upper).toBeCloseTo(0.52, 15);
    expect(two.residualShare).toBeCloseTo(0.4, 15);
    // Without a residual both bounds are the HHI.
    expect(hhiBounds([1, 1, 1])).toEqual({ lower: 1 / 3, upper: 1 / 3, residualShare: 0 });
    expect(hhiBounds([3, 1], { scale: 'points' })).toEqual({
      lower: 6250,
      upper: 6250,
      residualShare: 0,
    });
    expect(() => hhiBounds({ a: 1 }, { residualAs: 'excluded' } as object)).toThrow(
      'hhiBounds: options.residualAs: expected no residualAs (the bounds treat the residual both ways), got "excluded"',
    );
  });
});

describe('counting suppliers', () => {
  test("'active' ignores listed zeros; 'listed' counts them", () => {
    const values = [6, 0, 2, 0];
    expect(normalizedHhi(values)).toBeCloseTo((0.625 - 0.5) / 0.5, 15);
    expect(normalizedHhi(values, { count: 'listed' })).toBeCloseTo((0.625 - 0.25) / 0.75, 15);
    expect(gini(values)).toBeCloseTo(0.25, 15);
    expect(gini(values, { count: 'listed' })).toBeCloseTo(0.625, 15);
    expect(gini(values, { count: 'listed', corrected: true })).toBeCloseTo(0.625 * (4 / 3), 15);
    expect(theil(values)).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 15);
    expect(theil(values, { count: 'listed' })).toBeCloseTo(
      0.75 * Math.log(3) + 0.25 * Math.log(1),
      15,
    );
    // HHI, CRk, entropy and the effective number do not depend on N.
    expect(hhi(values)).toBe(hhi([6, 2]));
    expect(shannonEntropy(values)).toBe(shannonEntropy([6, 2]));
    expect(effectiveSuppliers(values)).toBe(effectiveSuppliers([6, 2]));
  });

  test('equal active suppliers among listed zeros are unequal when zeros count', () => {
    expect(gini([1, 1, 0, 0])).toBe(0);
    expect(gini([1, 1, 0, 0], { count: 'listed' })).toBeCloseTo(0.5, 15);
    expect(theil([1, 1, 0, 0])).toBe(0);
    expect(theil([1, 1, 0, 0], { count: 'listed' })).toBeCloseTo(Math.log(2), 15);
    expect(normalizedHhi([1, 1, 0, 0])).toBe(0);
    expect(normalizedHhi([1, 1, 0, 0], { count: 'listed' })).toBeCloseTo(1 / 3, 15);
  });

  test('a single supplier: normalised HHI 1, Gini and Theil 0, entropy 0', () => {
    for (const values of [[7], { CHN: 3 }] as SupplyValues[]) {
      expect(hhi(values)).toBe(1);
      expect(normalizedHhi(values)).toBe(1);
      expect(effectiveSuppliers(values)).toBe(1);
      expect(concentrationRatio(values, 1)).toBe(1);
      expect(gini(values)).toBe(0);
      expect(theil(values)).toBe(0);
      expect(shannonEntropy(values)).toBe(0);
      expect(Object.is(shannonEntropy(values), -0)).toBe(false);
    }
  });
});

describe('HHI and friends', () => {
  test('scales', () => {
    expect(hhi([1, 1, 2], { scale: 'fraction' })).toBe(hhi([1, 1, 2]));
    expect(hhi([1, 3], { scale: 'points' })).toBe(6250);
  });

  test('concentration ratio sorts by size, not by position', () => {
    expect(concentrationRatio([1, 5, 2, 2], 1)).toBe(0.5);
    expect(concentrationRatio([1, 5, 2, 2], 2)).toBe(0.7);
    expect(concentrationRatio([1, 5, 2, 2], 3)).toBe(0.9);
    expect(concentrationRatio([0, 5, 0, 5], 2)).toBe(1);
    expect(concentrationRatio({ CHN: 7, USA: 3 }, 1)).toBe(0.7);
  });

  test('Shannon entropy in other bases', () => {
    expect(shannonEntropy([1, 1], { base: 2 })).toBe(1);
    expect(shannonEntropy([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { base: 10 })).toBeCloseTo(1, 15);
    expect(shannonEntropy([3, 1], { base: Math.E })).toBeCloseTo(shannonEntropy([3, 1]), 15);
    expect(shannonEntropy([3, 1, 0])).toBeCloseTo(
      -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)),
      15,
    );
  });

  test('Gini from the textbook example and the corrected form', () => {
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
    expect(gini([1, 2, 3, 4], { corrected: true })).toBeCloseTo(1 / 3, 15);
    expect(gini([4, 3, 2, 1], { corrected: false })).toBeCloseTo(0.25, 15);
    expect(gini([1, 0], { count: 'listed' })).toBe(0.5);
  });
});

describe('governance-weighted HHI', () => {
  test('EU 2023 heavy rare earths at processing, China only', () => {
    expect(governanceWeightedHhi({ CHN: 1 }, { CHN: 5.676 })).toBe(5.676);
    expect(governanceWeightedHhi([1], [5.676], [1.1])).toBeCloseTo(6.2436, 12);
  });

  test('normalises by default and uses published shares as given with normalize: false', () => {
    // EU 2023 LREE processing, as published: the shares sum to 1.001.
    const published = {
      CHN: 0.849,
      MYS: 0.105,
      RUS: 0.019,
      IND: 0.016,
      VNM: 0.01,
      AUS: 0.001,
      NOR: 0.001,
    };
    const wgi = {
      CHN: 5.676,
      MYS: 4.262,
      RUS: 6.339,
      IND: 5.274,
      VNM: 5.706,
      AUS: 1.931,
      NOR: 1.448,
    };
    const asGiven = governanceWeightedHhi(published, wgi, undefined, { normalize: false });
    const expected =
      0.849 ** 2 * 5.676 +
      0.105 ** 2 * 4.262 +
      0.019 ** 2 * 6.339 +
      0.016 ** 2 * 5.274 +
      0.01 ** 2 * 5.706 +
      0.001 ** 2 * 1.931 +
      0.001 ** 2 * 1.448;
    expect(asGiven).toBeCloseTo(expected, 14);
    const normalised = governanceWeightedHhi(published, wgi);
    expect(normalised).toBeCloseTo(expected / 1.001 ** 2, 14);
    expect(normalised).not.toBe(asGiven);
    expect(governanceWeightedHhi({ CHN: 84.9, MYS: 15.1 }, { CHN: 5, MYS: 4 })).toBeCloseTo(
      0.849 ** 2 * 5 + 0.151 ** 2 * 4,
      14,
    );
  });

  test('trade factors default to 1 per supplier left out', () => {
    const value = governanceWeightedHhi({ CHN: 3, DEU: 1 }, { CHN: 6, DEU: 2 }, { DEU: 0.8 });
    expect(value).toBeCloseTo(0.5625 * 6 + 0.0625 * 2 * 0.8, 15);
    expect(governanceWeightedHhi([3, 1], [6, 2], [1, 0.8])).toBe(value);
  });

  test('zero-share suppliers need no governance; residuals are excluded', () => {
    expect(governanceWeightedHhi({ CHN: 1, USA: 0 }, { CHN: 5 })).toBe(5);
    expect(
      governanceWeightedHhi({ CHN: 0.5, other: 0.5 }, { CHN: 5 }, undefined, {
        residual: ['other'],
        normalize: false,
      }),
    ).toBe(1.25);
  });

  test('errors', () => {
    const cases: [() => unknown, string][] = [
      [
        () => governanceWeightedHhi({ CHN: 84.9 }, { CHN: 5 }, undefined, { normalize: false }),
        'governanceWeightedHhi: values.CHN: expected a share between 0 and 1 (fractions, not percent), got 84.9',
      ],
      [
        () =>
          governanceWeightedHhi({ CHN: 0.9, MYS: 0.2 }, { CHN: 5, MYS: 4 }, undefined, {
            normalize: false,
          }),
        'governanceWeightedHhi: values: expected shares summing to at most 1.02, got 1.1',
      ],
      [
        () => governanceWeightedHhi({ CHN: 0.9, MYS: 0.1 }, { CHN: 5 }),
        'governanceWeightedHhi: governance.MYS: expected a scaled WGI between 0 and 10, got undefined',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, { CHN: 11 }),
        'governanceWeightedHhi: governance.CHN: expected a scaled WGI between 0 and 10, got 11',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, { CHN: -0.5 }),
        'governanceWeightedHhi: governance.CHN: expected a scaled WGI between 0 and 10, got -0.5',
      ],
      [
        () => governanceWeightedHhi([1], ['5' as unknown as number]),
        'governanceWeightedHhi: governance[0]: expected a scaled WGI between 0 and 10, got "5"',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, { CHN: 0 }),
        'governanceWeightedHhi: tradeFactor.CHN: expected a positive finite number, got 0',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, { CHN: Number.POSITIVE_INFINITY }),
        'governanceWeightedHhi: tradeFactor.CHN: expected a positive finite number, got Infinity',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, { CHN: '1' as unknown as number }),
        'governanceWeightedHhi: tradeFactor.CHN: expected a positive finite number, got "1"',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, [5]),
        'governanceWeightedHhi: governance: expected a record keyed like the shares, got an array of length 1',
      ],
      [
        () => governanceWeightedHhi({ CHN: 1 }, null as unknown as number[]),
        'governanceWeightedHhi: governance: expected a record keyed like the shares, got null',
      ],
      [
        () => governanceWeightedHhi([1], { CHN: 5 }),
        'governanceWeightedHhi: governance: expected an array as long as the shares, got an object',
      ],
      [
        () => governanceWeightedHhi([1], [5], { CHN: 1 }),
        'governanceWeightedHhi: tradeFactor: expected an array as long as the shares, got an object',
      ],
      [
        () =>
          governanceWeightedHhi({ CHN: 1, other: 1 }, { CHN: 5 }, undefined, {
            residual: ['other'],
            residualAs: 'one-supplier',
          }),
        'governanceWeightedHhi: options.residualAs: expected \'excluded\' (a residual has no governance value), got "one-supplier"',
      ],
      [
        () =>
          governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, undefined, {
            normalize: 1 as unknown as boolean,
          }),
        'governanceWeightedHhi: options.normalize: expected true or false, got 1',
      ],
    ];
    for (const [f, message] of cases) expect(f).toThrow(message);
    // A governance value inherited from the prototype is not a supplier's value.
    expect(() =>
      governanceWeightedHhi({ toString: 1 } as object as Record<string, number>, {}),
    ).toThrow(
      'governanceWeightedHhi: governance.toString: expected a scaled WGI between 0 and 10, got undefined',
    );
    expect(governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, undefined, { normalize: true })).toBe(5);
    expect(
      governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, undefined, { residualAs: 'excluded' }),
    ).toBe(5);
  });
});

describe('concentration bands (competition-law screens used as reference bands)', () => {
  test('US DOJ/FTC 2023 by default: > 1800 high, 1000–1800 moderate', () => {
    expect(concentrationBand(0)).toBe('unconcentrated');
    expect(concentrationBand(999.999)).toBe('unconcentrated');
    expect(concentrationBand(1000)).toBe('moderately concentrated');
    expect(concentrationBand(1800)).toBe('moderately concentrated');
    expect(concentrationBand(1800.001)).toBe('highly concentrated');
    expect(concentrationBand(10_000, { guidelines: 'doj-ftc-2023' })).toBe('highly concentrated');
  });

  test('US Horizontal Merger Guidelines 2010: 1500 / 2500', () => {
    const g = { guidelines: 'hmg-2010' } as const;
    expect(concentrationBand(1499.9, g)).toBe('unconcentrated');
    expect(concentrationBand(1500, g)).toBe('moderately concentrated');
    expect(concentrationBand(2500, g)).toBe('moderately concentrated');
    expect(concentrationBand(2500.1, g)).toBe('highly concentrated');
  });

  test('EU horizontal merger guidelines 2004: 1000 / 2000', () => {
    const g = { guidelines: 'eu-2004' } as const;
    expect(concentrationBand(999, g)).toBe('unconcentrated');
    expect(concentrationBand(1000, g)).toBe('moderately concentrated');
    expect(concentrationBand(2000, g)).toBe('moderately concentrated');
    expect(concentrationBand(2000.5, g)).toBe('highly concentrated');
  });

  test('errors', () => {
    expect(() => concentrationBand(-1)).toThrow(
      'concentrationBand: hhiPoints: expected a finite non-negative number, got -1',
    );
    expect(() => concentrationBand(10_000.5)).toThrow(
      'concentrationBand: hhiPoints: expected an HHI in points, at most 10000, got 10000.5',
    );
    expect(() => concentrationBand(Number.NaN)).toThrow('got NaN');
    expect(() => concentrationBand(1, { guidelines: 'uk' as 'eu-2004' })).toThrow(
      "concentrationBand: options.guidelines: expected 'doj-ftc-2023', 'hmg-2010' or 'eu-2004', got \"uk\"",
    );
  });
});

describe('moving supply', () => {
  test('a merger adds 2·s_a·s_b', () => {
    expect(hhiShiftDelta([30, 30, 20, 20], { from: 3, to: 2, scale: 'points' })).toBeCloseTo(
      800,
      9,
    );
    expect(hhiShiftDelta([30, 30, 20, 20], { from: 0, to: 1 })).toBeCloseTo(0.18, 15);
    expect(hhiShiftDelta({ a: 1, b: 3 }, { from: 'a', to: 'b' })).toBeCloseTo(2 * 0.25 * 0.75, 15);
  });

  test('partial moves, towards a smaller or a new supplier', () => {
    // 0.6/0.4 → 0.5/0.5: 0.52 → 0.5.
    expect(hhiShiftDelta([6, 4], { from: 0, to: 1, amount: 1 })).toBeCloseTo(-0.02, 15);
    expect(hhiShiftDelta([6, 4], { from: 0, to: 1, amount: 0 })).toBe(0);
    expect(hhiShiftDelta({ CHN: 9, USA: 1 }, { from: 'CHN', to: 'AUS', amount: 3 })).toBeCloseTo(
      0.36 + 0.01 + 0.09 - 0.82,
      15,
    );
  });

  test('errors', () => {
    expect(() => hhiShiftDelta([1, 2], { from: 5, to: 0 })).toThrow(
      'hhiShiftDelta: shift.from: expected a supplier of the input, got 5',
    );
    expect(() => hhiShiftDelta([1, 2], {} as { from: number; to: number })).toThrow(
      'hhiShiftDelta: shift.from: expected a supplier of the input, got undefined',
    );
    expect(() => hhiShiftDelta([1, 2], { from: 0, to: 0 })).toThrow(
      'hhiShiftDelta: shift.to: expected another supplier of the input, got 0',
    );
    expect(() => hhiShiftDelta([1, 2], { from: 0, to: 7 })).toThrow(
      'hhiShiftDelta: shift.to: expected another supplier of the input, got 7',
    );
    expect(() => hhiShiftDelta({ a: 1, b: 1 }, { from: 'a', to: 2 })).toThrow(
      'hhiShiftDelta: shift.to: expected another supplier of the input, got 2',
    );
    expect(() => hhiShiftDelta([1, 2], { from: 0, to: 1, amount: 2 })).toThrow(
      'hhiShiftDelta: shift.amount: expected an amount between 0 and 1, got 2',
    );
    expect(() => hhiShiftDelta([1, 2], { from: 0, to: 1, amount: -0.5 })).toThrow(
      'hhiShiftDelta: shift.amount: expected an amount between 0 and 1, got -0.5',
    );
    expect(() =>
      hhiShiftDelta([1, 2], { from: 0, to: 1, amount: '1' as unknown as number }),
    ).toThrow('hhiShiftDelta: shift.amount: expected an amount between 0 and 1, got "1"');
    expect(() =>
      hhiShiftDelta({ CHN: 1, other: 1 }, { from: 'CHN', to: 'other', residual: ['other'] }),
    ).toThrow('hhiShiftDelta: shift.to: expected another supplier of the input, got "other"');
  });
});

describe('HHI change, split by supplier', () => {
  test('records: union of keys, entrants and exits, exact split', () => {
    const change = hhiChange({ CHN: 8, USA: 2 }, { CHN: 6, AUS: 4 }, { scale: 'points' });
    expect(change.before).toBeCloseTo(6800, 9);
    expect(change.after).toBeCloseTo(5200, 9);
    expect(change.change).toBeCloseTo(-1600, 9);
    expect(change.contributions).toEqual({
      CHN: expect.closeTo(3600 - 6400, 9) as number,
      USA: expect.closeTo(-400, 9) as number,
      AUS: expect.closeTo(1600, 9) as number,
    });
  });

  test('arrays: one contribution per position', () => {
    const change = hhiChange([1, 1], [3, 1]);
    expect(change.before).toBe(0.5);
    expect(change.after).toBe(0.625);
    expect(change.contributions).toEqual([0.5625 - 0.25, 0.0625 - 0.25]);
    expect(change.change).toBeCloseTo(0.125, 15);
  });

  test('errors', () => {
    expect(() => hhiChange([1], { a: 1 } as unknown as number[])).toThrow(
      'hhiChange: after: expected an array of length 1 like before, got a record',
    );
    expect(() => hhiChange({ a: 1 } as unknown as number[], [1])).toThrow(
      'hhiChange: after: expected a record like before, got an array',
    );
    expect(() => hhiChange([1], [1, 2])).toThrow(
      'hhiChange: after: expected an array of length 1 like before, got an array of length 2',
    );
    expect(() => hhiChange([1], [0])).toThrow(
      'hhiChange: after: expected at least one positive value, got only zeros',
    );
    expect(() => hhiChange([-1], [1])).toThrow(
      'hhiChange: before[0]: expected a finite non-negative number, got -1',
    );
  });
});

describe('edges found by mutation testing', () => {
  test('every entry point names itself when the supply is bad', () => {
    const cases: [() => unknown, string][] = [
      [() => shares([]), 'shares: values: expected at least one value, got an empty array'],
      [
        () => concentrationRatio([], 1),
        'concentrationRatio: values: expected at least one value, got an empty array',
      ],
      [() => hhiBounds([]), 'hhiBounds: values: expected at least one value, got an empty array'],
      [
        () => hhiBounds({ a: 1 }, { scale: 'x' as 'points' }),
        "hhiBounds: options.scale: expected 'fraction' or 'points', got \"x\"",
      ],
      [
        () => hhiBounds({ a: 1 }, 5 as unknown as object),
        'hhiBounds: options: expected an options object, got 5',
      ],
      [
        () => normalizedHhi([1], { count: 'x' as 'active' }),
        "normalizedHhi: options.count: expected 'active' or 'listed', got \"x\"",
      ],
      [
        () => theil([1], { count: 'x' as 'active' }),
        "theil: options.count: expected 'active' or 'listed', got \"x\"",
      ],
      [() => gini([1], 5 as unknown as object), 'gini: options: expected an options object, got 5'],
      [
        () => shannonEntropy([1], 5 as unknown as object),
        'shannonEntropy: options: expected an options object, got 5',
      ],
      [
        () => hhi(null as unknown as number[]),
        'hhi: values: expected an array of numbers or a record of numbers keyed by supplier, got null',
      ],
      [
        () => hhi(undefined as unknown as number[]),
        'hhi: values: expected an array of numbers or a record of numbers keyed by supplier, got undefined',
      ],
    ];
    for (const [f, message] of cases) expect(f).toThrow(message);
  });

  test('a record without a prototype is a record', () => {
    const record = Object.assign(Object.create(null) as Record<string, number>, { CHN: 3, USA: 1 });
    expect(hhi(record)).toBe(0.625);
  });

  test('exact extremes: population Gini (N−1)/N, equal-share bounds 1/N', () => {
    // Unclamped, (N−1)·x / (N·x) rounds above (N−1)/N for these.
    expect(gini([0, 0, 0.3], { count: 'listed' })).toBe(2 / 3);
    expect(gini([0, 0, 123.456], { count: 'listed' })).toBe(2 / 3);
    // Σ (1/5)² over five rounds to 0.20000000000000004; equal shares give exactly 1/5.
    expect(hhiBounds([1, 1, 1, 1, 1])).toEqual({ lower: 0.2, upper: 0.2, residualShare: 0 });
    expect(hhi([1, 1, 1, 1, 1])).toBe(0.2);
  });

  test('error codes', () => {
    expect(code(() => hhiChange([1], [1, 2]))).toBe('invalid-argument');
    expect(
      code(() =>
        governanceWeightedHhi({ a: 0.6, b: 0.6 }, { a: 1, b: 1 }, undefined, { normalize: false }),
      ),
    ).toBe('invalid-argument');
  });

  test('governance-weighted HHI boundaries', () => {
    const asGiven = { normalize: false } as const;
    expect(governanceWeightedHhi({ CHN: 1 }, { CHN: 5 }, undefined, asGiven)).toBe(5);
    expect(
      governanceWeightedHhi({ a: 0.51, b: 0.51 }, { a: 0, b: 10 }, undefined, asGiven),
    ).toBeCloseTo(2.601, 14);
    expect(() => governanceWeightedHhi({ CHN: 1 }, 5 as unknown as number[])).toThrow(
      'governanceWeightedHhi: governance: expected a record keyed like the shares, got 5',
    );
    // A zero share needs no governance value, but one that is given must be valid.
    expect(() => governanceWeightedHhi({ CHN: 1, USA: 0 }, { CHN: 5, USA: 11 })).toThrow(
      'governanceWeightedHhi: governance.USA: expected a scaled WGI between 0 and 10, got 11',
    );
  });
});
