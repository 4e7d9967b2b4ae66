import * as z from 'zod';
import { type ErrorIssue, RareEarthsError } from '../errors/index.js';
import { guardInput } from './guard.js';
import { datasetIssues, scenarioIssues, scenarioSetIssues } from './integrity.js';
import type { Scenario } from './scenario-types.js';
import { datasetSchema, describeInput, scenarioSchema } from './schema.js';
import type { Dataset } from './types.js';

/**
 * The outcome of a `safeParse…` function: the value, or the error that `parse…` would throw.
 *
 * @category Model
 */
export type ParseResult<T> =
  | {
      /** The input was valid. */
      readonly success: true;
      /** The validated value. */
      readonly data: T;
    }
  | {
      /** The input was not valid. */
      readonly success: false;
      /** Every problem, each with its path. */
      readonly error: RareEarthsError;
    };

/**
 * Options for {@link parseScenario} and {@link parseScenarios}.
 *
 * @category Model
 */
export interface ParseScenarioOptions {
  /** Check references (countries, facilities, applications, sources) against this dataset. */
  readonly dataset?: Dataset;
}

/** Phrases for zod's own issue kinds, in the library's `expected …, got …` form. */
function phrase(issue: z.core.$ZodRawIssue): string {
  const got = describeInput(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(String(issue.expected))}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${got}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}, got ${got}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}, got ${got}`;
    case 'invalid_union':
      return `expected one of the allowed forms, got ${got}`;
    default:
      return `expected a valid value, got ${got}`;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Turn zod issues into the library's issues, one per unknown key. */
function toIssues(issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: 'expected no such field (unknown field)' });
    } else if (
      issue.code === 'invalid_union' &&
      (issue as { note?: string }).note === 'No matching discriminator'
    ) {
      const input = (issue as { input?: unknown }).input as Record<string, unknown> | undefined;
      const options = (issue as unknown as { options?: unknown[] }).options ?? [];
      const discriminator = String((issue as { discriminator?: unknown }).discriminator);
      out.push({
        path: path[path.length - 1] === discriminator ? path : [...path, discriminator],
        message: `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describeInput(input?.[discriminator])}`,
      });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

// Keep an error readable when a hostile file has thousands of problems.
const MAX_ISSUES = 50;

// Far more scenarios than anyone compares; each costs a schema pass, so a 10 MB array of junk
// would otherwise keep parseScenarios busy for minutes.
const MAX_SCENARIOS = 10_000;

function fail<T>(fn: string, issues: ErrorIssue[], uncounted = 0): ParseResult<T> {
  const more = issues.length - MAX_ISSUES + uncounted;
  const shown =
    more > 0
      ? [...issues.slice(0, MAX_ISSUES), { path: [], message: `and ${more} more problems` }]
      : issues;
  return { success: false, error: new RareEarthsError(fn, 'invalid-input', shown) };
}

function schemaPass<T>(fn: string, schema: z.ZodType<T>, json: unknown): ParseResult<T> {
  if (typeof json === 'string') {
    return fail(fn, [
      {
        path: [],
        message:
          'expected a parsed object, got a string (parse the JSON text first with JSON.parse)',
      },
    ]);
  }
  const guarded = guardInput(json);
  if (guarded.length > 0) return fail(fn, guarded);
  const result = schema.safeParse(json, { reportInput: true, error: phrase });
  if (!result.success) return fail(fn, toIssues(result.error.issues));
  return { success: true, data: result.data };
}

/**
 * Validate untrusted data as a {@link Dataset}, returning a result instead of throwing.
 *
 * Checks the shape of every record (types, ranges, enums, no unknown fields, nothing coerced:
 * a string `"12"` where a number is owed is an error; amounts of mass and money take a number or
 * a plain decimal string, as documented; the masses of a dataset, which are outputs, capacities,
 * reserves, flows and totals, are never negative; a stage named `'refining'` is read as
 * `'separation'`), then the rules across records: every reference to a
 * source, country, region, facility or application resolves; ids are unique; owner stakes and
 * element distributions sum to at most 1; shares of one published table sum to at most 1 (within
 * rounding); feedstock links run downstream and have no cycle; governance values agree with the
 * WGI scaling; a derived figure says how, an estimate says by whom. Keys such as `__proto__`
 * are refused before anything else reads the input.
 *
 * @category Model
 * @param json - a parsed JSON value (not JSON text)
 * @returns `{ success: true, data }`, or `{ success: false, error }` listing every problem with its
 *   path (this function never throws; {@link parseDataset} is the throwing variant)
 * @example
 * ```ts
 * import { safeParseDataset } from 'rare-earths';
 *
 * const result = safeParseDataset({ schemaVersion: 1, name: 'tiny', sources: [], countries: [{ code: 'CN', name: 'China' }] });
 * result.success; // => false
 * result.success ? '' : result.error.message; // => 'parseDataset: countries[0].code: expected an ISO 3166-1 alpha-3 country code such as "CHN", got "CN"'
 * ```
 */
export function safeParseDataset(json: unknown): ParseResult<Dataset> {
  const shaped = schemaPass('parseDataset', datasetSchema(), json);
  if (!shaped.success) return shaped;
  const issues = datasetIssues(shaped.data);
  return issues.length > 0 ? fail('parseDataset', issues) : shaped;
}

/**
 * Validate untrusted data as a {@link Dataset}, throwing one error that lists every problem.
 * The rules are those of {@link safeParseDataset}.
 *
 * @category Model
 * @param json - a parsed JSON value
 * @returns the dataset, typed
 * @throws {@link RareEarthsError} (`invalid-input`) whose message lists every problem with its path,
 *   e.g. `deposits[3].estimates[0].grade: expected a fraction between 0 and 1, got 1.7`
 * @example
 * ```ts
 * import { parseDataset } from 'rare-earths';
 *
 * const dataset = parseDataset({
 *   schemaVersion: 1,
 *   name: 'mine production, 2024',
 *   sources: [{ id: 'usgs-mcs-2026', title: 'Mineral Commodity Summaries 2026: Rare Earths', publisher: 'U.S. Geological Survey', year: 2026 }],
 *   countries: [{ code: 'CHN', name: 'China' }],
 *   stageOutputs: [
 *     { stage: 'mining', country: 'CHN', year: 2024, measure: 'production', quantity: { amount: 270000, unit: 't', basis: 'REO' }, provenance: { source: 'usgs-mcs-2026', tag: 'reported' } },
 *   ],
 * });
 * dataset.stageOutputs?.length; // => 1
 * ```
 */
export function parseDataset(json: unknown): Dataset {
  const result = safeParseDataset(json);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Validate untrusted data as a {@link Scenario}, returning a result instead of throwing.
 *
 * Besides the shape, checks that the horizon runs forward, intervention ids are unique, the years
 * of interventions fall within the horizon, a capacity change names a facility or a country and
 * stage, and (with `options.dataset`) that every country, region, facility, application and source
 * it names exists in the dataset. Parents are checked by {@link parseScenarios}.
 *
 * @category Model
 * @param json - a parsed JSON value
 * @param options - `dataset` to check references against
 * @returns `{ success: true, data }` or `{ success: false, error }` (never throws; see {@link parseScenario})
 * @example
 * ```ts
 * import { safeParseScenario } from 'rare-earths';
 *
 * const result = safeParseScenario({
 *   id: 'ban', name: 'A ban', horizon: { from: 2025, to: 2030 },
 *   interventions: [{ kind: 'exportRestriction', id: 'cut', country: 'CHN', cut: 1.5, from: 2025 }],
 * });
 * result.success ? '' : result.error.message; // => 'parseScenario: interventions[0].cut: expected a fraction between 0 and 1, got 1.5'
 * ```
 */
export function safeParseScenario(
  json: unknown,
  options: ParseScenarioOptions = {},
): ParseResult<Scenario> {
  return scenarioPass(scenarioSchema(), json, options);
}

/** {@link safeParseScenario} with a schema built once, for a set of scenarios. */
function scenarioPass(
  schema: z.ZodType<Scenario>,
  json: unknown,
  options: ParseScenarioOptions,
): ParseResult<Scenario> {
  const shaped = schemaPass('parseScenario', schema, json);
  if (!shaped.success) return shaped;
  const issues = scenarioIssues(shaped.data, options);
  return issues.length > 0 ? fail('parseScenario', issues) : shaped;
}

/**
 * Validate untrusted data as a {@link Scenario}, throwing one error that lists every problem.
 *
 * @category Model
 * @param json - a parsed JSON value
 * @param options - `dataset` to check references against
 * @returns the scenario, typed
 * @throws {@link RareEarthsError} (`invalid-input`) listing every problem with its path
 * @example
 * ```ts
 * import { parseScenario } from 'rare-earths';
 *
 * const scenario = parseScenario({ id: 'base', name: 'No change', horizon: { from: 2024, to: 2035 }, interventions: [] });
 * scenario.horizon.to; // => 2035
 * ```
 */
export function parseScenario(json: unknown, options: ParseScenarioOptions = {}): Scenario {
  const result = safeParseScenario(json, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Validate a set of scenarios that may inherit from each other: each one as in
 * {@link parseScenario}, plus unique ids, parents that exist in the set, and no cycle of
 * parents. A set holds at most 10,000 scenarios.
 *
 * @category Model
 * @param json - a parsed JSON array of scenarios
 * @param options - `dataset` to check references against
 * @returns the scenarios, typed, in the given order
 * @throws {@link RareEarthsError} (`invalid-input`) listing every problem with its path
 * @example
 * ```ts
 * import { parseScenarios } from 'rare-earths';
 *
 * let message = '';
 * try {
 *   parseScenarios([
 *     { id: 'a', name: 'A', parent: 'b', horizon: { from: 2025, to: 2030 }, interventions: [] },
 *     { id: 'b', name: 'B', parent: 'a', horizon: { from: 2025, to: 2030 }, interventions: [] },
 *   ]);
 * } catch (error) {
 *   message = (error as Error).message;
 * }
 * message.split('\n')[1]; // => '  scenarios[0].parent: expected parents without a cycle, got a -> b -> a'
 * ```
 */
export function parseScenarios(json: unknown, options: ParseScenarioOptions = {}): Scenario[] {
  if (!Array.isArray(json)) {
    throw new RareEarthsError('parseScenarios', 'invalid-input', [
      { path: [], message: `expected an array of scenarios, got ${describeInput(json)}` },
    ]);
  }
  if (json.length > MAX_SCENARIOS) {
    throw new RareEarthsError('parseScenarios', 'invalid-input', [
      {
        path: [],
        message: `expected at most ${MAX_SCENARIOS.toLocaleString('en')} scenarios, got ${json.length.toLocaleString('en')}`,
      },
    ]);
  }
  const guarded = guardInput(json);
  if (guarded.length > 0) throw new RareEarthsError('parseScenarios', 'invalid-input', guarded);
  const issues: ErrorIssue[] = [];
  const scenarios: Scenario[] = [];
  // One schema for the whole set (building it is what costs), and problems beyond what the
  // message shows are counted, not kept: a 10 MB array of junk stays fast and small.
  const schema = scenarioSchema();
  let uncounted = 0;
  // A plain loop, not forEach: a hole in a sparse array is a missing scenario, not nothing.
  for (let index = 0; index < json.length; index++) {
    const result = scenarioPass(schema, json[index], options);
    if (result.success) scenarios.push(result.data);
    else
      for (const issue of result.error.issues) {
        if (issues.length > MAX_ISSUES) uncounted += 1;
        else issues.push({ path: ['scenarios', index, ...issue.path], message: issue.message });
      }
  }
  if (issues.length === 0) issues.push(...scenarioSetIssues(scenarios));
  const result =
    issues.length > 0
      ? fail<Scenario[]>('parseScenarios', issues, uncounted)
      : { success: true as const, data: scenarios };
  if (!result.success) throw result.error;
  return result.data;
}

function jsonSchemaOf(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  });
  return { ...generated, $id: id, title };
}

/**
 * The JSON Schema (draft 2020-12) of a dataset, for users of other languages and for editors.
 * It describes the shape of every record; the rules across records (references, sums, cycles)
 * are documented on {@link parseDataset} and are only checked by the library.
 *
 * @category Model
 * @returns a fresh JSON Schema object
 * @example
 * ```ts
 * import { datasetJsonSchema } from 'rare-earths';
 *
 * const schema = datasetJsonSchema();
 * schema.$schema; // => 'https://json-schema.org/draft/2020-12/schema'
 * schema.title; // => 'rare-earths dataset'
 * ```
 */
export function datasetJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(datasetSchema(), 'urn:rare-earths:schema:dataset:1', 'rare-earths dataset');
}

/**
 * The JSON Schema (draft 2020-12) of a scenario.
 *
 * @category Model
 * @returns a fresh JSON Schema object
 * @example
 * ```ts
 * import { scenarioJsonSchema } from 'rare-earths';
 *
 * scenarioJsonSchema().title; // => 'rare-earths scenario'
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    scenarioSchema(),
    'urn:rare-earths:schema:scenario:1',
    'rare-earths scenario',
  );
}
