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
 * isStage('refining'); // => false
 * ```
 */
export function isStage(value: unknown): value is Stage {
  return value === 'mining' || value === 'separation' || value === 'metal' || value === 'magnet';
}
