import { describe, expect, test } from 'vitest';
import {
  type CriticalityInput,
  criticalityAssessment,
  economicImportance,
  RareEarthsError,
  type StageInput,
  scaledGovernance,
  supplyRisk,
} from '../../src/index.js';

describe('scaledGovernance', () => {
  test('(2.5 − mean) × 2: 0 for the best governance, 10 for the worst', () => {
    expect(scaledGovernance(2.5)).toBe(0);
    expect(scaledGovernance(-2.5)).toBe(10);
    expect(scaledGovernance(0)).toBe(5);
    expect(scaledGovernance(-0.25)).toBe(5.5);
    expect(scaledGovernance([0, 0, 0, 0, 0, 1.5])).toBe(4.5);
    expect(scaledGovernance([-1, -1, -1, 1, 1, 1])).toBe(5);
  });

  test('errors', () => {
    expect(() => scaledGovernance([1, 2, 3, 4, 5])).toThrow(
      'scaledGovernance: wgi: expected the six WGI estimates (or their mean), got an array of length 5',
    );
    expect(() => scaledGovernance([1, 2, 3, 4, 5, Number.NaN])).toThrow(
      'scaledGovernance: wgi[5]: expected a finite number, got NaN',
    );
    expect(() => scaledGovernance(3)).toThrow(
      'scaledGovernance: wgi: expected a mean WGI estimate between -2.5 and 2.5, got 3',
    );
    expect(() => scaledGovernance(-2.6)).toThrow('got -2.6');
    expect(() => scaledGovernance([3, 3, 3, 3, 3, 3])).toThrow('got 3');
    expect(() => scaledGovernance(Number.POSITIVE_INFINITY)).toThrow(
      'scaledGovernance: wgi: expected a finite number, got Infinity',
    );
    expect(() => scaledGovernance('1' as unknown as number)).toThrow(RareEarthsError);
  });
});

describe('supplyRisk', () => {
  const base = { eolRecyclingInputRate: 0.1, substitutionIndex: 0.5 };

  test('global and EU sourcing combined by import reliance', () => {
    // [4·0.6/2 + 2·(1 − 0.3)]·0.9·0.5 = (1.2 + 1.4)·0.45 = 1.17
    expect(supplyRisk({ ...base, hhiGlobal: 4, hhiEu: 2, importReliance: 0.6 })).toBeCloseTo(
      1.17,
      15,
    );
    // IR 1: half and half; IR 0: EU sourcing only.
    expect(supplyRisk({ ...base, hhiGlobal: 4, hhiEu: 2, importReliance: 1 })).toBeCloseTo(
      1.35,
      15,
    );
    expect(supplyRisk({ ...base, hhiGlobal: 4, hhiEu: 2, importReliance: 0 })).toBeCloseTo(0.9, 15);
  });

  test('global supply only when hhiEu is left out, whatever the import reliance', () => {
    expect(supplyRisk({ ...base, hhiGlobal: 4, importReliance: 0.6 })).toBeCloseTo(1.8, 15);
    expect(supplyRisk({ ...base, hhiGlobal: 4, importReliance: 0 })).toBeCloseTo(1.8, 15);
  });

  test('errors', () => {
    const ok = {
      hhiGlobal: 1,
      importReliance: 0.8,
      eolRecyclingInputRate: 0,
      substitutionIndex: 1,
    };
    const cases: [object, string][] = [
      [
        { ...ok, importReliance: 80 },
        'supplyRisk: input.importReliance: expected a fraction between 0 and 1, got 80',
      ],
      [
        { ...ok, importReliance: -0.2 },
        'supplyRisk: input.importReliance: expected a fraction between 0 and 1, got -0.2',
      ],
      [
        { ...ok, eolRecyclingInputRate: 1.5 },
        'supplyRisk: input.eolRecyclingInputRate: expected a fraction between 0 and 1, got 1.5',
      ],
      [
        { ...ok, substitutionIndex: Number.NaN },
        'supplyRisk: input.substitutionIndex: expected a fraction between 0 and 1, got NaN',
      ],
      [
        { ...ok, hhiGlobal: -1 },
        'supplyRisk: input.hhiGlobal: expected a finite non-negative number, got -1',
      ],
      [
        { ...ok, hhiEu: Number.POSITIVE_INFINITY },
        'supplyRisk: input.hhiEu: expected a finite non-negative number, got Infinity',
      ],
    ];
    for (const [input, message] of cases) {
      expect(() => supplyRisk(input as Parameters<typeof supplyRisk>[0])).toThrow(message);
    }
    expect(() => supplyRisk(null as unknown as Parameters<typeof supplyRisk>[0])).toThrow(
      'supplyRisk: input: expected an object with hhiGlobal, importReliance, …, got null',
    );
  });
});

