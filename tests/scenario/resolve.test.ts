import { describe, expect, test } from 'vitest';
import { presets } from '../../src/data/index.js';
import { type Intervention, resolveScenario, type Scenario } from '../../src/index.js';
import { clone, deepFreeze, empty, failure } from './fixtures.js';

const restriction = (id: string, cut: number, from = 2025): Intervention => ({
  kind: 'exportRestriction',
  id,
  country: 'CHN',
  cut,
  from,
});

describe('resolveScenario', () => {
  const set: Scenario[] = [
    { ...empty('grand'), interventions: [restriction('b', 1), restriction('a', 0.5)] },
    { ...empty('parent'), parent: 'grand', interventions: [restriction('c', 0.2)] },
    {
      ...empty('child', { from: 2026, to: 2040 }),
      name: 'Child',
      description: 'overrides a',
      parent: 'parent',
      interventions: [restriction('a', 0.9, 2027)],
    },
  ];

  test('a parent plus overrides: inherited, overridden by id, added; sorted by id', () => {
    const child = resolveScenario(set, 'child');
    expect(child).toEqual({
      id: 'child',
      name: 'Child',
      description: 'overrides a',
      horizon: { from: 2026, to: 2040 },
      interventions: [restriction('a', 0.9, 2027), restriction('b', 1), restriction('c', 0.2)],
    });
    expect('parent' in child).toBe(false);
    expect(resolveScenario(set, 'grand').interventions.map((i) => i.id)).toEqual(['a', 'b']);
  });

  test('never mutates its inputs', () => {
    const frozen = deepFreeze(clone(set));
    expect(resolveScenario(frozen, 'child')).toEqual(resolveScenario(set, 'child'));
  });

  test('the presets: the extended controls inherit the April controls', () => {
    const extended = resolveScenario(presets, 'china-export-controls-2025-extended');
    expect(extended.interventions.map((i) => i.id)).toEqual([
      'china-controls-2025-04',
      'china-controls-2025-10',
    ]);
  });

  test('refusals', () => {
    expect(failure(() => resolveScenario(set, 'nobody')).message).toBe(
      'resolveScenario: id: expected the id of a scenario in the set ("grand", "parent", "child"), got "nobody"',
    );
    expect(failure(() => resolveScenario([{ ...empty('x'), parent: 'y' }], 'x')).message).toBe(
      'resolveScenario: id.parent: expected the parent of "x" in the set, got "y"',
    );
    const cycle = [
      { ...empty('x'), parent: 'y' },
      { ...empty('y'), parent: 'x' },
    ];
    const error = failure(() => resolveScenario(cycle, 'x'));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe(
      'resolveScenario: id.parent: expected parents without a cycle, got x -> y -> x',
    );
    expect(failure(() => resolveScenario({} as Scenario[], 'x')).message).toBe(
      'resolveScenario: scenarios: expected an array of scenarios, got an object',
    );
  });
});
