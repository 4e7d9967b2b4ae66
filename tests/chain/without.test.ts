// supplyWithout on the hand-built tiny dataset: which table each stage reads (element scope,
// measure), the share outside the excluded countries, the limiting stage, and refusals.
import { describe, expect, test } from 'vitest';
import { supplyWithout } from '../../src/index.js';
import { refusalMessage } from '../support/refusal.js';
import { tinyDataset } from './helpers.js';

describe('supplyWithout on the tiny dataset', () => {
  test('all rare earths: the newest tables; separation limits at 8% outside China', () => {
    const result = supplyWithout(tinyDataset(), { excluded: ['CHN'], year: 2024 });
    // Mining 2024 ('new'): CHN 270 of 360 t, so (45 + 30 + 15) / 360 = 0.25 is outside China.
    // Separation ('new', 2023, latest at or before 2024): CHN 0.92, so 0.08 outside.
    expect(result.stages.map((s) => [s.stage, s.table.source.id])).toEqual([
      ['mining', 'new'],
      ['separation', 'new'],
    ]);
    expect(result.stages[0]?.shareOutside).toBeCloseTo(0.25, 12);
    expect(result.stages[1]?.shareOutside).toBeCloseTo(0.08, 12);
    expect(result.missing).toEqual(['metal', 'magnet']);
    expect(result.limiting).toEqual({
      stage: 'separation',
      shareOutside: result.stages[1]?.shareOutside,
    });
  });

  test('an element picks the tables that cover it: the EU shares for Nd at separation', () => {
    const result = supplyWithout(tinyDataset(), { excluded: ['CHN'], year: 2024, element: 'Nd' });
    const separation = result.stages.find((s) => s.stage === 'separation');
    expect(separation?.table.source.id).toBe('eu');
    expect(separation?.table.elements).toContain('Nd');
    // EU shares CHN 0.849, MYS 0.105, other 0.05, taken of their sum 1.004: 0.155 / 1.004.
    expect(separation?.shareOutside).toBeCloseTo(0.155 / 1.004, 12);
    expect(result.limiting?.stage).toBe('separation');
  });

  test('a measure with no rows leaves every stage missing and no limiting stage', () => {
    const result = supplyWithout(tinyDataset(), {
      excluded: ['CHN'],
      year: 2024,
      measure: 'capacity',
    });
    expect(result).toEqual({
      excluded: ['CHN'],
      year: 2024,
      stages: [],
      missing: ['mining', 'separation', 'metal', 'magnet'],
    });
  });

  test('the excluded list is copied, not kept or changed', () => {
    const excluded = ['CHN', 'USA'];
    const result = supplyWithout(tinyDataset(), { excluded, year: 2024 });
    expect(result.excluded).toEqual(['CHN', 'USA']);
    expect(result.excluded).not.toBe(excluded);
    // Mining without China and the US: (30 + 15) / 360.
    expect(result.stages[0]?.shareOutside).toBeCloseTo(45 / 360, 12);
  });

  test('refusals name the option', () => {
    const data = tinyDataset();
    expect(refusalMessage(() => supplyWithout(data, null as never))).toBe(
      'supplyWithout: options: expected an options object { excluded, year }, got null',
    );
    for (const code of ['chn', 'CHNA', 'XCHN', 'CH']) {
      expect(
        refusalMessage(() => supplyWithout(data, { excluded: ['USA', code], year: 2024 })),
      ).toBe(
        `supplyWithout: options.excluded[1]: expected an ISO alpha-3 country code, got "${code}"`,
      );
    }
    expect(refusalMessage(() => supplyWithout(data, { excluded: ['CHN'], year: 1800 }))).toContain(
      'supplyWithout: options.year:',
    );
  });
});
