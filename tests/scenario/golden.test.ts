// Golden files of the scenario engine: the evaluation of every preset on the baseline, a set of
// scenarios on the test suite's small dataset that between them take every path of the evaluator
// (stockpiles, demand growth, recycling defaults, substitution, compositions, partner and
// every-partner restrictions, capacity at a stage not evaluated), and diffs and attributions of
// presets. Each is serialised and compared byte for byte with the file committed under golden/, so
// that a refactoring of the engine that changes one digit, one row's order or one assumption's text
// fails here. The files were written by the engine as it stood before the scenario steps were
// split out of evaluate.ts; after a deliberate change of the model, rewrite them with
// REGEN=1 npx vitest run tests/scenario/golden.test.ts and review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  attribute,
  type Dataset,
  diffScenarios,
  type EvaluateOptions,
  evaluate,
  type Intervention,
  type Scenario,
} from '../../src/index.js';
import { answer, empty, small } from './fixtures.js';

/**
 * Valid JSON, one top-level key a line and one array element a line (compact), so that a change
 * shows as a readable diff of the file.
 */
function serialise(value: object): string {
  const lines = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) =>
      Array.isArray(v) && v.length > 0
        ? `${JSON.stringify(key)}: [\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n]`
        : `${JSON.stringify(key)}: ${JSON.stringify(v)}`,
    );
  return `{\n${lines.join(',\n')}\n}\n`;
}

function golden(name: string, value: object): void {
  const text = serialise(value);
  // The serialisation loses nothing: read back, it is the value itself.
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  const file = resolve(__dirname, 'golden', `${name}.json`);
  if (process.env.REGEN === '1') writeFileSync(file, text);
  expect(readFileSync(file, 'utf8')).toBe(text);
}

const byId = (id: string) => presets.find((p) => p.id === id) as Scenario;
const controls = byId('china-export-controls-2025');
const set = { scenarios: presets };

describe('golden: every preset on the baseline', () => {
  for (const preset of presets) {
    test(preset.id, () => golden(`preset-${preset.id}`, evaluate(baseline, preset, set)));
  }
});

describe('golden: diffs and attributions of presets', () => {
  const none: Scenario = { ...controls, id: 'none', interventions: [] };
  test('diff: no interventions → the 2025 controls', () => {
    golden(
      'diff-none-controls',
      diffScenarios(evaluate(baseline, none), evaluate(baseline, controls)),
    );
  });
  test('diff: the 2025 controls → their extension', () => {
    const extended = byId('china-export-controls-2025-extended');
    golden(
      'diff-controls-extended',
      diffScenarios(evaluate(baseline, controls), evaluate(baseline, extended, set)),
    );
  });
  test('attribution: US yttrium balance 2030, no interventions → the extended controls', () => {
    const extended = byId('china-export-controls-2025-extended');
    const metric = { variable: 'Balance', region: 'USA', element: 'Y', year: 2030 };
    golden('attribute-extended-balance', attribute(baseline, none, extended, { metric, ...set }));
  });
  test('attribution: separation HHI 2035, no interventions → the allied build-out', () => {
    const allied = byId('allied-build-out-2025-2035');
    const metric = { variable: 'Concentration|HHI', stage: 'separation' as const, year: 2035 };
    golden(
      'attribute-allied-hhi',
      attribute(baseline, { ...none, horizon: allied.horizon }, allied, { metric }),
    );
  });
});

const scenario = (id: string, interventions: Intervention[]): Scenario => ({
  ...empty(id),
  interventions,
});

const onlyTb: Intervention = {
  kind: 'exportRestriction',
  id: 'only-tb',
  country: 'CHN',
  elements: ['Tb'],
  cut: 1,
  from: 2025,
};

const offsets: Intervention[] = [
  {
    kind: 'recyclingPolicy',
    id: 'rec',
    application: 'permanent-magnets',
    from: 2024,
    collectionRate: 0.5,
    lifetime: { kind: 'fixed', mean: 1 },
  },
  {
    kind: 'substitution',
    id: 'sub',
    application: 'permanent-magnets',
    substitute: 'ferrite',
    adoption: 0.1,
    intensityChange: { Nd: -1, Dy: -1 },
  },
  { kind: 'demandGrowth', id: 'grow', application: 'permanent-magnets', rate: 0.1, from: 2027 },
];

