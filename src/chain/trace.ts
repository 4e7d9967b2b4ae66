import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError, RareEarthsError } from '../errors/index.js';
import type { Dataset, Facility, Stage, SupplierCode } from '../model/index.js';
import { STAGES } from '../model/index.js';
import { checkFraction, checkInteger } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';
import { coversYear, facilityFigure } from './records.js';
import { buildTable, readTableOptions } from './tables.js';

const ORDER: Record<Stage, number> = { mining: 0, separation: 1, metal: 2, magnet: 3 };

/**
 * A place in the chain: a stage in a country.
 *
 * @category Chain
 */
export interface ChainNode {
  /** The stage. */
  readonly stage: Stage;
  /** The country (ISO alpha-3), or `'other'` for an unidentified residual supplier. */
  readonly country: SupplierCode;
}

/**
 * A link between two places of the chain: the share of the downstream node's feed that comes
 * from the upstream node. Links may stay within a stage (cracking in Australia, separation in
 * Malaysia) or skip one (oxide straight to magnets).
 *
 * @category Chain
 */
export interface OriginLink {
  /** The upstream node. */
  readonly from: ChainNode;
  /** The downstream node. */
  readonly to: ChainNode;
  /** The share of `to`'s feed that comes from `from` (0–1). */
  readonly share: number;
  /** The elements the link applies to; absent for all. */
  readonly elements?: readonly ElementSymbol[];
}

/**
 * Options for {@link traceOrigins}.
 *
 * @category Chain
 */
export interface TraceOriginsOptions {
  /** The stage whose output is traced. */
  readonly stage: Stage;
  /** The country whose output is traced. */
  readonly country: string;
  /** The year (for trade shares and facility weights). */
  readonly year: number;
  /** Trace one element: links scoped to other elements are ignored. */
  readonly element?: ElementSymbol;
  /** Links to use, e.g. an analyst's estimates; for a node they take precedence over the dataset's. */
  readonly links?: readonly OriginLink[];
  /** Also use the dataset's facility feedstock links and stage-tagged trade shares; default `true`. */
  readonly useDataset?: boolean;
}

/**
 * A link as used by a trace, with where it came from.
 *
 * @category Chain
 */
export interface UsedLink extends OriginLink {
  /** `'option'` (given in the call), `'facility'` (feedstock links) or `'trade'` (sourcing shares). */
  readonly origin: 'option' | 'facility' | 'trade';
  /** How the link was derived. */
  readonly note: string;
}

/**
 * Where one stage of the traced material was done.
 *
 * @category Chain
 */
export interface StageOrigin {
  /** Shares by country (and `'other'`), fractions of the traced output. */
  readonly shares: Readonly<Record<SupplierCode, number>>;
  /** The share whose origin at this stage the data does not show. `shares` and `unresolved` sum to 1. */
  readonly unresolved: number;
}

/**
 * The look-through origins of one stage's output in one country.
 *
 * @category Chain
 */
export interface OriginTrace {
  /** The traced stage. */
  readonly stage: Stage;
  /** The traced country. */
  readonly country: string;
  /** The year. */
  readonly year: number;
  /** For the traced stage and every stage upstream of it, where that stage was done. */
  readonly byStage: Readonly<Partial<Record<Stage, StageOrigin>>>;
  /** The links the trace followed. */
  readonly links: readonly UsedLink[];
  /** Places where the data stops, and why: their material is counted as unresolved upstream. */
  readonly gaps: readonly {
    /** Where the data stops. */
    readonly node: ChainNode;
    /** Why. */
    readonly reason: string;
  }[];
}

const key = (node: ChainNode) => `${node.stage}:${node.country}`;

function checkNode(fn: string, path: readonly (string | number)[], node: unknown): ChainNode {
  const candidate = node as Partial<ChainNode> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    // Own keys only: `in` would accept 'toString' and throw on a non-string.
    typeof candidate.stage !== 'string' ||
    !Object.hasOwn(ORDER, candidate.stage)
  ) {
    return invalidArgument(fn, path, 'a node { stage, country }', node);
  }
  if (typeof candidate.country !== 'string' || !/^([A-Z]{3}|other)$/.test(candidate.country)) {
    return invalidArgument(
      fn,
      [...path, 'country'],
      'an ISO alpha-3 country code or "other"',
      candidate.country,
    );
  }
  return { stage: candidate.stage as Stage, country: candidate.country };
}

