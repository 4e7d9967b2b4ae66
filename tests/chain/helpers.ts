// A small hand-built dataset for the chain tests: two sources, shares and quantities, a
// residual row, element-scoped tables and facilities with feedstock links.
import type { Dataset, StageOutput } from '../../src/index.js';

const reported = (source: string) => ({ source, tag: 'reported' as const });

function q(
  stage: StageOutput['stage'],
  country: string,
  year: number,
  amount: number,
  source: string,
): StageOutput {
  return {
    stage,
    country,
    year,
    measure: 'production',
    quantity: { amount, unit: 't', basis: 'REO' },
    provenance: reported(source),
  };
}
function s(
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
      q('mining', 'CHN', 2024, 240, 'old'),
      q('mining', 'USA', 2024, 60, 'old'),
      q('mining', 'CHN', 2024, 270, 'new'),
      q('mining', 'USA', 2024, 45, 'new'),
      q('mining', 'AUS', 2024, 30, 'new'),
      q('mining', 'other', 2024, 15, 'new'),
      q('mining', 'CHN', 2022, 200, 'old'),
      s('separation', 'CHN', 2023, 0.92, 'new'),
      s('separation', 'CHN', 2023, 0.849, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
      s('separation', 'MYS', 2023, 0.105, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
      s('separation', 'other', 2023, 0.05, 'eu', ['La', 'Ce', 'Pr', 'Nd', 'Sm']),
    ],
  };
}