describe('economicImportance', () => {
  test('Σ A·Q / max Q · 10 · SI_EI', () => {
    const ei = economicImportance({
      uses: [
        { share: 0.5, valueAdded: 100 },
        { share: 0.25, valueAdded: 200, sector: 'C28', application: 'Machines' },
      ],
      maxValueAdded: 200,
      substitutionIndex: 0.8,
    });
    expect(ei).toBeCloseTo(((50 + 50) / 200) * 10 * 0.8, 15);
    expect(
      economicImportance({
        uses: [{ share: 1, valueAdded: 200 }],
        maxValueAdded: 200,
        substitutionIndex: 1,
      }),
    ).toBe(10);
    expect(
      economicImportance({
        uses: [
          { share: 0.51, valueAdded: 200 },
          { share: 0.51, valueAdded: 200 },
        ],
        maxValueAdded: 200,
        substitutionIndex: 1,
      }),
    ).toBeCloseTo(10.2, 12);
  });

  test('errors', () => {
    const use = { share: 0.8, valueAdded: 1 };
    const cases: [object, string][] = [
      [
        { uses: [], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses: expected at least one end use, got an array of length 0',
      ],
      [
        { uses: 'magnets', maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses: expected at least one end use, got "magnets"',
      ],
      [
        { uses: [use, { share: 0.5, valueAdded: 1 }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses: expected end-use shares summing to at most 1.02, got 1.3',
      ],
      [
        { uses: [{ share: 0.8, valueAdded: 2 }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0].valueAdded: expected at most maxValueAdded (1), got 2',
      ],
      [
        { uses: [{ share: 0.8, valueAdded: -2 }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0].valueAdded: expected a finite non-negative number, got -2',
      ],
      [
        { uses: [{ share: 0.8, valueAdded: 0 }], maxValueAdded: 0, substitutionIndex: 1 },
        'economicImportance: input.maxValueAdded: expected a positive value added, got 0',
      ],
      [
        { uses: [{ share: 0.8, valueAdded: 0 }], substitutionIndex: 1 },
        'economicImportance: input.maxValueAdded: expected a finite non-negative number, got undefined',
      ],
      [
        { uses: [{ share: 80, valueAdded: 0 }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0].share: expected a fraction between 0 and 1, got 80',
      ],
      [
        { uses: [use], maxValueAdded: 1, substitutionIndex: 1.1 },
        'economicImportance: input.substitutionIndex: expected a fraction between 0 and 1, got 1.1',
      ],
      [
        { uses: [{ ...use, sector: 25 }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0].sector: expected a string, got 25',
      ],
      [
        { uses: [{ ...use, application: null }], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0].application: expected a string, got null',
      ],
      [
        { uses: [null], maxValueAdded: 1, substitutionIndex: 1 },
        'economicImportance: input.uses[0]: expected an end use, got null',
      ],
    ];
    for (const [input, message] of cases) {
      expect(() => economicImportance(input as Parameters<typeof economicImportance>[0])).toThrow(
        message,
      );
    }
    expect(() =>
      economicImportance(undefined as unknown as Parameters<typeof economicImportance>[0]),
    ).toThrow(
      'economicImportance: input: expected an object with uses, maxValueAdded and substitutionIndex, got undefined',
    );
  });
});

describe('criticalityAssessment', () => {
  const governance = { CHN: 6, MYS: 4, JPN: 2, DEU: 1 };
  const base: CriticalityInput = {
    material: 'X',
    stages: {
      processing: {
        globalSupply: { shares: { CHN: 0.9, MYS: 0.1 } },
        euSourcing: { shares: { CHN: 0.5, JPN: 0.5 } },
        importReliance: 0.8,
      },
    },
    governance,
    eolRecyclingInputRate: 0.1,
    substitution: { supplyRisk: 0.5, economicImportance: 0.9 },
    uses: [{ application: 'Magnets', sector: 'C25', share: 1, valueAdded: 100 }],
    maxValueAdded: 200,
  };
  const gsHhi = 0.81 * 6 + 0.01 * 4; // 4.9
  const euHhi = 0.25 * 6 + 0.25 * 2; // 2
  const withStage = (stage: Partial<StageInput>, extra: Partial<CriticalityInput> = {}) =>
    criticalityAssessment({
      ...base,
      ...extra,
      stages: { processing: { ...base.stages.processing, ...stage } as StageInput },
    });

  test('both mixes good: the full formula, with every term kept', () => {
    const result = criticalityAssessment(base);
    const bracket = gsHhi * 0.4 + euHhi * 0.6;
    expect(result.stages.processing?.weightedHhi).toBeCloseTo(bracket, 14);
    expect(result.supplyRisk).toBeCloseTo(bracket * 0.9 * 0.5, 14);
    expect(result.stages.processing?.scope).toBe('global-and-eu');
    expect(result.stages.processing?.scopeReason).toBe(
      'global supply and EU sourcing both of good quality: the full formula',
    );
    expect(result.stages.processing?.globalSupply?.terms.CHN).toEqual({
      share: 0.9,
      governance: 6,
      tradeFactor: 1,
      contribution: expect.closeTo(4.86, 14) as number,
    });
    expect(result.stages.processing?.globalSupply?.hhi).toBeCloseTo(gsHhi, 14);
    expect(result.stages.processing?.euSourcing?.hhi).toBeCloseTo(euHhi, 14);
    expect(result.stages.processing?.globalSupply?.shareSum).toBe(1);
    expect(result.stages.processing?.globalSupply?.quality).toBe('good');
    expect(result.economicImportance).toBeCloseTo(4.5, 14);
    expect(result.economicImportanceTerms).toEqual({
      uses: [
        { application: 'Magnets', sector: 'C25', share: 1, valueAdded: 100, contribution: 100 },
      ],
      sum: 100,
      maxValueAdded: 200,
      substitutionIndex: 0.9,
    });
    expect(result.bottleneck).toBe('processing');
    expect(result.critical).toBe(true);
    expect(result.meets).toEqual({ supplyRisk: true, economicImportance: true });
    expect(result.thresholds).toEqual({ supplyRisk: 1, economicImportance: 2.8 });
    expect(result.notes).toEqual([]);
    expect(result.material).toBe('X');
    expect(result.input).toEqual(base);
    expect(result.input).not.toBe(base);
    expect(result.stages.extraction).toBeUndefined();
  });

  test('the data-scope rule (EU 2017 §3.4.4)', () => {
    const eu = { shares: { CHN: 0.5, JPN: 0.5 } };
    const poorEu = { ...eu, quality: 'poor' as const };
    const gs = { shares: { CHN: 0.9, MYS: 0.1 } };
    const poorGs = { ...gs, quality: 'poor' as const };
    const cases: [Partial<StageInput>, string, string, number][] = [
      [
        { euSourcing: poorEu },
        'global-only',
        'EU-sourcing data flagged poor: global supply only (EU 2017 §3.4.4)',
        gsHhi,
      ],
      [
        { importReliance: 0 },
        'eu-only',
        'import reliance is zero: EU sourcing only (EU 2017 §3.4.4)',
        euHhi,
      ],
      [
        { globalSupply: poorGs },
        'eu-only',
        'global-supply data flagged poor: EU sourcing only',
        euHhi,
      ],
      [
        { globalSupply: poorGs, euSourcing: poorEu },
        'global-and-eu',
        'both mixes flagged poor: the full formula, for want of better data',
        gsHhi * 0.4 + euHhi * 0.6,
      ],
    ];
    for (const [stage, scope, reason, weighted] of cases) {
      const result = withStage(stage);
      expect(result.stages.processing?.scope).toBe(scope);
      expect(result.stages.processing?.scopeReason).toBe(reason);
      expect(result.stages.processing?.weightedHhi).toBeCloseTo(weighted, 14);
      expect(result.supplyRisk).toBeCloseTo(weighted * 0.45, 14);
    }
  });

  test('the data-scope rule with one mix given', () => {
    const only = (stage: StageInput) =>
      criticalityAssessment({ ...base, stages: { processing: stage } }).stages.processing;
    const gs = { shares: { CHN: 0.9, MYS: 0.1 } };
    const eu = { shares: { CHN: 0.5, JPN: 0.5 } };
    expect(only({ globalSupply: gs, importReliance: 1 })).toMatchObject({
      scope: 'global-only',
      scopeReason: 'no EU-sourcing data: global supply only (EU 2017 §3.4.4)',
    });
    expect(only({ euSourcing: eu, importReliance: 1 })).toMatchObject({
      scope: 'eu-only',
      scopeReason: 'no global-supply data: EU sourcing only',
    });
    expect(only({ globalSupply: { ...gs, quality: 'poor' }, importReliance: 1 })).toMatchObject({
      scope: 'global-only',
      scopeReason: 'global supply (flagged poor) is the only mix given',
    });
    expect(only({ euSourcing: { ...eu, quality: 'poor' }, importReliance: 1 })).toMatchObject({
      scope: 'eu-only',
      scopeReason: 'EU sourcing (flagged poor) is the only mix given',
    });
    const zero = criticalityAssessment({
      ...base,
      stages: { processing: { globalSupply: gs, importReliance: 0 } },
    });
    expect(zero.stages.processing?.scope).toBe('global-only');
    expect(zero.notes).toEqual([
      'processing: import reliance is zero but no good EU-sourcing data: no EU-sourcing data: global supply only (EU 2017 §3.4.4).',
    ]);
  });

  test('the bottleneck is the stage with the higher SR; ties go to extraction', () => {
    const stage = (share: number): StageInput => ({
      globalSupply: { shares: { CHN: share, DEU: 1 - share } },
      importReliance: 1,
    });
    const higherAtExtraction = criticalityAssessment({
      ...base,
      stages: { extraction: stage(0.9), processing: stage(0.5) },
    });
    expect(higherAtExtraction.bottleneck).toBe('extraction');
    expect(higherAtExtraction.supplyRisk).toBe(higherAtExtraction.stages.extraction?.supplyRisk);
    const higherAtProcessing = criticalityAssessment({
      ...base,
      stages: { extraction: stage(0.5), processing: stage(0.9) },
    });
    expect(higherAtProcessing.bottleneck).toBe('processing');
    expect(higherAtProcessing.notes).toEqual([
      'bottleneck: processing (SR 2.19 at processing, 0.79 at extraction).',
    ]);
    const tie = criticalityAssessment({
      ...base,
      stages: { extraction: stage(0.7), processing: stage(0.7) },
    });
    expect(tie.bottleneck).toBe('extraction');
    const extractionOnly = criticalityAssessment({ ...base, stages: { extraction: stage(0.7) } });
    expect(extractionOnly.bottleneck).toBe('extraction');
    expect(extractionOnly.stages.processing).toBeUndefined();
    expect(extractionOnly.notes).toEqual([]);
  });

  test('trade factors: per mix over per assessment over 1', () => {
    const result = criticalityAssessment({
      ...base,
      tradeFactor: { CHN: 1.1, MYS: 1.2 },
      stages: {
        processing: {
          globalSupply: { shares: { CHN: 0.9, MYS: 0.1 }, tradeFactor: { CHN: 1.5 } },
          euSourcing: { shares: { CHN: 0.5, JPN: 0.5 } },
          importReliance: 0.8,
        },
      },
    });
    const gs = result.stages.processing?.globalSupply;
    expect(gs?.terms.CHN?.tradeFactor).toBe(1.5);
    expect(gs?.terms.MYS?.tradeFactor).toBe(1.2);
    expect(result.stages.processing?.euSourcing?.terms.CHN?.tradeFactor).toBe(1.1);
    expect(result.stages.processing?.euSourcing?.terms.JPN?.tradeFactor).toBe(1);
    expect(gs?.hhi).toBeCloseTo(0.81 * 6 * 1.5 + 0.01 * 4 * 1.2, 14);
  });

  test('residuals, share sums and zero shares are noted, not renormalised', () => {
    const result = withStage({
      globalSupply: { shares: { CHN: 0.8, MYS: 0.1, USA: 0, other: 0.1 }, residual: ['other'] },
      euSourcing: { shares: { CHN: 0.5, JPN: 0.505 } },
    });
    const gs = result.stages.processing?.globalSupply;
    expect(gs?.hhi).toBeCloseTo(0.64 * 6 + 0.01 * 4, 14);
    expect(gs?.residualShare).toBeCloseTo(0.1, 15);
    expect(gs?.shareSum).toBeCloseTo(1, 15);
    expect(Object.keys(gs?.terms ?? {})).toEqual(['CHN', 'MYS']);
    expect(result.notes).toEqual([
      'processing: the global supply residual (10%) counts as many small producers, so its HHI is a lower bound.',
      'processing: EU sourcing shares sum to 100.5% (used as given, not renormalised).',
    ]);
  });

  test('a zero share needs no governance value, and a governed zero share is kept', () => {
    const result = withStage({
      globalSupply: { shares: { CHN: 1, AUS: 0, MYS: 0 } },
    });
    expect(Object.keys(result.stages.processing?.globalSupply?.terms ?? {})).toEqual([
      'CHN',
      'MYS',
    ]);
  });

  test('thresholds and the verdict', () => {
    const notImportant = criticalityAssessment({
      ...base,
      uses: [{ share: 0.1, valueAdded: 100 }],
    });
    expect(notImportant.economicImportance).toBeCloseTo(0.45, 14);
    expect(notImportant.meets).toEqual({ supplyRisk: true, economicImportance: false });
    expect(notImportant.critical).toBe(false);
    const lowRisk = criticalityAssessment({
      ...base,
      substitution: { supplyRisk: 0.1, economicImportance: 1 },
    });
    expect(lowRisk.meets).toEqual({ supplyRisk: false, economicImportance: true });
    expect(lowRisk.critical).toBe(false);
    const strict = criticalityAssessment({
      ...base,
      thresholds: { supplyRisk: 10, economicImportance: 0 },
    });
    expect(strict.thresholds).toEqual({ supplyRisk: 10, economicImportance: 0 });
    expect(strict.meets).toEqual({ supplyRisk: false, economicImportance: true });
    const atThreshold = criticalityAssessment({
      ...base,
      thresholds: { economicImportance: 4.5 },
      uses: [{ share: 1, valueAdded: 100 }],
      substitution: { supplyRisk: 0.5, economicImportance: 0.9 },
    });
    expect(atThreshold.thresholds).toEqual({ supplyRisk: 1, economicImportance: 4.5 });
    expect(atThreshold.meets.economicImportance).toBe(true);
    const srThreshold = criticalityAssessment({
      ...base,
      thresholds: { supplyRisk: criticalityAssessment(base).supplyRisk },
    });
    expect(srThreshold.meets.supplyRisk).toBe(true);
  });

  test('the input is copied, not mutated', () => {
    const input = structuredClone(base);
    const result = criticalityAssessment(input);
    expect(input).toEqual(base);
    (result.input.stages.processing as { importReliance: number }).importReliance = 0;
    expect(input.stages.processing?.importReliance).toBe(0.8);
  });

  test('errors name the path inside the input', () => {
    const w = (patch: object) => () =>
      criticalityAssessment({ ...base, ...patch } as CriticalityInput);
    const s = (stage: object) => w({ stages: { processing: stage } });
    const cases: [() => unknown, string][] = [
      [
        () => criticalityAssessment(null as unknown as CriticalityInput),
        'input: expected a criticality input object, got null',
      ],
      [w({ material: 3 }), 'input.material: expected a label such as "Dy", got 3'],
      [
        w({ stages: null }),
        'input.stages: expected an object with extraction and/or processing, got null',
      ],
      [
        w({ stages: { mining: {} } }),
        "input.stages.mining: expected a stage named 'extraction' or 'processing', got \"mining\"",
      ],
      [
        w({ stages: {} }),
        'input.stages: expected at least one of extraction and processing, got an object',
      ],
      [
        s({ importReliance: 1 }),
        'input.stages.processing: expected a globalSupply or euSourcing mix, got an object',
      ],
      [
        w({ stages: { processing: 5 } }),
        'input.stages.processing: expected a stage { globalSupply, euSourcing, importReliance }, got 5',
      ],
      [
        s({ globalSupply: { shares: { CHN: 1 } }, importReliance: 100 }),
        'input.stages.processing.importReliance: expected a fraction between 0 and 1, got 100',
      ],
      [
        s({ globalSupply: { shares: { China: 1 } }, importReliance: 1 }),
        'input.stages.processing.globalSupply.shares.China: expected an ISO 3166-1 alpha-3 country code such as \'CHN\', got "China"',
      ],
      [
        s({ globalSupply: { shares: { CHN: 84.9 } }, importReliance: 1 }),
        'input.stages.processing.globalSupply.shares.CHN: expected a fraction between 0 and 1, got 84.9',
      ],
      [
        s({ globalSupply: { shares: { CHN: 0.9, MYS: 0.2 } }, importReliance: 1 }),
        'input.stages.processing.globalSupply.shares: expected shares summing to at most 1.02, got 1.1',
      ],
      [
        s({
          globalSupply: { shares: { CHN: 0, other: 0.5 }, residual: ['other'] },
          importReliance: 1,
        }),
        'input.stages.processing.globalSupply.shares: expected at least one country with a positive share, got none',
      ],
      [
        s({ globalSupply: { shares: null }, importReliance: 1 }),
        'input.stages.processing.globalSupply.shares: expected a record keyed by ISO 3166-1 alpha-3 country code, got null',
      ],
      [
        s({ globalSupply: [1], importReliance: 1 }),
        'input.stages.processing.globalSupply: expected a supply mix { shares, … }, got an array of length 1',
      ],
      [
        s({ globalSupply: { shares: { CHN: 1 }, residual: 'other' }, importReliance: 1 }),
        'input.stages.processing.globalSupply.residual: expected an array of keys of shares, got "other"',
      ],
      [
        s({ globalSupply: { shares: { CHN: 1 }, residual: [3] }, importReliance: 1 }),
        'input.stages.processing.globalSupply.residual: expected an array of keys of shares, got an array of length 1',
      ],
      [
        s({ globalSupply: { shares: { CHN: 1 }, quality: 'bad' }, importReliance: 1 }),
        "input.stages.processing.globalSupply.quality: expected 'good' or 'poor', got \"bad\"",
      ],
      [
        s({ globalSupply: { shares: { CHN: 1 }, tradeFactor: { CHN: -1 } }, importReliance: 1 }),
        'input.stages.processing.globalSupply.tradeFactor.CHN: expected a positive finite number, got -1',
      ],
      [
        w({ governance: { CHN: 5 } }),
        'input.governance.MYS: expected a scaled WGI between 0 and 10, got undefined',
      ],
      [
        w({ governance: { ...governance, CHN: 11 } }),
        'input.governance.CHN: expected a scaled WGI between 0 and 10, got 11',
      ],
      [
        w({ governance: { ...governance, MYS: '4' } }),
        'input.governance.MYS: expected a scaled WGI between 0 and 10, got "4"',
      ],
      [
        w({ governance: { ...governance, chn: 5 } }),
        'input.governance.chn: expected an ISO 3166-1 alpha-3 country code such as \'CHN\', got "chn"',
      ],
      [
        w({ tradeFactor: { CHN: 0 } }),
        'input.tradeFactor.CHN: expected a positive finite number, got 0',
      ],
      [
        w({ tradeFactor: { CHN: Number.POSITIVE_INFINITY } }),
        'input.tradeFactor.CHN: expected a positive finite number, got Infinity',
      ],
      [
        w({ eolRecyclingInputRate: 6 }),
        'input.eolRecyclingInputRate: expected a fraction between 0 and 1, got 6',
      ],
      [
        w({ substitution: null }),
        'input.substitution: expected an object { supplyRisk, economicImportance }, got null',
      ],
      [
        w({ substitution: { supplyRisk: 1.2, economicImportance: 1 } }),
        'input.substitution.supplyRisk: expected a fraction between 0 and 1, got 1.2',
      ],
      [
        w({ substitution: { supplyRisk: 1, economicImportance: -1 } }),
        'input.substitution.economicImportance: expected a fraction between 0 and 1, got -1',
      ],
      [
        w({ thresholds: { supplyRisk: -1 } }),
        'input.thresholds.supplyRisk: expected a finite non-negative number, got -1',
      ],
      [
        w({ thresholds: { economicImportance: Number.NaN } }),
        'input.thresholds.economicImportance: expected a finite non-negative number, got NaN',
      ],
      [
        w({ thresholds: 2 }),
        'input.thresholds: expected an object { supplyRisk, economicImportance }, got 2',
      ],
      [w({ uses: [] }), 'input.uses: expected at least one end use, got an array of length 0'],
      [
        w({ maxValueAdded: 50 }),
        'input.uses[0].valueAdded: expected at most maxValueAdded (50), got 100',
      ],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(RareEarthsError);
      expect(f).toThrow(`criticalityAssessment: ${message}`);
    }
  });
});

describe('edges found by mutation testing', () => {
  const ok: CriticalityInput = {
    material: 'X',
    stages: { processing: { globalSupply: { shares: { CHN: 1 } }, importReliance: 1 } },
    governance: { CHN: 5 },
    eolRecyclingInputRate: 0,
    substitution: { supplyRisk: 1, economicImportance: 1 },
    uses: [{ share: 1, valueAdded: 1 }],
    maxValueAdded: 1,
  };
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return (error as RareEarthsError).code;
    }
    return undefined;
  };

  test('non-object inputs are refused with the library error', () => {
    expect(() => supplyRisk(undefined as unknown as Parameters<typeof supplyRisk>[0])).toThrow(
      'supplyRisk: input: expected an object with hhiGlobal, importReliance, …, got undefined',
    );
    expect(() =>
      economicImportance(null as unknown as Parameters<typeof economicImportance>[0]),
    ).toThrow(
      'economicImportance: input: expected an object with uses, maxValueAdded and substitutionIndex, got null',
    );
    expect(() =>
      economicImportance({
        uses: [5 as unknown as { share: number; valueAdded: number }],
        maxValueAdded: 1,
        substitutionIndex: 1,
      }),
    ).toThrow('economicImportance: input.uses[0]: expected an end use, got 5');
  });

  test('governance 0 and 10 are valid; a negative one is not', () => {
    const at = (wgi: number) =>
      criticalityAssessment({ ...ok, governance: { CHN: wgi } }).supplyRisk;
    expect(at(0)).toBe(0);
    expect(at(10)).toBe(10);
    expect(() => at(-0.5)).toThrow(
      'criticalityAssessment: input.governance.CHN: expected a scaled WGI between 0 and 10, got -0.5',
    );
  });

  test("quality 'good' may be given explicitly", () => {
    const result = criticalityAssessment({
      ...ok,
      stages: {
        processing: { globalSupply: { shares: { CHN: 1 }, quality: 'good' }, importReliance: 1 },
      },
    });
    expect(result.stages.processing?.scope).toBe('global-only');
  });

  test('residual keys must all be strings', () => {
    expect(() =>
      criticalityAssessment({
        ...ok,
        stages: {
          processing: {
            globalSupply: { shares: { CHN: 1 }, residual: ['other', 3 as unknown as string] },
            importReliance: 1,
          },
        },
      }),
    ).toThrow(
      'criticalityAssessment: input.stages.processing.globalSupply.residual: expected an array of keys of shares, got an array of length 2',
    );
  });

  test('shares may sum to exactly 1.02; errors inside EU sourcing carry its path', () => {
    const stage = (euSourcing: object) => () =>
      criticalityAssessment({
        ...ok,
        governance: { CHN: 5, MYS: 4 },
        stages: {
          processing: {
            globalSupply: { shares: { CHN: 0.51, MYS: 0.51 } },
            euSourcing: euSourcing as { shares: Record<string, number> },
            importReliance: 1,
          },
        },
      });
    expect(stage({ shares: { CHN: 1 } })).not.toThrow();
    expect(stage({ shares: { CHN: 2 } })).toThrow(
      'criticalityAssessment: input.stages.processing.euSourcing.shares.CHN: expected a fraction between 0 and 1, got 2',
    );
    expect(code(stage({ shares: { CHN: 0.6, MYS: 0.6 } }))).toBe('invalid-argument');
    expect(code(stage({ shares: { CHN: 0 } }))).toBe('invalid-argument');
    expect(
      code(() =>
        economicImportance({
          uses: [
            { share: 0.6, valueAdded: 1 },
            { share: 0.6, valueAdded: 1 },
          ],
          maxValueAdded: 1,
          substitutionIndex: 1,
        }),
      ),
    ).toBe('invalid-argument');
  });

  test('results hold no undefined fields', () => {
    const result = criticalityAssessment(ok);
    expect(Object.keys(result.stages.processing ?? {})).not.toContain('euSourcing');
    expect(Object.keys(result.economicImportanceTerms.uses[0] ?? {})).toEqual([
      'share',
      'valueAdded',
      'contribution',
    ]);
    const euOnly = criticalityAssessment({
      ...ok,
      stages: { processing: { euSourcing: { shares: { CHN: 1 } }, importReliance: 1 } },
    });
    expect(Object.keys(euOnly.stages.processing ?? {})).not.toContain('globalSupply');
  });
});