/** A facility's weight in a year: its output then, else its latest capacity. */
function facilityWeight(facility: Facility, year: number): number | undefined {
  return (
    facilityFigure(facility.output, year, true) ?? facilityFigure(facility.capacity, year, false)
  );
}

function datasetLinks(
  dataset: Dataset,
  year: number,
  element: ElementSymbol | undefined,
  gaps: OriginTrace['gaps'][number][],
): Map<string, UsedLink[]> {
  const byTarget = new Map<string, UsedLink[]>();
  const add = (link: UsedLink) =>
    byTarget.set(key(link.to), [...(byTarget.get(key(link.to)) ?? []), link]);
  const facilities = new Map((dataset.facilities ?? []).map((f) => [f.id, f]));
  // Facility feedstock links, aggregated to country nodes by each facility's weight.
  const linked = (dataset.facilities ?? []).filter((f) =>
    (f.feedstock ?? []).some((link) => link.facility !== undefined || link.country !== undefined),
  );
  const nodes = new Map<string, Facility[]>();
  for (const facility of linked)
    nodes.set(`${facility.stage}:${facility.country}`, [
      ...(nodes.get(`${facility.stage}:${facility.country}`) ?? []),
      facility,
    ]);
  for (const [nodeKey, members] of nodes) {
    const weights = members.map((f) => facilityWeight(f, year));
    const to = { stage: members[0]?.stage as Stage, country: members[0]?.country as string };
    let usable = members.map((f, i) => ({ facility: f, weight: weights[i] }));
    if (members.length > 1 && weights.some((w) => w === undefined)) {
      gaps.push({
        node: to,
        reason: `the facilities ${members.map((f) => f.id).join(', ')} have feedstock links but not all have an output or capacity to weight them by`,
      });
      continue;
    }
    if (members.length === 1) usable = [{ facility: members[0] as Facility, weight: 1 }];
    const total = usable.reduce((sum, u) => sum + (u.weight ?? 0), 0);
    for (const { facility, weight } of usable) {
      const links = facility.feedstock ?? [];
      const unshared = links.filter((l) => l.share === undefined);
      if (links.length > 1 && unshared.length > 0) {
        gaps.push({
          node: to,
          reason: `${facility.id} has several feedstock links without shares`,
        });
        continue;
      }
      for (const link of links) {
        const upstream = link.facility === undefined ? undefined : facilities.get(link.facility);
        const from =
          upstream === undefined
            ? {
                stage:
                  facility.stage === 'mining'
                    ? 'mining'
                    : (STAGES[ORDER[facility.stage] - 1] as Stage),
                country: link.country as string,
              }
            : { stage: upstream.stage, country: upstream.country };
        const share = (link.share ?? 1) * ((weight ?? 0) / (total || 1));
        add({
          from,
          to,
          share,
          origin: 'facility',
          note: `${facility.id} ← ${link.facility ?? link.country}${members.length > 1 ? `, weighted by ${facility.id}'s output or capacity` : ''}; covers the facilities of ${nodeKey} with links`,
        });
      }
    }
  }
  // Trade shares tagged with the stage of the product traded feed the importer's next stage.
  for (const flow of dataset.tradeFlows ?? []) {
    const stage = flow.commodity.stage;
    if (stage === undefined || stage === 'magnet' || flow.share === undefined) continue;
    if (!coversYear(flow, year)) continue;
    if (element !== undefined && flow.elements !== undefined && !flow.elements.includes(element))
      continue;
    if (!/^[A-Z]{3}$/.test(flow.importer)) continue;
    const to = { stage: STAGES[ORDER[stage] + 1] as Stage, country: flow.importer };
    add({
      from: { stage, country: flow.exporter },
      to,
      share: flow.share,
      origin: 'trade',
      note: `${flow.importer} sources "${flow.commodity.description}" from ${flow.exporter} (${flow.provenance.source}); taken as its feed`,
    });
  }
  return byTarget;
}

