import { describe, expect, test } from 'vitest';
import {
  type Dataset,
  parseScenario,
  parseScenarios,
  RareEarthsError,
  type Scenario,
  safeParseScenario,
} from '../../src/index.js';
import { fullDataset, fullScenario } from './fixtures.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const dataset = clone(fullDataset) as unknown as Dataset;
const base = (): Scenario => ({
  id: 'base',
  name: 'Base',
  horizon: { from: 2024, to: 2035 },
  interventions: [],
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RareEarthsError);
    return (error as RareEarthsError).message;
  }
  throw new Error('expected an error');
}

describe('parseScenario', () => {
  test('accepts one intervention of every kind, checked against a dataset', () => {
    const parsed = parseScenario(clone(fullScenario), { dataset });
    expect(parsed).toEqual(clone(fullScenario));
    expect(parsed.interventions.map((i) => i.kind)).toEqual([
      'exportRestriction',
      'capacityChange',
      'capacityChange',
      'demandGrowth',
      'recyclingPolicy',
      'substitution',
      'substitution',
      'stockpile',
    ]);
  });

  test('a cut of 1.5 is refused with its path', () => {
    const scenario = clone(fullScenario) as unknown as { interventions: { cut?: number }[] };
    (scenario.interventions[0] as { cut: number }).cut = 1.5;
    expect(messageOf(() => parseScenario(scenario))).toBe(
      'parseScenario: interventions[0].cut: expected a fraction between 0 and 1, got 1.5',
    );
  });

  test('an unknown country, facility, application or source is refused when a dataset is given', () => {
    const scenario = clone(fullScenario) as unknown as { interventions: Record<string, unknown>[] };
    (scenario.interventions[0] as Record<string, unknown>).country = 'XKX';
    (scenario.interventions[1] as Record<string, unknown>).facility = 'ghost-plant';
    (scenario.interventions[3] as Record<string, unknown>).application = 'hdd';
    (scenario.interventions[0] as { provenance: { source: string } }).provenance.source = 'nowhere';
    const message = messageOf(() => parseScenario(scenario, { dataset }));
    expect(message).toContain(
      'interventions[0].country: expected a country of the dataset, got "XKX"',
    );
    expect(message).toContain(
      'interventions[1].facility: expected a facility of the dataset, got "ghost-plant"',
    );
    expect(message).toContain(
      'interventions[3].application: expected an application of the dataset, got "hdd"',
    );
    expect(message).toContain(
      'interventions[0].provenance.source: expected the id of a source in sources, got "nowhere"',
    );
    expect(safeParseScenario(scenario).success).toBe(true);
  });

  test('years outside the horizon are refused', () => {
    const scenario = {
      ...base(),
      interventions: [{ kind: 'exportRestriction', id: 'x', country: 'CHN', cut: 1, from: 2040 }],
    };
    expect(messageOf(() => parseScenario(scenario))).toBe(
      'parseScenario: interventions[0].from: expected a year within the horizon 2024–2035, got 2040',
    );
  });

  test('every context rule names its path', () => {
    const bad = {
      ...base(),
      horizon: { from: 2030, to: 2025 },
      interventions: [
        { kind: 'exportRestriction', id: 'dup', country: 'CHN', cut: 1, from: 2030, to: 2026 },
        {
          kind: 'capacityChange',
          id: 'dup',
          change: { amount: 1, unit: 't', basis: 'REO' },
          ramp: { from: 2029, to: 2027 },
        },
        {
          kind: 'capacityChange',
          id: 'c2',
          country: 'AUS',
          change: { amount: 1, unit: 't', basis: 'product' },
          ramp: { from: 2027, to: 2027 },
        },
        { kind: 'recyclingPolicy', id: 'r', application: 'a', from: 2027 },
        { kind: 'stockpile', id: 's', holder: 'EU27' },
        {
          kind: 'stockpile',
          id: 's2',
          holder: 'EU27',
          build: { perYear: { amount: 1, unit: 't', basis: 'REO' }, from: 2027, to: 2026 },
          release: {
            maxPerYear: { amount: 1, unit: 't', basis: 'REO' },
            trigger: 'shortfall',
            from: 2040,
          },
        },
      ],
    };
    const result = safeParseScenario(bad);
    expect(result.success).toBe(false);
    const lines = result.success
      ? []
      : result.error.message
          .split('\n')
          .slice(1)
          .map((line) => line.trim());
    expect(lines).toEqual([
      'horizon.to: expected a year at or after 2030, got 2025',
      'interventions[1].id: expected a unique intervention id, got "dup" again (first at interventions[0])',
      'interventions[0].to: expected a year at or after 2030, got 2026',
      'interventions[1]: expected either facility, or both country and stage',
      'interventions[1].ramp.to: expected a year at or after 2029, got 2027',
      'interventions[2]: expected either facility, or both country and stage',
      "interventions[2].change.product: expected a product name for a 'product' mass, got nothing",
      'interventions[3]: expected at least one of collectionRate, preprocessingYield and processingYield, got none',
      'interventions[4]: expected at least one of initial, build and release, got none',
      'interventions[5].build.to: expected a year at or after 2027, got 2026',
    ]);
  });

  test('an unknown intervention kind lists the kinds', () => {
    const scenario = { ...base(), interventions: [{ kind: 'tariff', id: 't' }] };
    expect(messageOf(() => parseScenario(scenario))).toBe(
      'parseScenario: interventions[0].kind: expected one of "exportRestriction", "capacityChange", "demandGrowth", "recyclingPolicy", "substitution", "stockpile", got "tariff"',
    );
  });

  test('a scenario cannot be its own parent', () => {
    expect(messageOf(() => parseScenario({ ...base(), parent: 'base' }))).toBe(
      'parseScenario: parent: expected another scenario\'s id, got its own ("base")',
    );
  });
});

