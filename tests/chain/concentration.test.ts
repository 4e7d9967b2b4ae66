import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  type Dataset,
  type StageOutput,
  stageConcentration,
  supplyWithout,
} from '../../src/index.js';
import { tinyDataset, tonnesRow } from './helpers.js';

describe('stageConcentration on the baseline, 2024', () => {
  // Computed inside each test (not at collection time), so that each test exercises the code.
  const compute = () => {
    const picture = stageConcentration(baseline, { year: 2024 });
    return { picture, byStage: Object.fromEntries(picture.stages.map((s) => [s.stage, s])) };
  };

  test('mining matches USGS MCS 2026 (expected values from numpy on the same rows)', () => {
    const { byStage } = compute();
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
    const { picture, byStage } = compute();
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
    const { picture } = compute();
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

// Rows added to the tiny dataset: a metal capacity table (capacity never answers production) and
// a magnet table scoped to Dy (never used for a total, nor for another element).
const reported = (source: string) => ({ source, tag: 'reported' as const });
function tonnes(
  stage: StageOutput['stage'],
  country: string,
  amount: number | string,
  measure: StageOutput['measure'] = 'production',
  year = 2024,
): StageOutput {
  return tonnesRow(stage, country, year, amount, 'new', measure);
}

function extended(): Dataset {
  const data = tinyDataset();
  return {
    ...data,
    stageOutputs: [
      ...(data.stageOutputs ?? []),
      tonnes('metal', 'CHN', 100, 'capacity', 2020),
      {
        stage: 'magnet',
        country: 'CHN',
        year: 2020,
        measure: 'production',
        share: 0.99,
        elements: ['Dy'],
        provenance: reported('eu'),
      },
    ],
  };
}
const only = (rows: StageOutput[]): Dataset => ({ ...tinyDataset(), stageOutputs: rows });

describe('stageConcentration: why a stage is missing', () => {
  test("'exact': the years that do have data", () => {
    const picture = stageConcentration(extended(), { year: 2023, yearMatch: 'exact' });
    expect(picture.stages.map((s) => [s.stage, s.table.source.id])).toEqual([
      ['separation', 'new'],
    ]);
    expect(picture.missing).toEqual([
      {
        stage: 'mining',
        reason:
          'the dataset has production at the mining stage (all rare earths) for 2022, 2024, none for 2023',
      },
      {
        stage: 'metal',
        reason: 'the dataset has no production at the metal stage (all rare earths)',
      },
      {
        stage: 'magnet',
        reason: 'the dataset has no production at the magnet stage (all rare earths)',
      },
    ]);
  });

  test("'latest': none at or before the year", () => {
    const picture = stageConcentration(extended(), { year: 2021 });
    expect(picture.stages).toEqual([]);
    expect(picture.chokepoint).toBeUndefined();
    expect(picture.missing.map((m) => m.reason)).toEqual([
      'the dataset has production at the mining stage (all rare earths) for 2022, 2024, none at or before 2021',
      'the dataset has production at the separation stage (all rare earths) for 2023, none at or before 2021',
      'the dataset has no production at the metal stage (all rare earths)',
      'the dataset has no production at the magnet stage (all rare earths)',
    ]);
  });

  test('with an element: only tables scoped to it count; totals are never relabelled (issue 15, finding 3)', () => {
    const dy = stageConcentration(extended(), { year: 2019, element: 'Dy' });
    expect(dy.missing.map((m) => m.reason)).toEqual([
      'the dataset has no production at the mining stage (Dy)',
      'the dataset has no production at the separation stage (Dy)',
      'the dataset has no production at the metal stage (Dy)',
      'the dataset has production at the magnet stage (Dy) for 2020, none at or before 2019',
    ]);
    // In 2024 the mining total of 2024 would answer had it been Dy's: the reason says it is not.
    const dy2024 = stageConcentration(extended(), { year: 2024, element: 'Dy' });
    expect(dy2024.stages.map((s) => [s.stage, s.table.year])).toEqual([['magnet', 2020]]);
    expect(dy2024.missing.map((m) => m.reason)).toEqual([
      'the dataset has no production at the mining stage (Dy); its tables of all rare earths (2022, 2024) are not relabelled as Dy',
      'the dataset has no production at the separation stage (Dy); its tables of all rare earths (2023) are not relabelled as Dy',
      'the dataset has no production at the metal stage (Dy)',
    ]);
    // The magnet table of 2020 stands for 2024: stated as a fallback year.
    expect(dy2024.stages[0]?.table.choice.fallbackYear).toEqual({
      requested: 2024,
      used: 2020,
      why: 'the 2020 table (eu) stands for 2024, the latest production table at the magnet stage (Dy) at or before it',
    });
    const nd = stageConcentration(extended(), { year: 2019, element: 'Nd' });
    expect(nd.missing.map((m) => m.reason)).toEqual([
      'the dataset has no production at the mining stage (Nd)',
      'the dataset has production at the separation stage (Nd) for 2023, none at or before 2019',
      'the dataset has no production at the metal stage (Nd)',
      'the dataset has no production at the magnet stage (Nd)',
    ]);
  });

  test('an error other than not-found is not hidden as a missing stage', () => {
    const broken = only([tonnes('mining', 'CHN', 'lots')]);
    expect(() => stageConcentration(broken, { year: 2024 })).toThrow(/^massFromJSON: amount/);
  });
});

describe('stageConcentration: the figures of each stage (worked by hand)', () => {
  test('tiny 2024: mining from quantities, separation from shares; the chokepoint and margin', () => {
    const picture = stageConcentration(tinyDataset(), { year: 2024 });
    const [mining, separation] = picture.stages;
    // Mining ('new', 2024): CHN 270, USA 45, AUS 30 and other 15 of 360 t.
    // HHI lower bound = (270² + 45² + 30²) / 360² = 75825 / 129600.
    const miningHhi = 75825 / 129600;
    expect(mining?.stage).toBe('mining');
    expect(mining?.hhi).toBeCloseTo(miningHhi, 12);
    expect(mining?.hhiUpper).toBeCloseTo((75825 + 225) / 129600, 12);
    expect(mining?.cr1).toBe(0.75);
    expect(mining?.cr3).toBeCloseTo((270 + 45 + 30) / 360, 15);
    expect(mining?.effectiveSuppliers).toBeCloseTo(129600 / 75825, 12);
    expect(mining?.leader).toEqual({ country: 'CHN', share: 0.75 });
    expect(mining?.residualShare).toBeCloseTo(15 / 360, 15);
    // Separation ('new', 2023, the latest at or before 2024): CHN 0.92 and a remainder of 0.08.
    expect(separation?.stage).toBe('separation');
    expect(separation?.table.year).toBe(2023);
    expect(separation?.hhi).toBeCloseTo(0.8464, 12);
    expect(separation?.cr1).toBe(0.92);
    expect(separation?.cr3).toBe(0.92); // the residual is not a supplier
    expect(picture.chokepoint).toEqual({
      stage: 'separation',
      hhi: separation?.hhi,
      next: { stage: 'mining', margin: expect.closeTo(0.8464 - miningHhi, 12) },
    });
  });

  test('three equal countries and a large residual: moderately concentrated', () => {
    // 20 t each for AUS, CHN, USA and 40 t other: HHI 3 × 0.2² = 0.12 (1,200 points).
    const picture = stageConcentration(
      only([
        tonnes('magnet', 'USA', 20),
        tonnes('magnet', 'other', 40),
        tonnes('magnet', 'CHN', 20),
        tonnes('magnet', 'AUS', 20),
      ]),
      { year: 2024 },
    );
    const [magnet] = picture.stages;
    expect(magnet?.hhi).toBeCloseTo(0.12, 12);
    expect(magnet?.hhiUpper).toBeCloseTo(0.28, 12);
    expect(magnet?.hhiPoints).toBeCloseTo(1200, 8);
    expect(magnet?.band).toBe('moderately concentrated');
    expect(magnet?.cr1).toBe(0.2);
    expect(magnet?.cr3).toBeCloseTo(0.6, 15);
    expect(magnet?.effectiveSuppliers).toBeCloseTo(1 / 0.12, 10);
    // Ties are broken by country code.
    expect(magnet?.leader).toEqual({ country: 'AUS', share: 0.2 });
    expect(magnet?.residualShare).toBe(0.4);
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

test('a stage whose table names no producing country is missing, with the reason', () => {
  const data = tinyDataset();
  const onlyOther = {
    ...data,
    stageOutputs: (data.stageOutputs ?? []).filter(
      (row) => row.stage !== 'separation' || row.country === 'other',
    ),
  };
  const picture = stageConcentration(onlyOther, { year: 2024, element: 'Nd' });
  // Mining has only a total, which does not answer for Nd.
  expect(picture.stages.map((s) => s.stage)).toEqual([]);
  expect(picture.missing).toContainEqual({
    stage: 'separation',
    reason: 'the separation table of eu names no producing country, only "other"',
  });
});
