import { describeValue, RareEarthsError } from '../errors/index.js';
import type { Intervention, Scenario } from '../model/index.js';

/**
 * A scenario with its parent chain flattened, and the chain it came from.
 *
 * @internal
 */
export interface Resolved {
  readonly scenario: Scenario;
  readonly lineage: readonly string[];
}

/** @internal */
export function resolveWithLineage(
  fn: string,
  scenarios: readonly Scenario[],
  id: string,
  path: readonly (string | number)[],
): Resolved {
  const byId = new Map<string, Scenario>();
  for (const scenario of scenarios) if (!byId.has(scenario.id)) byId.set(scenario.id, scenario);
  const start = byId.get(id);
  if (start === undefined) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path,
        message: `expected the id of a scenario in the set (${[...byId.keys()].map((k) => JSON.stringify(k)).join(', ')}), got ${describeValue(id)}`,
      },
    ]);
  }
  const chain: Scenario[] = [start];
  let current = start;
  while (current.parent !== undefined) {
    const parent = byId.get(current.parent);
    const trail = chain.map((s) => s.id);
    if (parent === undefined) {
      throw new RareEarthsError(fn, 'not-found', [
        {
          path: [...path, 'parent'],
          message: `expected the parent of ${JSON.stringify(current.id)} in the set, got ${JSON.stringify(current.parent)}`,
        },
      ]);
    }
    if (trail.includes(parent.id)) {
      throw new RareEarthsError(fn, 'invalid-argument', [
        {
          path: [...path, 'parent'],
          message: `expected parents without a cycle, got ${[...trail, parent.id].join(' -> ')}`,
        },
      ]);
    }
    chain.push(parent);
    current = parent;
  }
  // Oldest ancestor first: each generation overrides by id what it inherits.
  const effective = new Map<string, Intervention>();
  for (const scenario of [...chain].reverse()) {
    for (const intervention of scenario.interventions) effective.set(intervention.id, intervention);
  }
  const interventions = [...effective.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const { parent: _parent, ...own } = start;
  return {
    scenario: { ...own, interventions },
    lineage: chain.map((s) => s.id),
  };
}

/**
 * A scenario with its parents flattened into one effective list of interventions: the oldest
 * ancestor's interventions, overridden by each descendant's intervention with the same id and
 * added to by its new ones (a scenario is a parent plus overrides, as in LEAP). The result has
 * no `parent`, keeps the scenario's own id, name, description and horizon, and lists its
 * interventions sorted by id (the order of interventions never changes an evaluation).
 *
 * @category Scenario
 * @param scenarios - the set the scenario and its ancestors belong to (e.g. from `parseScenarios`)
 * @param id - the id of the scenario to resolve
 * @returns a new scenario without a parent; the inputs are not changed
 * @throws {@link RareEarthsError} (`not-found`) for an id or a parent not in the set;
 *   (`invalid-argument`) for a cycle of parents
 * @example
 * ```ts
 * import { resolveScenario, type Scenario } from 'rare-earths';
 *
 * const set: Scenario[] = [
 *   {
 *     id: 'ban', name: 'A ban', horizon: { from: 2025, to: 2030 },
 *     interventions: [{ kind: 'exportRestriction', id: 'cn', country: 'CHN', cut: 1, from: 2025 }],
 *   },
 *   {
 *     id: 'half', name: 'Half', parent: 'ban', horizon: { from: 2025, to: 2030 },
 *     interventions: [{ kind: 'exportRestriction', id: 'cn', country: 'CHN', cut: 0.5, from: 2026 }],
 *   },
 * ];
 * const half = resolveScenario(set, 'half');
 * half.parent; // => undefined
 * half.interventions.length; // => 1
 * half.interventions[0]?.kind === 'exportRestriction' && half.interventions[0].cut; // => 0.5
 * ```
 */
export function resolveScenario(scenarios: readonly Scenario[], id: string): Scenario {
  if (!Array.isArray(scenarios)) {
    throw new RareEarthsError('resolveScenario', 'invalid-argument', [
      {
        path: ['scenarios'],
        message: `expected an array of scenarios, got ${describeValue(scenarios)}`,
      },
    ]);
  }
  scenarios.forEach((scenario: unknown, index) => {
    // A set read from JSON goes through parseScenarios; this catches untyped callers' junk.
    const candidate = scenario as { readonly id?: unknown } | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.id !== 'string') {
      throw new RareEarthsError('resolveScenario', 'invalid-argument', [
        {
          path: ['scenarios', index],
          message: `expected a scenario with a string id, got ${describeValue(scenario)}`,
        },
      ]);
    }
  });
  return resolveWithLineage('resolveScenario', scenarios, id, ['id']).scenario;
}