describe('parseScenarios', () => {
  test('parents must exist and must not cycle', () => {
    const a = { ...base(), id: 'a', parent: 'b' };
    const b = { ...base(), id: 'b', parent: 'c' };
    const c = { ...base(), id: 'c', parent: 'a' };
    expect(messageOf(() => parseScenarios([a, b, c]))).toContain(
      'scenarios[0].parent: expected parents without a cycle, got a -> b -> c -> a',
    );
    expect(messageOf(() => parseScenarios([{ ...base(), parent: 'ghost' }]))).toBe(
      'parseScenarios: scenarios[0].parent: expected the id of a scenario in the set, got "ghost"',
    );
    expect(messageOf(() => parseScenarios([base(), base()]))).toBe(
      'parseScenarios: scenarios[1].id: expected a unique scenario id, got "base" again (first at scenarios[0])',
    );
    const chain = parseScenarios([base(), { ...base(), id: 'child', parent: 'base' }]);
    expect(chain.map((s) => s.id)).toEqual(['base', 'child']);
  });

  test('problems inside one scenario carry its index', () => {
    expect(
      messageOf(() => parseScenarios([base(), { ...base(), id: 'x', horizon: { from: 2024 } }])),
    ).toBe(
      'parseScenarios: scenarios[1].horizon.to: expected a year between 1900 and 2100 (an integer), got nothing (the field is missing)',
    );
    expect(messageOf(() => parseScenarios({}))).toBe(
      'parseScenarios: (input): expected an array of scenarios, got an object',
    );
    expect(messageOf(() => parseScenarios([JSON.parse('{"__proto__": 1}')]))).toBe(
      'parseScenarios: [0].__proto__: expected no "__proto__" key (it could reach an object prototype)',
    );
  });
});

describe('scenario rules under a path prefix', () => {
  test('each path carries the prefix once', async () => {
    const { scenarioIssues } = await import('../../src/model/integrity.js');
    const issues = scenarioIssues(
      { ...base(), parent: 'base', horizon: { from: 2030, to: 2025 } },
      {},
      ['scenarios', 3],
    );
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'scenarios.3.horizon.to',
      'scenarios.3.parent',
    ]);
  });
});

describe("'refining' (issue 15, finding 10b)", () => {
  test('a stage named refining is read as separation, in interventions and their stage lists', () => {
    const parsed = parseScenario({
      ...base(),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'plant',
          country: 'CHN',
          stage: 'refining',
          change: { amount: 5000, unit: 't', basis: 'REO' },
          ramp: { from: 2026, to: 2028 },
        },
        {
          kind: 'exportRestriction',
          id: 'ban',
          country: 'CHN',
          cut: 0.5,
          from: 2026,
          stages: ['refining', 'magnet'],
        },
      ],
    });
    expect(parsed.interventions[0]).toMatchObject({ stage: 'separation' });
    expect(parsed.interventions[1]).toMatchObject({ stages: ['separation', 'magnet'] });
  });

  test('a capacity change may still be negative (a closure), unlike a dataset quantity', () => {
    const parsed = parseScenario({
      ...base(),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'closure',
          country: 'CHN',
          stage: 'mining',
          change: { amount: -5000, unit: 't', basis: 'REO' },
          ramp: { from: 2026, to: 2028 },
        },
      ],
    });
    expect(parsed.interventions[0]).toMatchObject({ change: { amount: -5000 } });
  });
});
