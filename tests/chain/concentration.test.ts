import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { stageConcentration, supplyWithout } from '../../src/index.js';
import { tinyDataset } from './helpers.js';

describe('stageConcentration on the baseline, 2024', () => {
  const picture = stageConcentration(baseline, { year: 2024 });
  const byStage = Object.fromEntries(picture.stages.map((s) => [s.stage, s]));

  test('mining matches USGS MCS 2026 (expected values from numpy on the same rows)', () => {
    // numpy: shares = q / 384000 over the identified countries; Σ s² = 0.5192359971788195,
    // with the 1,000 t residual as one producer 0.5192427788628473; CR3 = 0.8971354166666667.
    const mining = byStage.mining;
    expect(mining?.table.source.id).toBe('usgs-mcs-2026');
    expect(mining?.hhi).toBeCloseTo(0.5192359971788195, 12);
    expect(mining?.hhiUpper).toBeCloseTo(0.5192427788628473, 12);
    expect(mining?.hhiPoints).toBeCloseTo(5192.359971788195, 8);
    expect(mining?.cr3).toBeCloseTo(0.8971354166666667, 12);
    expect(mining?.cr1).toBeCloseTo(0.703125, 15);
    expect(mining?.effectiveSuppliers).toBeCloseTo(1 / 0.5192359971788195, 12);
    expect(mining?.leader).toEqual({ country: 'CHN', share: 0.703125 });
    expect(mining?.band).toBe('highly concentrated');
  });

  test('separation and magnets match the IEA shares; magnets are the chokepoint', () => {
    // IEA (23 Oct 2025): China 91% of separation, 94% of magnets; 0.91² = 0.8281, 0.94² = 0.8836.
    expect(byStage.separation?.hhi).toBeCloseTo(0.8281, 12);
    expect(byStage.separation?.hhiUpper).toBeCloseTo(0.8362, 12);
    expect(byStage.magnet?.hhi).toBeCloseTo(0.8836, 12);
    expect(byStage.magnet?.residualShare).toBeCloseTo(0.06, 12);
    expect(picture.chokepoint?.stage).toBe('magnet');
    expect(picture.chokepoint?.next?.stage).toBe('separation');
    expect(picture.chokepoint?.next?.margin).toBeCloseTo(0.0555, 12);
  });

  test('the metal stage is reported missing, with the reason', () => {
    expect(picture.missing).toEqual([
      {
        stage: 'metal',
        reason: 'the dataset has no production at the metal stage (all rare earths)',
      },
    ]);
  });

  test("'exact' drops stages whose latest data is older; 'latest' keeps them with their year", () => {
    const exact = stageConcentration(baseline, { year: 2025, yearMatch: 'exact' });
    expect(exact.stages.map((s) => s.stage)).toEqual(['mining']);
    const latest = stageConcentration(baseline, { year: 2025 });
    expect(latest.stages.map((s) => [s.stage, s.table.year])).toEqual([
      ['mining', 2025],
      ['separation', 2024],
      ['magnet', 2024],
    ]);
  });

  test('element scoping reaches the EU tables', () => {
    const dy = stageConcentration(baseline, { year: 2023, element: 'Dy' });
    const separation = dy.stages.find((s) => s.stage === 'separation');
    expect(separation?.table.source.id).toBe('eu-crm-2023');
    expect(separation?.cr1).toBe(1);
  });
});

describe('stageConcentration on hand-built data', () => {
  test('a single stage has a chokepoint without a next stage; none has none', () => {
    const data = tinyDataset();
    const one = stageConcentration(
      { ...data, stageOutputs: (data.stageOutputs ?? []).filter((o) => o.stage === 'mining') },
      { year: 2024 },
    );
    expect(one.chokepoint).toEqual({ stage: 'mining', hhi: one.stages[0]?.hhi });
    const none = stageConcentration({ ...data, stageOutputs: [] }, { year: 2024 });
    expect(none.chokepoint).toBeUndefined();
    expect(none.missing).toHaveLength(4);
  });

  test('bad options', () => {
    expect(() => stageConcentration(baseline, { year: Number.NaN })).toThrow(
      'stageConcentration: options.year: expected an integer of at least 1900, got NaN',
    );
    expect(() => stageConcentration(baseline, undefined as never)).toThrow(
      'stageConcentration: options: expected an options object { year }, got undefined',
    );
  });
});

describe('supplyWithout', () => {
  test('ex-China 2024: magnets limit the chain at 6% of world output', () => {
    const exChina = supplyWithout(baseline, { excluded: ['CHN'], year: 2024 });
    expect(exChina.stages.map((s) => [s.stage, s.shareOutside])).toEqual([
      ['mining', expect.closeTo(1 - 0.703125, 12)],
      ['separation', expect.closeTo(0.09, 12)],
      ['magnet', expect.closeTo(0.06, 12)],
    ]);
    expect(exChina.limiting?.stage).toBe('magnet');
    expect(exChina.missing).toEqual(['metal']);
  });

  test('excluding several countries, and bad lists', () => {
    const without = supplyWithout(baseline, { excluded: ['CHN', 'MMR'], year: 2024 });
    expect(without.stages[0]?.shareOutside).toBeCloseTo(1 - (270000 + 27000) / 384000, 12);
    expect(() => supplyWithout(baseline, { excluded: [], year: 2024 })).toThrow(
      'supplyWithout: options.excluded: expected a non-empty array of country codes, got an array of length 0',
    );
    expect(() => supplyWithout(baseline, { excluded: ['China'], year: 2024 })).toThrow(
      'supplyWithout: options.excluded[0]: expected an ISO alpha-3 country code, got "China"',
    );
    expect(() => supplyWithout(baseline, null as never)).toThrow('supplyWithout: options');
  });
});
