// fast-check generators of scenarios on the small dataset (tests/scenario/fixtures.ts).
import fc from 'fast-check';
import type { ElementSymbol, Intervention, Scenario, Stage } from '../../src/index.js';

const restriction = fc.record(
  {
    kind: fc.constant('exportRestriction' as const),
    id: fc.constantFrom('r1', 'r2', 'r3'),
    country: fc.constantFrom('CHN', 'MYS', 'JPN'),
    elements: fc.subarray(['Nd', 'Tb', 'Dy', 'Y'] as ElementSymbol[], { minLength: 1 }),
    stages: fc.subarray(['mining', 'separation', 'metal'] as Stage[], { minLength: 1 }),
    partners: fc.subarray(['USA', 'EU27'], { minLength: 1 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    from: fc.integer({ min: 2024, max: 2030 }),
  },
  { requiredKeys: ['kind', 'id', 'country', 'cut', 'from'] },
);

const capacity = fc
  .record({
    id: fc.constantFrom('c1', 'c2'),
    country: fc.constantFrom('AUS', 'USA', 'MYS', 'JPN'),
    stage: fc.constantFrom('mining', 'separation', 'magnet') as fc.Arbitrary<Stage>,
    amount: fc.integer({ min: -300, max: 800 }),
    start: fc.integer({ min: 2024, max: 2029 }),
    length: fc.integer({ min: 0, max: 4 }),
  })
  .map(
    ({ id, country, stage, amount, start, length }): Intervention => ({
      kind: 'capacityChange',
      id,
      country,
      stage,
      change: { amount, unit: 't', basis: 'REO' },
      ramp: { from: start, to: Math.min(2030, start + length) },
    }),
  );

const stockpile = fc
  .record({ initial: fc.integer({ min: 0, max: 100 }), most: fc.integer({ min: 1, max: 40 }) })
  .map(
    ({ initial, most }): Intervention => ({
      kind: 'stockpile',
      id: 's1',
      holder: 'USA',
      elements: ['Dy'],
      initial: { amount: initial, unit: 't', basis: 'REO' },
      release: {
        maxPerYear: { amount: most, unit: 't', basis: 'REO' },
        trigger: 'shortfall',
        from: 2024,
      },
    }),
  );

/** A list of interventions with unique ids. */
export const interventions = fc.uniqueArray(
  fc.oneof(restriction as fc.Arbitrary<Intervention>, capacity, stockpile),
  { selector: (i) => i.id, maxLength: 5 },
);

/** A scenario over 2024–2030 on the small dataset. */
export const scenario = (id: string): fc.Arbitrary<Scenario> =>
  interventions.map((list) => ({
    id,
    name: id,
    horizon: { from: 2024, to: 2030 },
    interventions: list,
  }));
