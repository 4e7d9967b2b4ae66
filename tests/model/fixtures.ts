// Maximal valid inputs: typed DeepRequired, so the compiler proves that they use every field of
// every record type, and the schema (strict objects) proves that it accepts every field.
import type { Dataset, ElementSymbol, Owner, Scenario } from '../../src/index.js';

// Records keyed by element stay partial: "every field" there would mean every element.
type DeepRequired<T> = T extends readonly (infer U)[]
  ? readonly DeepRequired<U>[]
  : T extends object
    ? keyof T extends ElementSymbol
      ? T
      : { readonly [K in keyof T]-?: DeepRequired<T[K]> }
    : T;

const provenance = {
  source: 'src-a',
  tag: 'derived',
  locator: 'Table 1',
  derivation: 'sum of the rows',
  estimatedBy: 'the authors',
  note: 'a note',
} as const;

const mass = {
  amount: '1000',
  unit: 't',
  basis: 'REO',
  element: 'Ce',
  oxide: 'Ce2O3',
  product: 'x',
} as const;

export const fullDataset: DeepRequired<Dataset> = {
  schemaVersion: 1,
  name: 'full',
  description: 'every field',
  sources: [
    {
      id: 'src-a',
      title: 'A title',
      publisher: 'A publisher',
      year: 2026,
      authors: ['A. Author'],
      edition: '2026',
      version: 'v1.3',
      published: '2026-05-27',
      url: 'https://example.org/a.pdf',
      doi: '10.5066/P1WKQ63T',
      copy: { kind: 'primary', description: 'the PDF' },
      note: 'a note',
    },
  ],
  countries: [
    {
      code: 'CHN',
      name: 'China',
      groups: ['G20'],
      governance: {
        estimates: {
          voiceAndAccountability: -1.6,
          politicalStability: -0.5,
          governmentEffectiveness: 0.5,
          regulatoryQuality: -0.3,
          ruleOfLaw: -0.2,
          controlOfCorruption: 0.1,
        },
        mean: -0.333333,
        scaled: 5.666667,
        year: 2023,
        provenance,
      },
    },
    {
      code: 'AUS',
      name: 'Australia',
      groups: ['OECD'],
      governance: {
        estimates: {
          voiceAndAccountability: 1,
          politicalStability: 1,
          governmentEffectiveness: 1,
          regulatoryQuality: 1,
          ruleOfLaw: 1,
          controlOfCorruption: 1,
        },
        mean: 1,
        scaled: 3,
        year: 2023,
        provenance,
      },
    },
  ],
  regions: [{ code: 'EU27', name: 'European Union', members: ['AUS'] }],
  stageOutputs: [
    {
      stage: 'mining',
      country: 'CHN',
      year: 2024,
      elements: ['Ce'],
      measure: 'production',
      quantity: { ...mass, basis: 'product', element: 'Ce', oxide: 'Ce2O3', product: 'x' },
      share: 0.5,
      provenance,
    },
  ],
  reserves: [{ country: 'other', year: 2024, quantity: mass, provenance }],
  deposits: [
    {
      id: 'dep-a',
      name: 'Deposit A',
      country: 'AUS',
      location: { latitude: -28.86, longitude: 122.55 },
      type: 'carbonatite',
      status: 'producing',
      operator: 'Operator',
      owners: [
        // A direct owner has no `via`; the cast lets the one direct entry skip it.
        { name: 'Owner', homeCountry: 'AUS', stake: 1, provenance } as DeepRequired<Owner>,
        { name: 'Shareholder', homeCountry: 'CHN', stake: 0.1, via: 'Owner', provenance },
      ],
      estimates: [
        {
          kind: 'resource',
          category: 'measured',
          ore: { ...mass, basis: 'product', product: 'ore' },
          grade: 0.0412,
          contained: mass,
          cutOff: 0.025,
          year: 2024,
          code: 'JORC 2012',
          provenance,
        },
      ],
      distribution: { shares: { Ce: 0.5, La: 0.25 }, provenance },
      facilities: ['fac-a'],
      provenance,
      note: 'a note',
    },
  ],
  facilities: [
    {
      id: 'fac-a',
      name: 'Facility A',
      country: 'AUS',
      stage: 'separation',
      operator: 'Operator',
      owners: [
        { name: 'Owner', homeCountry: 'AUS', stake: 0.5, provenance } as DeepRequired<Owner>,
        { name: 'Shareholder', homeCountry: 'CHN', stake: 0.1, via: 'Owner', provenance },
      ],
      status: 'producing',
      startYear: 2012,
      location: { latitude: 3.96, longitude: 103.38 },
      capacity: [{ year: 2024, quantity: mass, elements: ['Nd', 'Pr'], provenance }],
      output: [{ year: 2024, quantity: mass, elements: ['Nd', 'Pr'], provenance }],
      feedstock: [{ facility: 'fac-b', country: 'AUS', share: 1, provenance }],
      provenance,
      note: 'a note',
    },
    {
      id: 'fac-b',
      name: 'Facility B',
      country: 'AUS',
      stage: 'mining',
      operator: 'x',
      owners: [],
      status: 'producing',
      startYear: 2011,
      location: { latitude: 0, longitude: 0 },
      capacity: [],
      output: [],
      feedstock: [],
      provenance,
      note: 'n',
    },
  ],
  tradeFlows: [
    {
      year: 2024,
      period: { from: 2021, to: 2024 },
      exporter: 'CHN',
      importer: 'EU27',
      commodity: { hs: '2846.90', stage: 'separation', description: 'compounds' },
      elements: ['Nd'],
      quantity: mass,
      value: { amount: '170000000', currency: 'USD' },
      share: 0.7,
      provenance,
    },
  ],
  balances: [
    {
      country: 'AUS',
      year: 2024,
      commodity: { hs: '2805.30', stage: 'metal', description: 'compounds and metals' },
      elements: ['Nd'],
      item: 'imports',
      quantity: mass,
      share: 0.53,
      bound: 'greater-than',
      netExporter: false,
      provenance,
    },
  ],
  applications: [
    {
      id: 'app-a',
      name: 'EV traction motors',
      category: 'ev-traction-motors',
      product: 'NdFeB magnet',
      content: [{ element: 'Nd', fraction: 0.23, provenance }],
      lifetime: { distribution: { kind: 'weibull', shape: 2.5, scale: 17 }, provenance },
      recycling: {
        collectionRate: {
          kind: 'ramp',
          from: { year: 2027, value: 0.1 },
          to: { year: 2035, value: 0.5 },
        },
        preprocessingYield: { kind: 'table', values: { '2024': 0.5 }, between: 'linear' },
        processingYield: 0.95,
        provenance,
      },
      substitutions: [
        {
          id: 'sub-a',
          substitute: 'induction motor',
          shareSwitchable: 0.3,
          intensityChange: { Nd: -1 },
          performancePenalty: 0.05,
          costPenalty: 0.1,
          provenance,
        },
      ],
      note: 'a note',
    },
  ],
  demand: [
    {
      year: 2023,
      application: 'app-a',
      elements: ['Nd', 'Pr'],
      quantity: mass,
      scenario: 'IEA APS',
      provenance,
    },
  ],
  endUses: [
    {
      element: 'Nd',
      use: 'magnets',
      application: 'app-a',
      share: 0.8,
      sector: { code: 'C25', valueAdded: { amount: '163568', currency: 'EUR' } },
      provenance,
    },
  ],
  prices: [
    {
      product: 'Nd oxide, 99.5% min',
      form: 'oxide',
      elements: ['Nd'],
      year: 2024,
      price: { amount: 56, currency: 'USD', per: 'kg' },
      provenance,
    },
  ],
  exchangeRates: [{ from: 'USD', to: 'CNY', year: 2023, rate: '7.0809', provenance }],
  criticality: [
    {
      assessment: 'EU CRM 2023',
      material: 'Nd',
      supplyRisk: 4.5,
      economicImportance: 7.2,
      bottleneck: 'processing',
      supplyRiskExtraction: 4.5,
      supplyRiskProcessing: 3.7,
      substitutionIndexEi: 0.97,
      substitutionIndexSr: 0.99,
      importRelianceExtraction: 0.8,
      importRelianceProcessing: 1,
      eolRecyclingInputRate: 0.01,
      critical: true,
      provenance,
    },
  ],
  hsCodes: [
    {
      code: '2846.90',
      nomenclature: 'HS',
      description: 'Other rare-earth compounds',
      scope: 'rare-earth',
      provenance,
    },
  ],
};

