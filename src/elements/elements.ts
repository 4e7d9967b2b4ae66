import { invalidArgument } from '../errors/index.js';
import { rowOf } from './lookup.js';
import { oxideMasses } from './masses.js';
import { ELEMENT_ROWS, type ElementRow } from './table.js';

/**
 * The symbol of one of the 17 rare-earth elements: scandium, yttrium and the 15 lanthanides.
 *
 * @category Elements
 */
export type ElementSymbol =
  | 'Sc'
  | 'Y'
  | 'La'
  | 'Ce'
  | 'Pr'
  | 'Nd'
  | 'Pm'
  | 'Sm'
  | 'Eu'
  | 'Gd'
  | 'Tb'
  | 'Dy'
  | 'Ho'
  | 'Er'
  | 'Tm'
  | 'Yb'
  | 'Lu';

/**
 * A grouping scheme for the rare earths. The schemes disagree on europium and gadolinium, which
 * the USGS counts as light and the EU as heavy, and on yttrium's chapter.
 *
 * - `'usgs'`: USGS Mineral Commodity Summaries 2026 ("Rare Earths (Heavy)": Tb–Lu heavy, Y
 *   "considered heavy"; La–Gd light; Sc in its own chapter).
 * - `'eu'`: EU critical raw materials assessment 2023 (LREE Ce, La, Nd, Pr, Sm; HREE Dy, Er,
 *   Eu, Gd, Ho, Lu, Tb, Tm, Yb, Y; Sc separate; Pm not assessed).
 *
 * @category Elements
 */
export type GroupScheme = 'usgs' | 'eu';

/**
 * The group an element belongs to under a {@link GroupScheme}: `'light'` (LREE), `'heavy'`
 * (HREE), `'scandium'` (assessed on its own) or `'unassessed'` (promethium in the EU scheme).
 *
 * @category Elements
 */
export type ElementGroup = 'light' | 'heavy' | 'scandium' | 'unassessed';

/**
 * An oxide of a rare-earth element, M_mO_n.
 *
 * @category Elements
 */
export interface Oxide {
  /** Formula as written in trade and statistics, e.g. `'Nd2O3'`, `'Pr6O11'`, `'CeO2'`. */
  readonly formula: string;
  /** m, the metal atoms per formula unit. */
  readonly metalAtoms: number;
  /** n, the oxygen atoms per formula unit. */
  readonly oxygenAtoms: number;
}

/**
 * One rare-earth element and the facts the supply-chain arithmetic needs.
 *
 * @category Elements
 */
export interface RareEarthElement<S extends ElementSymbol = ElementSymbol> {
  /** Chemical symbol, e.g. `'Nd'`. */
  readonly symbol: S;
  /** English name in lower case, e.g. `'neodymium'`. */
  readonly name: string;
  /** Atomic number Z. */
  readonly atomicNumber: number;
  /**
   * Standard atomic weight, g/mol, as an exact decimal string (IUPAC CIAAW 2021, with the 2024
   * revisions of Gd and Lu). For promethium, which has none, the mass number 145.
   */
  readonly atomicWeight: string;
  /** `'standard'` for a CIAAW standard atomic weight; `'mass-number'` for promethium. */
  readonly atomicWeightBasis: 'standard' | 'mass-number';
  /** The oxide that rare-earth-oxide (REO) figures for this element are reported as. */
  readonly oxide: Oxide;
  /** Other oxides met in trade (Ce2O3, Pr2O3, Tb2O3), for explicit conversions. */
  readonly alternativeOxides: readonly Oxide[];
  /** Group under each scheme; see {@link GroupScheme}. */
  readonly groups: {
    /** Group under the USGS scheme (Mineral Commodity Summaries 2026). */
    readonly usgs: ElementGroup;
    /** Group under the EU scheme (critical raw materials assessment 2023). */
    readonly eu: ElementGroup;
  };
}

/**
 * Options naming which oxide a conversion factor is for.
 *
 * @category Elements
 */
export interface OxideOptions {
  /** Oxide formula; default the element's usual oxide (the one REO is reported as). */
  readonly oxide?: string;
}

/**
 * Options naming a grouping scheme.
 *
 * @category Elements
 */
