// Hostile inputs to the parsers: every one gives a RareEarthsError listing what is wrong, never a
// crash or a hang.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  parseDataset,
  parseScenario,
  parseScenarios,
  safeParseDataset,
  safeParseScenario,
} from '../../src/index.js';
import { fullDataset, fullScenario } from '../model/fixtures.js';
import {
  anything,
  cycles,
  deepArray,
  deepObject,
  forbiddenKeyAt,
  pathsOf,
  refusal,
  replaceAt,
  sharedBomb,
  wrongValues,
} from './corpus.js';

const scenario = { id: 'base', name: 'No change', horizon: { from: 2024, to: 2035 } };
const validScenario = { ...scenario, interventions: [] };

describe('wrong types', () => {
  test('at the top: datasets, scenarios and scenario sets', () => {
    for (const value of wrongValues) {
      expect(refusal(() => parseDataset(value)).code).toBe('invalid-input');
      expect(refusal(() => parseScenario(value)).code).toBe('invalid-input');
      // An empty array is a valid (empty) set of scenarios.
      if (!(Array.isArray(value) && value.length === 0))
        expect(refusal(() => parseScenarios(value)).code).toBe('invalid-input');
      expect(refusal(() => parseScenarios([value])).code).toBe('invalid-input');
      expect(safeParseDataset(value).success).toBe(false);
      expect(safeParseScenario(value).success).toBe(false);
    }
  });

  test('a sparse array of scenarios: each hole is a missing scenario', () => {
    const holes = new Array<unknown>(2);
    holes[1] = validScenario;
    expect(refusal(() => parseScenarios(holes)).message).toBe(
      'parseScenarios: scenarios[0]: expected a scenario object, got nothing (the field is missing)',
    );
  });

  test('a JSON string is refused with a hint to parse it first', () => {
    expect(refusal(() => parseDataset(JSON.stringify(baseline))).message).toBe(
      'parseDataset: (input): expected a parsed object, got a string (parse the JSON text first with JSON.parse)',
    );
  });

  test('in the fields of the maximal dataset and scenario', () => {
    // Paths of the fixtures (every other one of the dataset's to three levels, and all of the
    // scenario's) replaced by
    // a value of a wrong type, in turn: null, NaN, a huge number, an exponent string, an array,
    // an object. Every outcome is a result or a RareEarthsError listing problems.
    const replacements = [null, Number.NaN, -1e308, '1e308', [[]], { x: 1 }];
    const cases: [unknown, (string | number)[][]][] = [
      [fullDataset, pathsOf(fullDataset).filter((path, i) => path.length <= 3 && i % 2 === 0)],
      [fullScenario, pathsOf(fullScenario)],
    ];
    for (const [fixture, paths] of cases) {
      paths.forEach((path, i) => {
        const candidate = replaceAt(fixture, path, replacements[i % replacements.length]);
        const result =
          fixture === fullDataset ? safeParseDataset(candidate) : safeParseScenario(candidate);
        if (!result.success) {
          expect(result.error.name).toBe('RareEarthsError');
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      });
    }
  });

  test('NaN and Infinity in numeric fields (only JavaScript objects can carry them)', () => {
    const data = structuredClone(baseline) as unknown as {
      stageOutputs: { quantity?: { amount: unknown }; year: unknown }[];
    };
    const row = data.stageOutputs[0] as { quantity?: { amount: unknown }; year: unknown };
    (row.quantity as { amount: unknown }).amount = Number.NaN;
    row.year = Number.POSITIVE_INFINITY;
    const error = refusal(() => parseDataset(data));
    expect(error.message).toContain(
      'stageOutputs[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string',
    );
    expect(error.message).toContain('stageOutputs[0].year:');
  });

  test('anything at all, anywhere in a dataset or a scenario (fast-check)', () => {
    const datasetPaths = pathsOf(fullDataset);
    const scenarioPaths = pathsOf(validScenario);
    fc.assert(
      fc.property(
        fc.nat({ max: datasetPaths.length - 1 }),
        fc.nat({ max: scenarioPaths.length - 1 }),
        anything,
        (i, j, value) => {
          const dataset = replaceAt(fullDataset, datasetPaths[i] ?? [], value);
          const result = safeParseDataset(dataset);
          if (!result.success) expect(result.error.name).toBe('RareEarthsError');
          const scenarioResult = safeParseScenario(
            replaceAt(validScenario, scenarioPaths[j] ?? [], value),
          );
          if (!scenarioResult.success) expect(scenarioResult.error.name).toBe('RareEarthsError');
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('huge numbers and long strings', () => {
  test('numbers beyond float64 and 400-digit strings are read or refused, never mangled', () => {
    const data = structuredClone(baseline) as unknown as {
      stageOutputs: { quantity?: { amount: unknown } }[];
    };
    const quantity = data.stageOutputs[0]?.quantity as { amount: unknown };
    quantity.amount = '9'.repeat(400);
    // 400 digits is the longest decimal string the library reads: accepted as given.
    const parsed = parseDataset(data);
    expect(parsed.stageOutputs?.[0]?.quantity?.amount).toBe('9'.repeat(400));
    quantity.amount = '9'.repeat(401);
    expect(refusal(() => parseDataset(data)).message).toContain('stageOutputs[0].quantity.amount');
    quantity.amount = 1e308;
    expect(parseDataset(data).stageOutputs?.[0]?.quantity?.amount).toBe(1e308);
  });

  test('a 1 MB name and a 100,000-character id are refused or kept, with a short message', () => {
    const name = 'n'.repeat(1_000_000);
    expect(parseScenario({ ...validScenario, name }).name).toBe(name);
    const error = refusal(() => parseScenario({ ...validScenario, id: 'i'.repeat(100_000) }));
    expect(error.message.length).toBeLessThan(300);
  });

  test('a scenario set holds at most 10,000 scenarios; 10,000 junk ones are reported briefly', () => {
    expect(refusal(() => parseScenarios(new Array(10_001).fill(0))).message).toBe(
      'parseScenarios: (input): expected at most 10,000 scenarios, got 10,001',
    );
    const error = refusal(() => parseScenarios(new Array(10_000).fill(0)), 20_000);
    expect(error.issues).toHaveLength(51);
    expect(error.issues.at(-1)?.message).toBe('and 9950 more problems');
    expect(error.issues[0]?.message).toBe('expected a scenario object, got 0');
  });

  test('huge arrays: 200,000 interventions of the wrong kind are reported, briefly', () => {
    const interventions = Array.from({ length: 200_000 }, () => ({ kind: 'nonsense' }));
    const error = refusal(() => parseScenario({ ...scenario, interventions }), 20_000);
    expect(error.issues.length).toBeLessThanOrEqual(51);
    expect(error.issues.at(-1)?.message).toMatch(/^and \d+ more problems$/);
  });
});

describe('deep nesting', () => {
  test('10,000 levels of objects or arrays, at the top or inside a field', () => {
    for (const deep of [deepObject(10_000), deepArray(10_000)]) {
      for (const input of [deep, { ...validScenario, note: deep }]) {
        expect(refusal(() => parseScenario(input)).message).toContain(
          'expected at most 32 levels of nesting, got deeper',
        );
        expect(refusal(() => parseDataset(input)).message).toContain(
          'expected at most 32 levels of nesting, got deeper',
        );
      }
      expect(refusal(() => parseScenarios([deep])).message).toContain('levels of nesting');
    }
  });

  test('a deep chain of arrays as the scenario set itself', () => {
    expect(refusal(() => parseScenarios(deepArray(10_000))).message).toContain(
      'expected at most 32 levels of nesting',
    );
  });
});

describe('prototype keys', () => {
  test('__proto__, constructor and prototype at depths 0 to 20 are refused by name', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const depth of [0, 1, 5, 20]) {
        const hostile = forbiddenKeyAt(key, depth);
        const path = `${'x.'.repeat(depth)}${key}`;
        const expected = `${path}: expected no "${key}" key (it could reach an object prototype)`;
        expect(refusal(() => parseDataset(hostile)).message).toContain(expected);
        expect(refusal(() => parseScenario(hostile)).message).toContain(expected);
        expect(refusal(() => parseScenarios([hostile])).message).toContain(`[0].${expected}`);
      }
    }
    // Nothing was polluted on the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('prototype keys inside a real dataset', () => {
    const text = JSON.stringify(baseline).replace(
      '"stageOutputs":[{',
      '"stageOutputs":[{"__proto__":{"isAdmin":true},',
    );
    expect(refusal(() => parseDataset(JSON.parse(text))).message).toBe(
      'parseDataset: stageOutputs[0].__proto__: expected no "__proto__" key (it could reach an object prototype)',
    );
  });
});

describe('cycles and shared objects', () => {
  test('objects that contain themselves are refused with the path of the cycle', () => {
    const [self, viaArray, mutual] = cycles();
    expect(refusal(() => parseDataset(self)).message).toBe(
      'parseDataset: self: expected plain data, got an object that contains itself (a cycle)',
    );
    expect(refusal(() => parseScenario({ ...validScenario, note: viaArray })).message).toBe(
      'parseScenario: note[1]: expected plain data, got an object that contains itself (a cycle)',
    );
    expect(refusal(() => parseScenarios([mutual])).message).toBe(
      'parseScenarios: [0].b.a: expected plain data, got an object that contains itself (a cycle)',
    );
  });

  test('30 levels of shared objects (2^30 values) are refused in bounded time', () => {
    const bomb = sharedBomb(30);
    for (const parse of [
      () => parseDataset({ schemaVersion: 1, bomb }),
      () => parseScenario({ ...validScenario, bomb }),
      () => parseScenarios([bomb]),
    ]) {
      expect(refusal(parse, 10_000).message).toContain(
        'expected plain data, got objects shared so often that they reach more than 1,000,000 values',
      );
    }
  });

  test('a little sharing is fine: one provenance object behind all equal ones', () => {
    const shared = new Map<string, unknown>();
    const data = {
      ...baseline,
      stageOutputs: (baseline.stageOutputs ?? []).map((row) => {
        const key = JSON.stringify(row.provenance);
        if (!shared.has(key)) shared.set(key, { ...row.provenance });
        return { ...row, provenance: shared.get(key) };
      }),
    };
    expect(shared.size).toBeLessThan(data.stageOutputs.length);
    expect(parseDataset(data).stageOutputs).toEqual(baseline.stageOutputs);
  });
});
