// A small dataset whose every scenario figure can be computed by hand, and helpers shared by the
// scenario tests.
import type {
  Dataset,
  Provenance,
  Scenario,
  ScenarioEvaluation,
  ScenarioRow,
} from '../../src/index.js';
import { parseDataset } from '../../src/index.js';

const src = (source: string): Provenance => ({ source, tag: 'reported' });

/**
 * World mine production 2024: CHN 600, AUS 200, USA 100, other 100 t REO (world 1,000).
 * Separation 2024: CHN 90%, MYS 10% (shares). Magnets 2024: CHN 90%, JPN 10% (shares).
 * US imports of compounds and metals (2024): 1,000 t, 80% from China, 10% Malaysia, 10% Japan.
 * US imports of dysprosium compounds (2024): 50 t, all from China.
 * EU sourcing at processing of Dy and Tb (2023): China 90%, Japan 10%; no quantity.
 * Magnet demand: 100 t in 2024, 200 t in 2034 (linear: +10 t a year).
 */
export const small: Dataset = parseDataset({
  schemaVersion: 1,
  name: 'small',
  sources: [
    { id: 'usgs-mcs-2026', title: 'Rare Earths', publisher: 'USGS', year: 2026 },
    { id: 'shares', title: 'Stage shares', publisher: 'Someone', year: 2025 },
  ],
  countries: [
    { code: 'CHN', name: 'China' },
    { code: 'AUS', name: 'Australia' },
    { code: 'USA', name: 'United States' },
    { code: 'MYS', name: 'Malaysia' },
    { code: 'JPN', name: 'Japan' },
    { code: 'FRA', name: 'France' },
    { code: 'DEU', name: 'Germany' },
  ],
  regions: [{ code: 'EU27', name: 'European Union', members: ['FRA', 'DEU'] }],
  stageOutputs: [
    ...(
      [
        ['CHN', 600],
        ['AUS', 200],
        ['USA', 100],
        ['other', 100],
      ] as const
    ).map(([country, amount]) => ({
      stage: 'mining' as const,
      country,
      year: 2024,
      measure: 'production' as const,
      quantity: { amount, unit: 't' as const, basis: 'REO' as const },
      provenance: src('usgs-mcs-2026'),
    })),
    ...(
      [
        ['separation', 'CHN', 0.9],
        ['separation', 'MYS', 0.1],
        ['magnet', 'CHN', 0.9],
        ['magnet', 'JPN', 0.1],
      ] as const
    ).map(([stage, country, share]) => ({
      stage,
      country,
      year: 2024,
      measure: 'production' as const,
      share,
      provenance: src('shares'),
    })),
  ],
  facilities: [
    {
      id: 'plant-a',
      name: 'Plant A',
      country: 'USA',
      stage: 'separation',
      status: 'construction',
      provenance: src('shares'),
    },
  ],
  tradeFlows: [
    ...(
      [
        ['CHN', 0.8],
        ['MYS', 0.1],
        ['JPN', 0.1],
      ] as const
    ).map(([exporter, share]) => ({
      period: { from: 2021, to: 2024 },
      exporter,
      importer: 'USA',
      commodity: { description: 'rare-earth compounds and metals' },
      share,
      provenance: src('usgs-mcs-2026'),
    })),
    {
      period: { from: 2021, to: 2024 },
      exporter: 'CHN',
      importer: 'USA',
      commodity: { description: 'dysprosium compounds' },
      elements: ['Dy'],
      share: 1,
      provenance: src('usgs-mcs-2026'),
    },
    ...(
      [
        ['CHN', 0.9],
        ['JPN', 0.1],
      ] as const
    ).map(([exporter, share]) => ({
      year: 2023,
      exporter,
      importer: 'EU27',
      commodity: {
        stage: 'separation' as const,
        description: 'EU sourcing at processing (Dy, Tb)',
      },
      elements: ['Dy' as const, 'Tb' as const],
      share,
      provenance: src('shares'),
    })),
  ],
  balances: [
    {
      country: 'USA',
      year: 2024,
      commodity: { description: 'compounds and metals' },
      item: 'imports',
      quantity: { amount: 1000, unit: 't', basis: 'REO' },
      provenance: src('usgs-mcs-2026'),
    },
    {
      country: 'USA',
      year: 2024,
      commodity: { description: 'dysprosium compounds' },
      elements: ['Dy'],
      item: 'imports',
      quantity: { amount: 50, unit: 't', basis: 'REO', element: 'Dy' },
      provenance: src('usgs-mcs-2026'),
    },
  ],
  applications: [
    { id: 'permanent-magnets', name: 'Magnets', category: 'other' },
    { id: 'lamps', name: 'Lamps', category: 'other' },
  ],
  demand: [
    {
      year: 2024,
      application: 'permanent-magnets',
      quantity: { amount: 100, unit: 't', basis: 'REO' },
      provenance: src('shares'),
    },
    {
      year: 2034,
      application: 'permanent-magnets',
      quantity: { amount: 200, unit: 't', basis: 'REO' },
      provenance: src('shares'),
    },
  ],
});

export const horizon = { from: 2024, to: 2030 };

export const empty = (id = 'base', over = horizon): Scenario => ({
  id,
  name: id,
  horizon: over,
  interventions: [],
});

/** The value of one row, or undefined. */
export function pick(
  evaluation: ScenarioEvaluation,
  variable: string,
  year: number,
  where: { region?: string; stage?: string; element?: string } = {},
): number | undefined {
  return evaluation.rows.find(
    (r: ScenarioRow) =>
      r.variable === variable &&
      r.year === year &&
      r.region === (where.region ?? 'World') &&
      r.stage === where.stage &&
      r.element === where.element,
  )?.value;
}

export { refusal as failure } from '../support/refusal.js';

/** Freeze a value and everything in it, so that any mutation throws (modules run strict). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export const clone = <T>(value: T): T => structuredClone(value);

/** The 2025 controls (as parent) with a US Dy plant and a Dy stockpile: the worked example. */
export const answer: Scenario = {
  id: 'answer',
  name: 'Controls, a US plant and a stockpile',
  parent: 'china-export-controls-2025',
  horizon: { from: 2025, to: 2035 },
  interventions: [
    {
      kind: 'capacityChange',
      id: 'plant-a-dy',
      facility: 'plant-a',
      elements: ['Dy'],
      change: { amount: 20, unit: 't', basis: 'REO' },
      ramp: { from: 2025, to: 2026 },
    },
    {
      kind: 'stockpile',
      id: 'us-dy-stock',
      holder: 'USA',
      elements: ['Dy'],
      initial: { amount: 30, unit: 't', basis: 'REO' },
      release: {
        maxPerYear: { amount: 10, unit: 't', basis: 'REO' },
        trigger: 'shortfall',
        from: 2025,
      },
    },
  ],
};