export interface GroupOptions {
  /** Which scheme to apply; there is no default, because the schemes disagree on Eu and Gd. */
  readonly scheme: GroupScheme;
}

function toOxide(row: ElementRow['oxides'][number]): Oxide {
  return { formula: row.formula, metalAtoms: row.metalAtoms, oxygenAtoms: row.oxygenAtoms };
}

/**
 * Look up one rare-earth element by its symbol.
 *
 * Sources: atomic weights from IUPAC CIAAW (2021 report, doi:10.1515/pac-2019-0603, and the 2024
 * Gd and Lu revisions); usual oxides as the USGS reports REO; groups as in {@link GroupScheme}.
 *
 * @category Elements
 * @param symbol - the element's symbol; case matters (`'Nd'`, not `'ND'`)
 * @returns a fresh record (changing it does not change the library's table)
 * @throws {@link RareEarthsError} (`invalid-argument`) for anything that is not one of the 17
 *   symbols; the message suggests the right case when only case is wrong
 * @example
 * ```ts
 * import { element } from 'rare-earths';
 *
 * const nd = element('Nd');
 * nd.atomicNumber; // => 60
 * nd.oxide.formula; // => 'Nd2O3'
 * nd.groups; // => { usgs: 'light', eu: 'light' }
 * ```
 */
export function element<S extends ElementSymbol>(symbol: S): RareEarthElement<S> {
  const row = rowOf('element', ['symbol'], symbol);
  const [usual, ...alternatives] = row.oxides;
  return {
    symbol,
    name: row.name,
    atomicNumber: row.atomicNumber,
    atomicWeight: row.atomicWeight,
    atomicWeightBasis: row.atomicWeightBasis,
    oxide: toOxide(usual as ElementRow['oxides'][number]),
    alternativeOxides: alternatives.map(toOxide),
    groups: { usgs: row.usgs, eu: row.eu },
  };
}

/**
 * Whether a value is one of the 17 rare-earth element symbols (case-sensitive).
 *
 * @category Elements
 * @param value - anything
 * @returns `true` for `'Sc'`, `'Y'`, `'La'` … `'Lu'`
 * @example
 * ```ts
 * import { isElementSymbol } from 'rare-earths';
 *
 * isElementSymbol('Dy'); // => true
 * isElementSymbol('DY'); // => false
 * isElementSymbol('Fe'); // => false
 * ```
 */
export function isElementSymbol(value: unknown): value is ElementSymbol {
  return ELEMENT_ROWS.some((row) => row.symbol === value);
}

/**
 * The 17 rare-earth element symbols in order of atomic number (Sc, Y, then La to Lu).
 *
 * @category Elements
 * @returns a fresh array of symbols
 * @example
 * ```ts
 * import { elementSymbols } from 'rare-earths';
 *
 * elementSymbols().length; // => 17
 * elementSymbols().slice(0, 4); // => ['Sc', 'Y', 'La', 'Ce']
 * ```
 */
export function elementSymbols(): ElementSymbol[] {
  return ELEMENT_ROWS.map((row) => row.symbol);
}

function checkScheme(fn: string, options: unknown): GroupScheme {
  const scheme = (options as { scheme?: unknown } | undefined)?.scheme;
  if (scheme === 'usgs' || scheme === 'eu') return scheme;
  return invalidArgument(fn, ['options', 'scheme'], "'usgs' or 'eu'", scheme);
}

/**
 * The group of an element under a grouping scheme. The USGS and the EU disagree on europium and
 * gadolinium (light for the USGS, heavy for the EU), so the scheme must be named.
 *
 * @category Elements
 * @param symbol - an element symbol
 * @param options - `{ scheme: 'usgs' | 'eu' }`
 * @returns `'light'`, `'heavy'`, `'scandium'` or `'unassessed'`
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown symbol or scheme
 * @example
 * ```ts
 * import { elementGroup } from 'rare-earths';
 *
 * elementGroup('Gd', { scheme: 'usgs' }); // => 'light'
 * elementGroup('Gd', { scheme: 'eu' }); // => 'heavy'
 * elementGroup('Y', { scheme: 'eu' }); // => 'heavy'
 * ```
 */
