import { expectTypeOf, test } from 'vitest';
import {
  type ConcentrationBand,
  type CriticalityAssessment,
  concentrationBand,
  criticalityAssessment,
  type HhiChange,
  hhi,
  hhiChange,
  shares,
} from '../../src/index.js';

test('shares and hhiChange keep the input shape in their types', () => {
  expectTypeOf(shares([1, 2])).toEqualTypeOf<number[]>();
  expectTypeOf(shares({ CHN: 1 })).toEqualTypeOf<Record<string, number>>();
  expectTypeOf(hhiChange([1], [2])).toEqualTypeOf<HhiChange<number[]>>();
  expectTypeOf(hhiChange({ a: 1 }, { b: 1 })).toEqualTypeOf<HhiChange<Record<string, number>>>();
  expectTypeOf(hhi({ CHN: 1 })).toEqualTypeOf<number>();
  expectTypeOf(concentrationBand(2600)).toEqualTypeOf<ConcentrationBand>();
});

test('options are checked at compile time', () => {
  // @ts-expect-error scale is 'fraction' or 'points'
  hhi([1], { scale: 'percent' });
  // @ts-expect-error guidelines are named
  concentrationBand(1, { guidelines: 'uk' });
  // @ts-expect-error a supply is numbers, not strings
  hhi(['1']);
});

test('criticalityAssessment takes a typed input and returns the full result', () => {
  expectTypeOf(criticalityAssessment).returns.toEqualTypeOf<CriticalityAssessment>();
  criticalityAssessment({
    material: 'Tb',
    stages: { processing: { globalSupply: { shares: { CHN: 1 } }, importReliance: 1 } },
    governance: { CHN: 5.676 },
    eolRecyclingInputRate: 0.06,
    substitution: { supplyRisk: 0.92, economicImportance: 0.84 },
    uses: [{ share: 1, valueAdded: 1 }],
    maxValueAdded: 1,
    // @ts-expect-error thresholds have no other keys
    thresholds: { supplyRisk: 1, economicImportance: 2.8, extra: 1 },
  });
});
