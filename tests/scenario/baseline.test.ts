// A scenario without interventions reproduces the baseline exactly, over any horizon: the
// reference-year tables carried forward unchanged, the same stage HHIs as stageConcentration, and
// neutral interventions (a cut of 0, a capacity change of 0 t) leave every row as it was.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { evaluate, type Intervention, type Scenario, stageConcentration } from '../../src/index.js';

const span = fc
  .tuple(fc.integer({ min: 2024, max: 2045 }), fc.integer({ min: 0, max: 15 }))
  .map(([from, length]) => ({ from, to: from + length }));

const none = (over: { from: number; to: number }): Scenario => ({
  id: 'none',
  name: 'No interventions',
  horizon: over,
  interventions: [],
});

describe('evaluate with no interventions', () => {
  test('every year carries the reference tables forward unchanged (property)', () => {
    fc.assert(
      fc.property(span, (over) => {
        const { rows, referenceYear } = evaluate(baseline, none(over));
        const supply = rows.filter((r) => r.variable.startsWith('Supply'));
        const first = supply.filter((r) => r.year === over.from);
        expect(first.length).toBeGreaterThan(0);
        for (let year = over.from + 1; year <= over.to; year++) {
          const same = supply
            .filter((r) => r.year === year)
            .map((r) => ({ ...r, year: over.from }));
          expect(same).toEqual(first);
        }
        // The stage HHIs are the stageConcentration of the reference year.
        const picture = stageConcentration(baseline, { year: referenceYear });
        for (const stage of picture.stages) {
          const row = rows.find(
            (r) =>
              r.variable === 'Concentration|HHI' &&
              r.stage === stage.stage &&
              r.year === over.to &&
              r.region === 'World',
          );
          expect(row?.value).toBeCloseTo(stage.hhiPoints, 9);
        }
      }),
      { numRuns: 20 },
    );
  });

  test('neutral interventions change no row, byte for byte (property)', () => {
    fc.assert(
      fc.property(span, fc.constantFrom('CHN', 'MYS', 'AUS'), (over, country) => {
        const neutral: Intervention[] = [
          { kind: 'exportRestriction', id: 'zero-cut', country, cut: 0, from: over.from },
          {
            kind: 'capacityChange',
            id: 'zero-capacity',
            // A country already at the stage: elsewhere a change of 0 t lists it with 0 t supply.
            country: 'CHN',
            stage: 'separation',
            change: { amount: 0, unit: 't', basis: 'REO' },
            ramp: { from: over.from, to: over.to },
          },
        ];
        const base = evaluate(baseline, none(over));
        const withNeutral = evaluate(baseline, { ...none(over), interventions: neutral });
        expect(JSON.stringify(withNeutral.rows)).toBe(JSON.stringify(base.rows));
      }),
      { numRuns: 20 },
    );
  });
});