export function elementGroup(symbol: ElementSymbol, options: GroupOptions): ElementGroup {
  const row = rowOf('elementGroup', ['symbol'], symbol);
  return row[checkScheme('elementGroup', options)];
}

/**
 * The elements of one group under a grouping scheme, in order of atomic number.
 *
 * @category Elements
 * @param group - `'light'`, `'heavy'`, `'scandium'` or `'unassessed'`
 * @param options - `{ scheme: 'usgs' | 'eu' }`
 * @returns a fresh array of symbols (empty for `'unassessed'` under `'usgs'`)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown group or scheme
 * @example
 * ```ts
 * import { elementsInGroup } from 'rare-earths';
 *
 * elementsInGroup('light', { scheme: 'eu' }); // => ['La', 'Ce', 'Pr', 'Nd', 'Sm']
 * elementsInGroup('heavy', { scheme: 'usgs' }); // => ['Y', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu']
 * ```
 */
export function elementsInGroup(group: ElementGroup, options: GroupOptions): ElementSymbol[] {
  const scheme = checkScheme('elementsInGroup', options);
  if (group !== 'light' && group !== 'heavy' && group !== 'scandium' && group !== 'unassessed') {
    invalidArgument(
      'elementsInGroup',
      ['group'],
      "'light', 'heavy', 'scandium' or 'unassessed'",
      group,
    );
  }
  return ELEMENT_ROWS.filter((row) => row[scheme] === group).map((row) => row.symbol);
}

/**
 * The mass fraction of metal in a rare-earth oxide: tonnes of element per tonne of oxide,
 * m·A / (m·A + n·O) for oxide M_mO_n, from standard atomic weights (O = 15.999).
 *
 * This is the factor that turns oxide (REO) tonnages into element content, e.g. 0.8574 for
 * Nd2O3. It matches the conversion factors used across the industry (La2O3 → La 0.8527,
 * CeO2 → Ce 0.8141). For exact decimal conversion of masses, use the quantity functions.
 *
 * @category Elements
 * @param symbol - an element symbol
 * @param options - `{ oxide }` for an alternative oxide such as `'Ce2O3'`; default the usual one
 * @returns the factor, t metal per t oxide (dimensionless, below 1)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown symbol or an oxide the
 *   element does not form in the table
 * @example
 * ```ts
 * import { oxideToMetal } from 'rare-earths';
 *
 * oxideToMetal('Nd'); // ≈ 0.8574
 * oxideToMetal('Ce', { oxide: 'Ce2O3' }); // ≈ 0.8538
 * 1_000 * oxideToMetal('Dy'); // ≈ 871.3
 * ```
 */
export function oxideToMetal(symbol: ElementSymbol, options: OxideOptions = {}): number {
  if (typeof options !== 'object' || options === null) {
    invalidArgument('oxideToMetal', ['options'], 'an options object { oxide }', options);
  }
  const masses = oxideMasses('oxideToMetal', symbol, options.oxide);
  return masses.metal.dividedBy(masses.oxide).toNumber();
}

/**
 * The mass of oxide that contains one unit mass of the metal: tonnes of oxide per tonne of
 * element, (m·A + n·O) / (m·A); the reciprocal of {@link oxideToMetal}.
 *
 * @category Elements
 * @param symbol - an element symbol
 * @param options - `{ oxide }` for an alternative oxide such as `'Pr2O3'`; default the usual one
 * @returns the factor, t oxide per t metal (dimensionless, above 1)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown symbol or oxide
 * @example
 * ```ts
 * import { metalToOxide } from 'rare-earths';
 *
 * metalToOxide('La'); // ≈ 1.1728
 * metalToOxide('Pr'); // ≈ 1.2082
 * metalToOxide('Tb', { oxide: 'Tb2O3' }); // ≈ 1.1510
 * ```
 */
export function metalToOxide(symbol: ElementSymbol, options: OxideOptions = {}): number {
  if (typeof options !== 'object' || options === null) {
    invalidArgument('metalToOxide', ['options'], 'an options object { oxide }', options);
  }
  const masses = oxideMasses('metalToOxide', symbol, options.oxide);
  return masses.oxide.dividedBy(masses.metal).toNumber();
}
