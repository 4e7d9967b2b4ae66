import { invalidArgument } from '../errors/index.js';
import type { Stage } from './types.js';

/**
 * The four stages of the supply chain, upstream first: mining, separation, metal, magnet.
 *
 * @category Model
 * @returns a fresh array
 * @example
 * ```ts
 * import { stages } from 'rare-earths';
 *
 * stages(); // => ['mining', 'separation', 'metal', 'magnet']
 * ```
 */
export function stages(): Stage[] {
  return ['mining', 'separation', 'metal', 'magnet'];
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
  return value === 'mining' || value === 'separation' || value === 'metal' || value === 'magnet';
}

/** How the accepted stage names read in an error message. @internal */
export const STAGE_NAMES_EXPECTED =
  "'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet'";

/**
 * Read a stage named by a caller: one of the four stages, or `'refining'` read as
 * `'separation'` (see {@link StageName}); anything else is refused, naming `path`.
 *
 * @internal
 */
export function readStage(fn: string, path: readonly (string | number)[], value: unknown): Stage {
  if (value === 'refining') return 'separation';
  if (isStage(value)) return value;
  return invalidArgument(fn, path, `a stage: ${STAGE_NAMES_EXPECTED}`, value);
}
