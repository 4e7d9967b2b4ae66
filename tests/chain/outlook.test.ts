import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  type Dataset,
  RareEarthsError,
  type StageOutlook,
  safeParseDataset,
  stageOutlook,
  stageShares,
} from '../../src/index.js';

const outlook = (
  country: string,
  share: number,
  extra: Partial<StageOutlook> = {},
): StageOutlook => ({
  stage: 'separation',
  country,
  year: 2030,
  case: 'base case',
  measure: 'production',
  share,
  provenance: { source: 'iea-gcmo-2024', tag: 'reported' },
  ...extra,
});
const withOutlooks = (outlooks: StageOutlook[]): Dataset => ({ ...baseline, outlooks });

describe('stageOutlook on the baseline (IEA GCMO 2024, as summarised by SEAISI, 2024-06-03)', () => {
  test('refined output in 2030: China 77%, Malaysia 12%, Australia 3%, the named three 92%', () => {
    const table = stageOutlook(baseline, { stage: 'separation', year: 2030 });
    expect(table.rows).toEqual([
      { country: 'CHN', share: 0.77 },
      { country: 'MYS', share: 0.12 },
      { country: 'AUS', share: 0.03 },
      { country: 'other', share: expect.closeTo(0.08, 12) },
    ]);
    // The IEA gives the three together as 92% in 2030.
    expect(table.publishedShareSum).toBeCloseTo(0.92, 12);
    // By hand: upper 0.77² + 0.12² + 0.03² + 0.08² = 0.6146; lower without the remainder 0.6082.
    expect(table.hhi.upper).toBeCloseTo(0.6146, 12);
    expect(table.hhi.lower).toBeCloseTo(0.6082, 12);
    expect(table).toMatchObject({ stage: 'separation', year: 2030, case: 'base case' });
    expect(table.source.id).toBe('iea-gcmo-2024');
    expect(table.note).toContain('a projection, not recorded output');
  });

  test('mining in 2030: China 54%, Australia 18%, Myanmar 9%, the top three 81% as the IEA says', () => {
    const table = stageOutlook(baseline, { stage: 'mining', year: 2030 });
    expect(table.rows.map((r) => r.country)).toEqual(['CHN', 'AUS', 'MMR', 'other']);
    expect(table.publishedShareSum).toBeCloseTo(0.81, 12);
    expect(table.residualShare).toBeCloseTo(0.19, 12);
  });

  test("'refining' is read as separation", () => {
    expect(stageOutlook(baseline, { stage: 'refining', year: 2030 }).stage).toBe('separation');
  });

  test('recorded-output functions never read an outlook as output', () => {
    expect(() =>
      stageShares(baseline, { stage: 'separation', year: 2030, yearMatch: 'exact' }),
    ).toThrow(RareEarthsError);
  });
});

describe('stageOutlook refuses to guess', () => {
  test('no outlook for the year: not-found, listing what the dataset projects', () => {
    expect(() => stageOutlook(baseline, { stage: 'magnet', year: 2030 })).toThrow(
      /expected an outlook of magnet for 2030, but dataset\.outlooks holds mining 2030 \(base case, iea-gcmo-2024\), separation 2030 \(base case, iea-gcmo-2024\)/,
    );
    expect(() =>
      stageOutlook({ ...baseline, outlooks: [] }, { stage: 'mining', year: 2030 }),
    ).toThrow(/dataset\.outlooks holds none/);
  });

  test('two cases for the same year: the caller must choose; the choice is honoured', () => {
    const data = withOutlooks([
      outlook('CHN', 0.77),
      outlook('CHN', 0.7, { case: 'diversified' }),
      outlook('MYS', 0.2, { case: 'diversified' }),
    ]);
    expect(() => stageOutlook(data, { stage: 'separation', year: 2030 })).toThrow(
      /one of the outlooks that match \(iea-gcmo-2024: base case; iea-gcmo-2024: diversified\)/,
    );
    const chosen = stageOutlook(data, { stage: 'separation', year: 2030, case: 'diversified' });
    expect(chosen.rows.map((r) => r.country)).toEqual(['CHN', 'MYS', 'other']);
    expect(chosen.publishedShareSum).toBeCloseTo(0.9, 12);
  });

  test('an outlook of tonnages only is refused for shares', () => {
    const { share: _share, ...shape } = outlook('CHN', 0);
    const tonnes: StageOutlook = { ...shape, quantity: { amount: 100, unit: 't', basis: 'REO' } };
    expect(() => stageOutlook(withOutlooks([tonnes]), { stage: 'separation', year: 2030 })).toThrow(
      /it holds tonnages only/,
    );
  });

  test('element-scoped outlooks answer only an element request', () => {
    const data = withOutlooks([outlook('CHN', 0.99, { elements: ['Dy', 'Tb'] })]);
    expect(() => stageOutlook(data, { stage: 'separation', year: 2030 })).toThrow(RareEarthsError);
    expect(
      stageOutlook(data, { stage: 'separation', year: 2030, elements: ['Tb', 'Dy'] }).elements,
    ).toEqual(['Dy', 'Tb']);
  });

  test('bad options are named', () => {
    expect(() => stageOutlook(baseline, { stage: 'smelting' as never, year: 2030 })).toThrow(
      /options\.stage/,
    );
    expect(() => stageOutlook(baseline, { stage: 'mining', year: 2030.5 })).toThrow(
      /options\.year/,
    );
    expect(() => stageOutlook(baseline, null as never)).toThrow(/options/);
  });

  test('the dataset is not mutated', () => {
    const before = JSON.stringify(baseline.outlooks);
    stageOutlook(baseline, { stage: 'separation', year: 2030 });
    expect(JSON.stringify(baseline.outlooks)).toBe(before);
  });
});

describe('outlooks at the boundary', () => {
  test('the shares of one outlook may not sum above 1, and sources must exist', () => {
    const result = safeParseDataset(
      withOutlooks([
        outlook('CHN', 0.8),
        outlook('MYS', 0.3),
        outlook('AUS', 0.1, { provenance: { source: 'nobody', tag: 'reported' } }),
      ]),
    );
    expect(result.success).toBe(false);
    const lines = result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^outlooks\.2\.provenance\.source: /),
      'outlooks.0.share: expected the shares of one table to sum to at most 1, got 1.1',
    ]);
  });
});