/**
 * Look-through origins of a stage's output in a country: for the traced material, the share
 * that was mined in, separated in, and made into metal in each country upstream.
 *
 * The trace follows links from the traced node upstream, carrying shares of material: links
 * given in `options.links` (an analyst's estimates), else the dataset's facility feedstock links
 * (aggregated to countries by facility output, or capacity), else the dataset's trade shares of a
 * stage's product (taken as the importer's feed at the next stage). At each stage the material
 * is attributed to the country where that stage was done (links within a stage pass through;
 * a link that skips a stage leaves that stage unresolved). Where the data stops, the material
 * is counted as `unresolved` for every stage further up, and the reason is listed in `gaps`:
 * the trace never assumes a country. Shares and unresolved sum to 1 at every stage.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage`, `country`, `year`; optionally `element`, `links`, `useDataset`
 * @returns origins by stage, the links used and the gaps
 * @throws {@link RareEarthsError} (`invalid-argument`) for bad options or links (shares outside
 *   [0, 1], a link running downstream, shares into a node above 1); (`not-computable`) when the
 *   links form a cycle
 * @example
 * ```ts
 * import { traceOrigins } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // Lynas: Mount Weld concentrate, cracked at Kalgoorlie, separated in Malaysia
 * const lynas = traceOrigins(baseline, { stage: 'separation', country: 'MYS', year: 2024 });
 * lynas.byStage.mining; // => { shares: { AUS: 1 }, unresolved: 0 }
 *
 * // An analyst's estimate: Japan's magnets from Chinese oxide (60%) and Japanese metal (100%)
 * const japan = traceOrigins(baseline, {
 *   stage: 'magnet', country: 'JPN', year: 2024, useDataset: false,
 *   links: [
 *     { from: { stage: 'metal', country: 'JPN' }, to: { stage: 'magnet', country: 'JPN' }, share: 1 },
 *     { from: { stage: 'separation', country: 'CHN' }, to: { stage: 'metal', country: 'JPN' }, share: 0.6 },
 *   ],
 * });
 * japan.byStage.separation; // => { shares: { CHN: 0.6 }, unresolved: 0.4 }
 * ```
 */