const withRates: Dataset = {
  ...small,
  applications: [
    {
      id: 'permanent-magnets',
      name: 'Magnets',
      category: 'other',
      lifetime: {
        distribution: { kind: 'fixed', mean: 1 },
        provenance: { source: 'shares', tag: 'reported' },
      },
      recycling: {
        collectionRate: 0.2,
        preprocessingYield: 0.5,
        processingYield: 1,
        provenance: { source: 'shares', tag: 'reported' },
      },
    },
  ],
};

const dyDemand: Dataset = {
  ...small,
  demand: [
    {
      year: 2024,
      application: 'permanent-magnets',
      elements: ['Dy'],
      quantity: { amount: 10, unit: 't', basis: 'REO', element: 'Dy' },
      provenance: { source: 'shares', tag: 'reported' },
    },
  ],
};

const cases: [string, Dataset, Scenario, EvaluateOptions][] = [
  ['answer', small, answer, { scenarios: [controls] }],
  ['answer-allies', small, answer, { scenarios: [controls], capacityFor: { EU27: ['USA'] } }],
  [
    'offsets-hold-first',
    small,
    scenario('offsets', offsets),
    { timing: 'end', historyYears: 1, salesHistory: 'hold-first' },
  ],
  ['offsets-recorded', small, scenario('offsets', offsets), {}],
  [
    'recycling-dataset-rates',
    withRates,
    scenario('rates', [
      {
        kind: 'recyclingPolicy',
        id: 'p',
        application: 'permanent-magnets',
        from: 2026,
        collectionRate: 0.4,
      },
    ]),
    { timing: 'end', historyYears: 1, salesHistory: 'hold-first' },
  ],
  [
    'recycling-defaults',
    small,
    scenario('defaults', [
      {
        kind: 'recyclingPolicy',
        id: 'p',
        application: 'permanent-magnets',
        from: 2026,
        preprocessingYield: 0.9,
        lifetime: { kind: 'fixed', mean: 3 },
      },
    ]),
    { recyclingDefaults: { collectionRate: 0.3 }, historyYears: 0 },
  ],
  [
    'single-element-demand',
    dyDemand,
    scenario('dy', [
      {
        kind: 'substitution',
        id: 's',
        application: 'permanent-magnets',
        substitute: 'x',
        adoption: 0.5,
        intensityChange: { Dy: -0.5, Nd: -1 },
      },
      {
        kind: 'recyclingPolicy',
        id: 'r',
        application: 'permanent-magnets',
        from: 2024,
        collectionRate: 0.25,
        lifetime: { kind: 'fixed', mean: 2 },
      },
    ]),
    {},
  ],
  [
    'demand-table-then-rate',
    small,
    scenario('table', [
      {
        kind: 'demandGrowth',
        id: 'outlook',
        application: 'permanent-magnets',
        demand: { kind: 'table', values: { '2026': 200, '2028': 260 }, between: 'linear' },
        from: 2026,
      },
      {
        kind: 'demandGrowth',
        id: 'after',
        application: 'permanent-magnets',
        rate: 0.5,
        from: 2029,
      },
    ]),
    {},
  ],
  [
    'demand-options',
    small,
    empty('given'),
    {
      demand: { motors: { kind: 'table', values: { '2024': 10 } } },
      linkStageDemand: false,
    },
  ],
  [
    'stockpiles',
    small,
    scenario('piles', [
      {
        kind: 'stockpile',
        id: 'build',
        holder: 'USA',
        build: { perYear: { amount: 5000, unit: 'kg', basis: 'REO' }, from: 2025, to: 2026 },
      },
      {
        kind: 'stockpile',
        id: 'jp',
        holder: 'JPN',
        initial: { amount: 7, unit: 't', basis: 'REO' },
      },
      {
        kind: 'capacityChange',
        id: 'cut',
        country: 'AUS',
        stage: 'mining',
        change: { amount: -500, unit: 't', basis: 'REO' },
        ramp: { from: 2024, to: 2025 },
      },
    ]),
    {},
  ],
  [
    'stockpile-some-elements',
    small,
    scenario('tb', [
      { kind: 'exportRestriction', id: 'all', country: 'CHN', cut: 0.1, from: 2024 },
      {
        kind: 'stockpile',
        id: 'tb',
        holder: 'USA',
        elements: ['Tb'],
        initial: { amount: 100, unit: 't', basis: 'REO' },
        release: {
          maxPerYear: { amount: 30, unit: 't', basis: 'REO' },
          trigger: 'shortfall',
          from: 2024,
          to: 2025,
        },
      },
    ]),
    {},
  ],
  [
    'capacity-metal-product-basis',
    small,
    scenario('metal', [
      {
        kind: 'capacityChange',
        id: 'm',
        country: 'USA',
        stage: 'metal',
        change: { amount: 10, unit: 't', basis: 'product', product: 'alloy' },
        ramp: { from: 2024, to: 2025 },
      },
      {
        kind: 'capacityChange',
        id: 'tb-cap',
        country: 'USA',
        stage: 'separation',
        elements: ['Tb'],
        change: { amount: 5, unit: 't', basis: 'REO' },
        ramp: { from: 2024, to: 2026 },
      },
    ]),
    {},
  ],
  [
    'partners-and-ends',
    small,
    scenario('partners', [
      {
        kind: 'exportRestriction',
        id: 'eu',
        country: 'CHN',
        partners: ['EU27'],
        cut: 1,
        from: 2025,
        to: 2026,
      },
      {
        kind: 'exportRestriction',
        id: 'fr',
        country: 'JPN',
        partners: ['FRA'],
        cut: 1,
        from: 2025,
      },
      {
        kind: 'exportRestriction',
        id: 'dy-a',
        country: 'CHN',
        elements: ['Dy'],
        cut: 0.5,
        from: 2025,
      },
      {
        kind: 'exportRestriction',
        id: 'dy-b',
        country: 'CHN',
        elements: ['Dy'],
        cut: 0.5,
        from: 2026,
      },
      {
        kind: 'exportRestriction',
        id: 'ores',
        country: 'MYS',
        stages: ['mining'],
        cut: 1,
        from: 2025,
      },
    ]),
    {},
  ],
  ['some-elements-unknown', small, scenario('tb', [onlyTb]), {}],
  ['some-elements-by-mass', small, scenario('tb', [onlyTb]), { composition: { Tb: 1, Dy: 3 } }],
  [
    'every-partner-all-elements',
    small,
    scenario('all', [
      {
        kind: 'exportRestriction',
        id: 'all',
        country: 'CHN',
        cut: 0.5,
        from: 2025,
        stages: ['separation', 'magnet'],
      },
    ]),
    { resilience: { excluded: ['CHN', 'MYS'], share: 0.05 } },
  ],
  [
    'options-replace',
    small,
    empty('opts'),
    {
      imports: { 'EU27/separation/Tb+Dy': 40, 'USA/Dy': 60 },
      throughput: { separation: 2000 },
      resilience: { excluded: [], share: 0.5 },
    },
  ],
  [
    'two-applications-two-policies',
    small,
    scenario('two', [
      {
        kind: 'recyclingPolicy',
        id: 'late',
        application: 'permanent-magnets',
        from: 2027,
        collectionRate: 0.6,
        lifetime: { kind: 'fixed', mean: 2 },
      },
      {
        kind: 'recyclingPolicy',
        id: 'early',
        application: 'permanent-magnets',
        from: 2024,
        collectionRate: 0.2,
        processingYield: 0.9,
      },
      {
        kind: 'substitution',
        id: 'lamps-led',
        application: 'lamps',
        substitute: 'led',
        adoption: 0.2,
        intensityChange: { Nd: -1 },
      },
      { kind: 'exportRestriction', id: 'zero', country: 'CHN', cut: 0, from: 2024 },
    ]),
    {
      demand: {
        lamps: { kind: 'ramp', from: { year: 2020, value: 5 }, to: { year: 2030, value: 15 } },
      },
      salesHistory: 'hold-first',
      historyYears: 5,
    },
  ],
  ['reference-year-early', small, empty('early'), { referenceYear: 2019 }],
];

describe('golden: the paths of the evaluator, on the small dataset', () => {
  for (const [name, dataset, s, options] of cases) {
    test(name, () => golden(`small-${name}`, evaluate(dataset, s, options)));
  }
});
