import { RareEarthsError } from '../errors/index.js';
import type { Stage } from '../model/index.js';

/**
 * A six-digit Harmonized System code that an import keeps, with the stage whose product it
 * carries and the product's words.
 *
 * @category Trade
 */
export interface TradeCode {
  /** The HS6 code with its dot, e.g. `'2846.90'`. */
  readonly hs: string;
  /** The stage whose product the code carries; absent when it is no one stage's product. */
  readonly stage?: Stage;
  /** What the code covers, e.g. `'rare-earth compounds other than cerium'`. */
  readonly description: string;
  /**
   * The mass the trade statistics give for it: always the product's own mass (net weight), not
   * its rare-earth oxide or metal content, which customs do not record.
   */
  readonly product: string;
}

/**
 * The rare-earth HS codes every import keeps unless told otherwise: the four six-digit
 * headings that the dataset's US trade records already use (USITC HTS headings 2805, 2846 and
 * 8505, whose first six digits are the international Harmonized System's).
 *
 * - `2805.30` rare-earth metals, scandium and yttrium, intermixed or interalloyed or not: the
 *   metal stage.
 * - `2846.10` cerium compounds, and `2846.90` the other rare-earth, yttrium and scandium
 *   compounds: separated products, the separation stage.
 * - `8505.11` permanent magnets of metal: the magnet stage. The heading holds every metal
 *   magnet (NdFeB, SmCo, AlNiCo), not only rare-earth ones; an import says so in its
 *   assumptions.
 *
 * Source: World Customs Organization, Harmonized System Nomenclature 2022, headings 28.05,
 * 28.46 and 85.05 (as quoted in the dataset's source `usitc-hts-headings`).
 *
 * @category Trade
 * @example
 * ```ts
 * import { RARE_EARTH_TRADE_CODES } from 'rare-earths/trade';
 *
 * RARE_EARTH_TRADE_CODES.map((code) => code.hs); // => ['2805.30', '2846.10', '2846.90', '8505.11']
 * RARE_EARTH_TRADE_CODES[3]?.stage; // => 'magnet'
 * ```
 */
export const RARE_EARTH_TRADE_CODES: readonly TradeCode[] = Object.freeze([
  Object.freeze({
    hs: '2805.30',
    stage: 'metal',
    description: 'rare-earth metals, scandium and yttrium',
    product: 'rare-earth metals and alloys (net weight)',
  }),
  Object.freeze({
    hs: '2846.10',
    stage: 'separation',
    description: 'cerium compounds',
    product: 'cerium compounds (net weight)',
  }),
  Object.freeze({
    hs: '2846.90',
    stage: 'separation',
    description: 'rare-earth, yttrium and scandium compounds other than cerium',
    product: 'rare-earth compounds other than cerium (net weight)',
  }),
  Object.freeze({
    hs: '8505.11',
    stage: 'magnet',
    description: 'permanent magnets of metal',
    product: 'permanent magnets of metal (net weight)',
  }),
] satisfies TradeCode[]);

/** `'284690'` or `'2846.90'` → `'2846.90'`; undefined for anything that is not six digits. @internal */
export function hs6(code: string): string | undefined {
  const digits = code.replace('.', '');
  return /^\d{6}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4)}` : undefined;
}

/**
 * The codes an import keeps, by their six digits without the dot: the given list (the default
 * {@link RARE_EARTH_TRADE_CODES}), each checked.
 *
 * @internal
 */
export function codeTable(
  fn: string,
  codes: readonly TradeCode[] | undefined,
): Map<string, TradeCode> {
  const table = new Map<string, TradeCode>();
  const list = codes ?? RARE_EARTH_TRADE_CODES;
  if (!Array.isArray(list) || list.length === 0) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      { path: ['options', 'codes'], message: 'expected a non-empty list of HS codes' },
    ]);
  }
  list.forEach((code: TradeCode, index) => {
    const normal = typeof code?.hs === 'string' ? hs6(code.hs) : undefined;
    if (normal === undefined || typeof code.description !== 'string') {
      throw new RareEarthsError(fn, 'invalid-argument', [
        {
          path: ['options', 'codes', index, 'hs'],
          message: `expected a six-digit HS code such as "2846.90" with a description, got ${JSON.stringify(code?.hs)}`,
        },
      ]);
    }
    table.set(normal.replace('.', ''), { ...code, hs: normal });
  });
  return table;
}