export function traceOrigins(dataset: Dataset, options: TraceOriginsOptions): OriginTrace {
  const fn = 'traceOrigins';
  checkDataset(fn, dataset, ['facilities', 'tradeFlows']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, country, year }', options);
  }
  const start = checkNode(fn, ['options'], { stage: options.stage, country: options.country });
  if (start.country === 'other')
    invalidArgument(fn, ['options', 'country'], 'a country code (not "other")', start.country);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const gaps: { node: ChainNode; reason: string }[] = [];
  // Say so when the stage's own table lists no output for the country: its trace is then empty by
  // construction, not for want of links.
  try {
    const table = buildTable(
      fn,
      dataset,
      readTableOptions(fn, { stage: start.stage, year, yearMatch: 'latest' }),
    );
    if (!table.rows.some((row) => row.country === start.country)) {
      gaps.push({
        node: start,
        reason: `the ${start.stage} table (${table.source.id}, ${table.year}) lists no output for ${start.country}`,
      });
    }
  } catch (error) {
    if (!(isRareEarthsError(error) && error.code === 'not-found')) throw error;
  }

  const given = new Map<string, UsedLink[]>();
  (options.links ?? []).forEach((raw, index) => {
    const path = ['options', 'links', index];
    const from = checkNode(fn, [...path, 'from'], raw?.from);
    const to = checkNode(fn, [...path, 'to'], raw?.to);
    if (to.country === 'other')
      invalidArgument(
        fn,
        [...path, 'to', 'country'],
        'a country code (a residual has no known feed)',
        to.country,
      );
    const share = checkFraction(fn, [...path, 'share'], raw.share);
    if (ORDER[from.stage] > ORDER[to.stage]) {
      invalidArgument(
        fn,
        [...path, 'from', 'stage'],
        `a stage at or upstream of ${to.stage}`,
        from.stage,
      );
    }
    if (
      options.element !== undefined &&
      raw.elements !== undefined &&
      !raw.elements.includes(options.element)
    )
      return;
    const link: UsedLink = { from, to, share, origin: 'option', note: 'given in options.links' };
    given.set(key(to), [...(given.get(key(to)) ?? []), link]);
  });
  for (const [nodeKey, links] of given) {
    const sum = links.reduce((acc, link) => acc + link.share, 0);
    if (sum > 1 + 1e-9)
      invalidArgument(fn, ['options', 'links'], `shares into ${nodeKey} summing to at most 1`, sum);
  }
  const fromData =
    options.useDataset === false
      ? new Map<string, UsedLink[]>()
      : datasetLinks(dataset, year, options.element, gaps);
  const incoming = (node: ChainNode): UsedLink[] => {
    const own = given.get(key(node));
    if (own !== undefined) return own;
    const links = fromData.get(key(node)) ?? [];
    const facility = links.filter((l) => l.origin === 'facility');
    return facility.length > 0 ? facility : links;
  };

  // The reachable part of the graph, and an order in which every node comes after all the nodes
  // that feed material into it from downstream (a topological order of the reversed links).
  const visited = new Set<string>();
  const order: ChainNode[] = [];
  const visit = (node: ChainNode, trail: string[]): void => {
    const k = key(node);
    if (trail.includes(k)) {
      throw new RareEarthsError(fn, 'not-computable', [
        {
          path: ['options', 'links'],
          message: `expected links without a cycle, got ${[...trail.slice(trail.indexOf(k)), k].join(' <- ')}`,
        },
      ]);
    }
    if (visited.has(k)) return;
    visited.add(k);
    for (const link of incoming(node)) visit(link.from, [...trail, k]);
    order.push(node);
  };
  visit(start, []);
  order.reverse();

  const mass = new Map<string, number>([[key(start), 1]]);
  const attributed = new Map<Stage, Map<SupplierCode, number>>();
  const unresolved = new Map<Stage, number>();
  const attribute = (stage: Stage, country: SupplierCode, amount: number) => {
    const row = attributed.get(stage) ?? new Map<SupplierCode, number>();
    row.set(country, (row.get(country) ?? 0) + amount);
    attributed.set(stage, row);
  };
  const lose = (below: Stage, amount: number, above?: Stage) => {
    for (const stage of STAGES) {
      if (ORDER[stage] < ORDER[below] && (above === undefined || ORDER[stage] > ORDER[above]))
        unresolved.set(stage, (unresolved.get(stage) ?? 0) + amount);
    }
  };
  attribute(start.stage, start.country, 1);
  const used: UsedLink[] = [];
  for (const node of order) {
    const m = mass.get(key(node)) ?? 0;
    if (m === 0) continue;
    const links = incoming(node);
    const covered = links.reduce((sum, link) => sum + link.share, 0);
    for (const link of links) {
      const flow = m * link.share;
      used.push(link);
      mass.set(key(link.from), (mass.get(key(link.from)) ?? 0) + flow);
      if (ORDER[link.from.stage] < ORDER[node.stage]) {
        attribute(link.from.stage, link.from.country, flow);
        lose(node.stage, flow, link.from.stage);
      }
    }
    const rest = m * Math.max(0, 1 - covered);
    if (rest > 1e-15 && node.stage !== 'mining') {
      lose(node.stage, rest);
      gaps.push({
        node,
        reason:
          links.length === 0
            ? `the data has no feedstock or trade links into ${node.country}'s ${node.stage} stage`
            : `the links into ${node.country}'s ${node.stage} stage cover ${round(covered)} of its feed`,
      });
    }
  }
  const byStage: Partial<Record<Stage, StageOrigin>> = {};
  for (const stage of STAGES) {
    if (ORDER[stage] > ORDER[start.stage]) continue;
    const shares: Record<SupplierCode, number> = {};
    for (const [country, amount] of [
      ...(attributed.get(stage) ?? new Map<SupplierCode, number>()),
    ].sort((a, b) => b[1] - a[1]))
      shares[country] = amount;
    byStage[stage] = { shares, unresolved: unresolved.get(stage) ?? 0 };
  }
  const unique = [
    ...new Map(used.map((link) => [`${key(link.from)}>${key(link.to)}`, link])).values(),
  ];
  return {
    stage: start.stage,
    country: start.country,
    year,
    byStage,
    links: unique,
    gaps: dedupe(gaps),
  };
}

function dedupe(
  gaps: { node: ChainNode; reason: string }[],
): { node: ChainNode; reason: string }[] {
  return [...new Map(gaps.map((gap) => [`${key(gap.node)}|${gap.reason}`, gap])).values()];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
