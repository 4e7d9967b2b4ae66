/**
 * The single error type of the library, and the helpers that build its messages.
 *
 * @packageDocumentation
 */

/**
 * What kind of problem a {@link RareEarthsError} reports.
 *
 * - `'invalid-argument'`: a function was called with a value outside its domain (a negative
 *   share, NaN, an unknown element symbol).
 * - `'invalid-input'`: untrusted data (a dataset or scenario file) failed validation; the error
 *   lists every problem found, each with its path.
 * - `'unit-mismatch'`: arithmetic between quantities of different units, bases or currencies.
 * - `'not-found'`: a lookup named something the data does not hold (a year, a country, a stage).
 * - `'not-computable'`: the inputs are valid but the requested quantity is undefined for them
 *   (a stock-driven model whose first-year survival is zero, say).
 *
 * @category Errors
 */
export type ErrorCode =
  | 'invalid-argument'
  | 'invalid-input'
  | 'unit-mismatch'
  | 'not-found'
  | 'not-computable';

/**
 * One problem found in an input: where it is, and what was expected there.
 *
 * @category Errors
 */
export interface ErrorIssue {
  /** Path inside the input, as keys and array indices, e.g. `['deposits', 3, 'grade']`. */
  readonly path: readonly (string | number)[];
  /** What was expected and what was found, in words, e.g. `expected a fraction between 0 and 1, got 1.7`. */
  readonly message: string;
}

/**
 * The error every function of the library throws for bad input.
 *
 * Its `message` names the function, then each problem with its path inside the input, e.g.
 * `hhi: values[2]: expected a finite non-negative number, got -1`. The structured parts are also
 * available: `fn` (the function), `code` (the kind of problem) and `issues` (every problem, each
 * with its `path` as an array). Nothing half-done is ever returned alongside it: a function that
 * throws has produced no result.
 *
 * @category Errors
 * @example
 * ```ts
 * import { type ElementSymbol, RareEarthsError, element } from 'rare-earths';
 *
 * let caught: unknown;
 * try {
 *   element('Nx' as ElementSymbol);
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof RareEarthsError; // => true
 * (caught as RareEarthsError).fn; // => 'element'
 * (caught as RareEarthsError).issues[0]?.path; // => ['symbol']
 * ```
 */
export class RareEarthsError extends Error {
  /** The library function that refused its input, e.g. `'hhi'` or `'parseDataset'`. */
  readonly fn: string;
  /** The kind of problem. */
  readonly code: ErrorCode;
  /** Every problem found, each with its path inside the input. Never empty. */
  readonly issues: readonly ErrorIssue[];

  /**
   * @param fn - the function that refuses its input
   * @param code - the kind of problem
   * @param issues - every problem found (at least one)
   */
  constructor(fn: string, code: ErrorCode, issues: readonly ErrorIssue[]) {
    super(formatMessage(fn, issues));
    this.name = 'RareEarthsError';
    this.fn = fn;
    this.code = code;
    this.issues = issues.map((issue) => ({ path: [...issue.path], message: issue.message }));
  }
}

/**
 * Whether a value is a {@link RareEarthsError}, also across bundle copies of the library
 * (where `instanceof` fails because each copy has its own class).
 *
 * @category Errors
 * @param value - anything, typically a caught error
 * @returns `true` when `value` is an error thrown by this library
 * @example
 * ```ts
 * import { type ElementSymbol, element, isRareEarthsError } from 'rare-earths';
 *
 * let caught: unknown;
 * try {
 *   element('Nx' as ElementSymbol);
 * } catch (error) {
 *   caught = error;
 * }
 * isRareEarthsError(caught); // => true
 * isRareEarthsError(new Error('other')); // => false
 * ```
 */
export function isRareEarthsError(value: unknown): value is RareEarthsError {
  if (value instanceof RareEarthsError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; fn?: unknown; issues?: unknown };
  return (
    candidate.name === 'RareEarthsError' &&
    typeof candidate.fn === 'string' &&
    Array.isArray(candidate.issues)
  );
}

/**
 * Render a path as a JavaScript-like accessor: `['deposits', 3, 'grade']` → `deposits[3].grade`.
 * Keys that are not identifiers are quoted: `['shares', 'a b']` → `shares["a b"]`.
 *
 * @internal
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(input)' : out;
}

/**
 * Describe a received value briefly for an error message: numbers and short strings verbatim,
 * long strings and structures abbreviated, so a 10 MB input never ends up in a message.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object';
}

function formatMessage(fn: string, issues: readonly ErrorIssue[]): string {
  if (issues.length === 1) {
    const only = issues[0] as ErrorIssue;
    return `${fn}: ${formatPath(only.path)}: ${only.message}`;
  }
  const lines = issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  return `${fn}: ${issues.length} problems:\n${lines.join('\n')}`;
}

/**
 * Throw a {@link RareEarthsError} for one bad argument.
 *
 * @internal
 * @param fn - the public function refusing its input
 * @param path - where inside the input
 * @param expected - what was expected, phrased to follow "expected", e.g. `a fraction between 0 and 1`
 * @param received - the offending value (described briefly in the message)
 */
export function invalidArgument(
  fn: string,
  path: readonly (string | number)[],
  expected: string,
  received: unknown,
): never {
  throw new RareEarthsError(fn, 'invalid-argument', [
    { path, message: `expected ${expected}, got ${describeValue(received)}` },
  ]);
}
