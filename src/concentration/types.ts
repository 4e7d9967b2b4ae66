/**
 * Supply as the concentration indices accept it: non-negative quantities or shares, as an array
 * or as a record keyed by supplier (a country code, a company). The indices normalise it
 * themselves, so tonnes, percent and fractions give the same result, at any magnitude up to the
 * float64 limit (values near it are scaled down by a power of two, exactly, before summing).
 *
 * @category Concentration
 */
export type SupplyValues = readonly number[] | Readonly<Record<string, number>>;

/**
 * How a record input marks a residual row ("other countries", "rest of world"), which holds many
 * producers and so must never be read as one supplier.
 *
 * - `residual` names the residual keys. A key that reads as a residual (`other`, `others`,
 *   `other countries`, `rest of world`, `rest of the world`, `ROW`, `OTH`, in any case) is
 *   refused unless it is named here, so a residual is never counted silently.
 * - `residualAs: 'excluded'` (the default) leaves the residual out: the index describes the
 *   identified suppliers, with their shares taken of their own total. {@link hhiBounds} reports
 *   how much supply that leaves out and brackets the true HHI.
 * - `residualAs: 'one-supplier'` counts each residual key as a single supplier. For the HHI and
 *   the concentration ratio that is an upper bound on the true value (many producers are less
 *   concentrated than one).
 *
 * @category Concentration
 */
export interface ResidualOptions {
  /** Record keys that hold a residual of many producers, e.g. `['other']`. Default none. */
  readonly residual?: readonly string[];
  /** `'excluded'` (default) or `'one-supplier'` (an upper bound for HHI and CRk). */
  readonly residualAs?: 'excluded' | 'one-supplier';
}

/**
 * Which suppliers count in N, for the indices that depend on it (normalised HHI, Gini, Theil).
 *
 * - `'active'` (default): suppliers with a positive value. Listing a zero changes nothing.
 * - `'listed'`: every value given, zeros included, as PySAL and open-risk do; one active
 *   supplier among N listed then shows as unequal.
 *
 * @category Concentration
 */
export type SupplierCount = 'active' | 'listed';

/**
 * Options naming how N is counted.
 *
 * @category Concentration
 */
export interface CountOptions extends ResidualOptions {
  /** `'active'` (default) or `'listed'`; see {@link SupplierCount}. */
  readonly count?: SupplierCount;
}

/**
 * The scale an HHI is reported on: `'fraction'` (0–1, shares as fractions) or `'points'`
 * (0–10 000, shares in percent, as competition authorities quote it).
 *
 * @category Concentration
 */
export type HhiScale = 'fraction' | 'points';

/**
 * Options for {@link hhi} and the other HHI helpers.
 *
 * @category Concentration
 */
export interface HhiOptions extends ResidualOptions {
  /** `'fraction'` (default, 0–1) or `'points'` (0–10 000). */
  readonly scale?: HhiScale;
}

/**
 * Options for {@link gini}.
 *
 * @category Concentration
 */
export interface GiniOptions extends CountOptions {
  /**
   * Multiply the population Gini by N/(N−1), so that its maximum is 1 instead of (N−1)/N.
   * Default `false`.
   */
  readonly corrected?: boolean;
}

/**
 * Options for {@link shannonEntropy}.
 *
 * @category Concentration
 */
export interface EntropyOptions extends ResidualOptions {
  /** Base of the logarithm: e (default, nats), 2 (bits), 10 … Any positive number except 1. */
  readonly base?: number;
}