export const fullScenario: Scenario = {
  id: 'full',
  name: 'Every intervention',
  description: 'one of each kind',
  parent: 'base',
  horizon: { from: 2024, to: 2035 },
  interventions: [
    {
      kind: 'exportRestriction',
      id: 'x1',
      label: 'Export controls',
      note: 'n',
      provenance: { source: 'src-a', tag: 'reported' },
      country: 'CHN',
      elements: ['Dy', 'Tb'],
      stages: ['separation', 'metal', 'magnet'],
      partners: ['EU27'],
      cut: 1,
      from: 2025,
      to: 2030,
    },
    {
      kind: 'capacityChange',
      id: 'x2',
      facility: 'fac-a',
      change: { amount: 5000, unit: 't', basis: 'REO' },
      elements: ['Dy'],
      ramp: { from: 2025, to: 2027 },
    },
    {
      kind: 'capacityChange',
      id: 'x2b',
      country: 'AUS',
      stage: 'separation',
      change: { amount: -100, unit: 't', basis: 'REO' },
      ramp: { from: 2026, to: 2026 },
    },
    { kind: 'demandGrowth', id: 'x3', application: 'app-a', rate: 0.08, from: 2025 },
    {
      kind: 'recyclingPolicy',
      id: 'x4',
      application: 'app-a',
      from: 2027,
      collectionRate: {
        kind: 'ramp',
        from: { year: 2027, value: 0.1 },
        to: { year: 2035, value: 0.5 },
      },
      preprocessingYield: 0.8,
      processingYield: 0.95,
    },
    {
      kind: 'substitution',
      id: 'x5',
      application: 'app-a',
      substitute: 'induction motor',
      adoption: { kind: 'logistic', midpoint: 2032, rate: 0.4, ceiling: 0.3, floor: 0 },
      intensityChange: { Nd: -1, Dy: -1 },
    },
    {
      kind: 'substitution',
      id: 'x5b',
      application: 'app-a',
      substitute: 'thin-Dy magnet',
      adoption: { kind: 'table', values: { '2025': 0, '2030': 0.5 }, between: 'linear' },
      intensityChange: { Dy: -0.5 },
    },
    {
      kind: 'stockpile',
      id: 'x6',
      holder: 'EU27',
      elements: ['Nd', 'Pr'],
      stage: 'separation',
      initial: { amount: 0, unit: 't', basis: 'REO' },
      build: { perYear: { amount: 300, unit: 't', basis: 'REO' }, from: 2025, to: 2027 },
      release: {
        maxPerYear: { amount: 100, unit: 't', basis: 'REO' },
        trigger: 'shortfall',
        from: 2028,
        to: 2035,
      },
    },
  ],
};
