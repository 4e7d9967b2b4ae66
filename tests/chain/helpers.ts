// A small hand-built dataset for the chain tests: two sources, shares and quantities, a
// residual row, element-scoped tables and facilities with feedstock links.
import type { Dataset, StageOutput } from '../../src/index.js';

const reported = (source: string) => ({ source, tag: 'reported' as const });

/** A stage output in tonnes of REO, reported by `source`. */
export function tonnesRow(
  stage: StageOutput['stage'],
  country: string,
  year: number,
  amount: number | string,
  source: string,
  measure: StageOutput['measure'] = 'production',
): StageOutput {
  return {
    stage,
    country,
    year,
    measure,
    quantity: { amount, unit: 't', basis: 'REO' },
    provenance: reported(source),
  };
}
/** A stage output as a published share, reported by `source`, optionally for some elements. */
export function shareRow(
  stage: StageOutput['stage'],
  country: string,
  year: number,
  share: number,
  source: string,
  elements?: StageOutput['elements'],
): StageOutput {
  return {
    stage,
    country,
    year,
    measure: 'production',
    share,
    provenance: reported(source),
    ...(elements === undefined ? {} : { elements }),
  };
}

export function tinyDataset(): Dataset {
  return {
    schemaVersion: 1,
    name: 'tiny',
    sources: [
      { id: 'old', title: 'Old edition', publisher: 'P', year: 2025, published: '2025-01' },
      { id: 'new', title: 'New edition', publisher: 'P', year: 2026, published: '2026-02' },
      { id: 'eu', title: 'EU shares', publisher: 'EC', year: 2023 },
    ],
    countries: ['CHN', 'USA', 'AUS', 'MYS', 'JPN'].map((code) => ({ code, name: code })),
    stageOutputs: [
      tonnesRow('mining', 'CHN', 2024, 240, 'old'),
      tonnesRow('mining', 'USA', 2024, 60, 'old'),
      tonnesRow('mining', 'CHN', 2024, 270, 'new'),
      tonnesRow('mining', 'USA', 2024, 45, 'new'),
      tonnesRow('mining', 'AUS', 2024, 30, 'new'),
      tonnesRow('mining', 'other', 2024, 15, 'new'),
      tonnesRow('mining', 'CHN', 2022, 200, 'old'),
      shareRow('separation', 'CHN', 2023, 0.92, 'new'),
      shareRow('separation', 'CHN', 2023, 0.849, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
      shareRow('separation', 'MYS', 2023, 0.105, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
      shareRow('separation', 'other', 2023, 0.05, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
    ],
  };
}
