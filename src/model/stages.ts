import { invalidArgument } from '../errors/index.js';
import type { Stage } from './types.js';

/**
 * The four stages of the supply chain, upstream first: mining, separation (in everyday usage
 * "refining"), metal and alloy, magnet. The one list every function, schema and message reads;
 * a stage's position is its rank upstream to downstream.
 *
 * @category Model
 * @example
 * ```ts
 * import { STAGES } from 'rare-earths';
 *
 * STAGES.indexOf('metal'); // => 2
 * ```
 */
export const STAGES = [
  'mining',
  'separation',
  'metal',
  'magnet',
] as const satisfies readonly Stage[];

/**
 * The four stages of the supply chain, upstream first: mining, separation, metal, magnet.
 *
 * @category Model
 * @returns a fresh (mutable) copy of {@link STAGES}
 * @example
 * ```ts
 * import { stages } from 'rare-earths';
 *
 * stages(); // => ['mining', 'separation', 'metal', 'magnet']
 * ```
 */
export function stages(): Stage[] {
  return [...STAGES];
}

/**
 * Whether a value is one of the four stages.
 *
 * @category Model
 * @param value - anything
 * @returns `true` for `'mining'`, `'separation'`, `'metal'` or `'magnet'`
 * @example
 * ```ts
 * import { isStage } from 'rare-earths';
 *
 * isStage('separation'); // => true
 * // 'refining' is an alias that functions read as 'separation', not a stage itself
 * isStage('refining'); // => false
 * ```
 */
export function isStage(value: unknown): value is Stage {
  return (STAGES as readonly unknown[]).includes(value);
}

/** The four stages as a message reads them: `'mining', 'separation', 'metal' or 'magnet'`. @internal */
export function stageList(): string {
  const quoted = STAGES.map((stage) => `'${stage}'`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** How the accepted stage names read in an error message, with the alias. @internal */
export function stageNamesExpected(): string {
  return stageList().replace("'separation'", "'separation' (or its alias 'refining')");
}

/**
 * Read a stage named by a caller: one of the four stages, or `'refining'` read as
 * `'separation'` (see {@link StageName}); anything else is refused, naming `path`.
 *
 * @internal
 */
export function readStage(fn: string, path: readonly (string | number)[], value: unknown): Stage {
  if (value === 'refining') return 'separation';
  if (isStage(value)) return value;
  return invalidArgument(fn, path, `a stage: ${stageNamesExpected()}`, value);
}
