/**
 * Cross-record rules of datasets and scenarios, checked after the schema: references resolve,
 * ids are unique, shares and stakes add up, feedstock links have no cycles, and each "exactly one
 * of" and "required when" rule holds.
 *
 * @internal
 * @packageDocumentation
 */
import { ELEMENT_ROWS } from '../elements/internal.js';
import type { ErrorIssue } from '../errors/index.js';
import type { Scenario } from './scenario-types.js';
import type {
  Dataset,
  FigureUncertainty,
  MassValue,
  Owner,
  Provenance,
  Stage,
  StageOutlook,
  StageOutput,
} from './types.js';

type Path = (string | number)[];

// Published shares are rounded (EU CRM 2023's Dy/Tb extraction shares sum to 100.1%); a sum this
// far above 1 is a data error, not rounding.
const SHARE_SUM_TOLERANCE = 0.011;
const STAGE_ORDER: Record<Stage, number> = { mining: 0, separation: 1, metal: 2, magnet: 3 };

function duplicates<T>(
  issues: ErrorIssue[],
  records: readonly T[] | undefined,
  collection: string,
  key: (record: T) => string,
  field: string,
  what: string,
): void {
  const seen = new Map<string, number>();
  (records ?? []).forEach((record, index) => {
    const value = key(record);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      issues.push({
        path: [collection, index, field],
        message: `expected a unique ${what}, got ${JSON.stringify(value)} again (first at ${collection}[${first}])`,
      });
  });
}

function checkProvenance(
  issues: ErrorIssue[],
  sources: ReadonlySet<string>,
  path: Path,
  provenance: Provenance | undefined,
): void {
  if (provenance === undefined) return;
  if (!sources.has(provenance.source)) {
    issues.push({
      path: [...path, 'source'],
      message: `expected the id of a source in sources, got ${JSON.stringify(provenance.source)}`,
    });
  }
  if (provenance.tag === 'derived' && provenance.derivation === undefined) {
    issues.push({
      path: [...path, 'derivation'],
      message: "expected how the figure was derived (required when tag is 'derived'), got nothing",
    });
  }
  if (provenance.tag === 'estimate' && provenance.estimatedBy === undefined) {
    issues.push({
      path: [...path, 'estimatedBy'],
      message: "expected who made the estimate (required when tag is 'estimate'), got nothing",
    });
  }
}

function checkCountry(
  issues: ErrorIssue[],
  known: ReadonlySet<string>,
  path: Path,
  code: string | undefined,
  allowOther: boolean,
): void {
  if (code === undefined || (allowOther && code === 'other')) return;
  if (!known.has(code))
    issues.push({
      path,
      message: `expected a country listed in countries, got ${JSON.stringify(code)}`,
    });
}

function checkMass(
  issues: ErrorIssue[],
  path: Path,
  value: MassValue | undefined,
  rule?: { basis?: MassValue['basis'] },
): void {
  if (value === undefined) return;
  if (value.basis === 'product' && value.product === undefined) {
    issues.push({
      path: [...path, 'product'],
      message: "expected a product name for a 'product' mass, got nothing",
    });
  }
  if (value.basis !== 'product' && value.product !== undefined) {
    issues.push({
      path: [...path, 'product'],
      message: `expected no product name for a '${value.basis}' mass, got ${JSON.stringify(value.product)}`,
    });
  }
  if (value.oxide !== undefined && (value.basis !== 'REO' || value.element === undefined)) {
    issues.push({
      path: [...path, 'oxide'],
      message: 'expected an oxide only on a single-element REO mass',
    });
  } else if (value.oxide !== undefined) {
    const oxides = ELEMENT_ROWS.find((row) => row.symbol === value.element)?.oxides ?? [];
    if (!oxides.some((oxide) => oxide.formula === value.oxide)) {
      issues.push({
        path: [...path, 'oxide'],
        message: `expected an oxide of ${value.element} (${oxides.map((oxide) => oxide.formula).join(' or ')}), got ${JSON.stringify(value.oxide)}`,
      });
    }
  }
  if (rule?.basis !== undefined && value.basis !== rule.basis) {
    issues.push({
      path: [...path, 'basis'],
      message: `expected '${rule.basis}', got ${JSON.stringify(value.basis)}`,
    });
  }
}

function exactlyOne(
  issues: ErrorIssue[],
  path: Path,
  record: object,
  fields: readonly [string, string],
): void {
  const present = fields.filter(
    (field) => (record as Record<string, unknown>)[field] !== undefined,
  );
  if (present.length !== 1) {
    issues.push({
      path,
      message: `expected exactly one of ${fields.join(' and ')}, got ${present.length === 0 ? 'neither' : 'both'}`,
    });
  }
}

/** Owners' home countries resolve, their provenance cites a source, and their stakes sum to at most 1. */
function checkOwners(
  issues: ErrorIssue[],
  countries: ReadonlySet<string>,
  sources: ReadonlySet<string>,
  path: Path,
  owners: readonly Owner[] | undefined,
): void {
  (owners ?? []).forEach((owner, i) => {
    checkCountry(issues, countries, [...path, i, 'homeCountry'], owner.homeCountry, false);
    checkProvenance(issues, sources, [...path, i, 'provenance'], owner.provenance);
  });
  checkStakes(issues, path, owners);
}

/**
 * Direct stakes sum to at most 1; an indirect stake names another owner of the same list, and the
 * indirect stakes held through one owner sum to at most 1 (they are fractions of its equity).
 */
function checkStakes(issues: ErrorIssue[], path: Path, owners: readonly Owner[] | undefined): void {
  if (owners === undefined) return;
  const direct = owners.filter((owner) => owner.via === undefined);
  const total = direct.reduce((sum, owner) => sum + (owner.stake ?? 0), 0);
  if (total > 1 + 1e-9)
    issues.push({
      path,
      message: `expected owner stakes summing to at most 1, got ${round(total)}`,
    });
  const names = new Set(direct.map((owner) => owner.name));
  const through = new Map<string, number>();
  owners.forEach((owner, i) => {
    if (owner.via === undefined) return;
    if (!names.has(owner.via)) {
      issues.push({
        path: [...path, i, 'via'],
        message: `expected the name of a direct owner in the same list, got ${JSON.stringify(owner.via)}`,
      });
      return;
    }
    through.set(owner.via, (through.get(owner.via) ?? 0) + (owner.stake ?? 0));
  });
  for (const [via, sum] of through)
    if (sum > 1 + 1e-9)
      issues.push({
        path,
        message: `expected stakes held through ${JSON.stringify(via)} summing to at most 1, got ${round(sum)}`,
      });
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The checks shared by recorded stage outputs and published outlooks: countries and sources
 * known, exactly one of quantity and share, and the shares of one table summing to at most 1.
 */
function checkStageRows(
  issues: ErrorIssue[],
  sources: ReadonlySet<string>,
  countries: ReadonlySet<string>,
  rows: readonly (StageOutput | StageOutlook)[] | undefined,
  collection: 'stageOutputs' | 'outlooks',
): void {
  const shareTables = new Map<string, { sum: number; path: Path }>();
  (rows ?? []).forEach((output, index) => {
    const path: Path = [collection, index];
    checkCountry(issues, countries, [...path, 'country'], output.country, true);
    checkProvenance(issues, sources, [...path, 'provenance'], output.provenance);
    if ('uncertainty' in output) checkUncertainty(issues, sources, path, output);
    exactlyOne(issues, path, output, ['quantity', 'share']);
    checkMass(issues, [...path, 'quantity'], output.quantity);
    if (output.share !== undefined) {
      const key = [
        output.provenance.source,
        output.stage,
        output.measure,
        output.year,
        'case' in output ? output.case : '',
        (output.elements ?? []).join('+'),
      ].join('|');
      const table = shareTables.get(key) ?? { sum: 0, path };
      table.sum += output.share;
      shareTables.set(key, table);
    }
  });
  for (const table of shareTables.values()) {
    if (table.sum > 1 + SHARE_SUM_TOLERANCE) {
      issues.push({
        path: [...table.path, 'share'],
        message: `expected the shares of one table to sum to at most 1, got ${round(table.sum)}`,
      });
    }
  }
}

/**
 * Every cross-record problem of a dataset that passed its schema.
 *
 * @internal
 */
type Uncertain = {
  readonly quantity?: MassValue;
  readonly share?: number;
  readonly bound?: string;
  readonly uncertainty?: FigureUncertainty;
};

/** The lowest and highest value a distribution can give, where it is bounded. */
function supportOf(u: FigureUncertainty): { low: number; high: number } | undefined {
  switch (u.kind) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { low: u.low, high: u.high };
    case 'values':
      return { low: Math.min(...u.values), high: Math.max(...u.values) };
    default:
      return undefined;
  }
}

/** A range out of order (low above high, a mode outside them): reported, and true. */
function orderIssue(issues: ErrorIssue[], u: FigureUncertainty, at: Path): boolean {
  if ((u.kind === 'triangular' || u.kind === 'pert') && !(u.low <= u.mode && u.mode <= u.high)) {
    issues.push({
      path: [...at, 'mode'],
      message: `expected low ≤ mode ≤ high, got ${u.low}, ${u.mode}, ${u.high}`,
    });
    return true;
  }
  if (u.kind === 'uniform' && u.low > u.high) {
    issues.push({
      path: [...at, 'high'],
      message: `expected high ≥ low (${u.low}), got ${u.high}`,
    });
    return true;
  }
  return false;
}

/**
 * What a drawn number of an intervention may be: a fraction in [0, 1]; a signed number (a
 * capacity change, a rate); a number at or above 0, or above 0; an intensity change at or above −1.
 */
type DrawnRule = 'fraction' | 'signed' | 'nonNegative' | 'positive' | 'intensity';

/** The rule for a number's path inside an intervention, or undefined when it may not be drawn. */
function drawnRule(
  kind: Scenario['interventions'][number]['kind'],
  key: string,
): DrawnRule | undefined {
  const fixed: Record<typeof kind, Readonly<Record<string, DrawnRule>>> = {
    exportRestriction: { cut: 'fraction' },
    capacityChange: { 'change.amount': 'signed' },
    demandGrowth: { rate: 'signed', demand: 'nonNegative' },
    recyclingPolicy: {
      collectionRate: 'fraction',
      preprocessingYield: 'fraction',
      processingYield: 'fraction',
    },
    substitution: {
      adoption: 'fraction',
      'adoption.rate': 'positive',
      'adoption.ceiling': 'fraction',
      'adoption.floor': 'fraction',
    },
    stockpile: {
      'initial.amount': 'signed',
      'build.perYear.amount': 'signed',
      'release.maxPerYear.amount': 'signed',
    },
  };
  const rule = fixed[kind][key];
  if (rule !== undefined) return rule;
  if (kind === 'recyclingPolicy' && /^lifetime\.[A-Za-z]+$/.test(key)) return 'nonNegative';
  if (kind === 'substitution' && /^intensityChange\.[A-Z][a-z]?$/.test(key)) return 'intensity';
  return undefined;
}

/**
 * The value at a dotted path inside an object (`'change.amount'`), or undefined where the path
 * leaves the objects.
 *
 * @internal
 */
export function valueAt(value: unknown, key: string): unknown {
  let at: unknown = value;
  for (const part of key.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * The number at a dotted path inside an intervention (a mass's amount read as a number).
 *
 * @internal
 */
export function numberAt(value: unknown, key: string): number | undefined {
  const at = valueAt(value, key);
  if (typeof at === 'number') return at;
  // Mass amounts may be given as decimal strings.
  if (typeof at === 'string' && at.trim() !== '' && Number.isFinite(Number(at))) return Number(at);
  return undefined;
}

// An intervention's uncertainty names numbers of the intervention that may be drawn; each range
// is ordered, holds the number and keeps a draw where the number can be.
function interventionUncertaintyIssues(
  issues: ErrorIssue[],
  intervention: Scenario['interventions'][number],
  path: Path,
): void {
  for (const [key, u] of Object.entries(intervention.uncertainty ?? {})) {
    const at = [...path, 'uncertainty', key];
    const rule = drawnRule(intervention.kind, key);
    const value = numberAt(intervention, key);
    if (rule === undefined || value === undefined) {
      issues.push({
        path: at,
        message:
          rule === undefined
            ? `expected the path of a number this ${intervention.kind} may draw (see Intervention.uncertainty, e.g. ${intervention.kind === 'exportRestriction' ? "'cut'" : "'change.amount'"}), got ${JSON.stringify(key)}`
            : `expected ${JSON.stringify(key)} to name one number of the intervention, got none there (a schedule by year, or a field left out, cannot be drawn)`,
      });
      continue;
    }
    if (orderIssue(issues, u, at)) continue;
    const support = supportOf(u);
    const bounded = support !== undefined;
    // Normal figures are truncated at 0 when drawn, so only numbers that cannot be negative take them.
    if (!bounded && (rule === 'fraction' || rule === 'signed' || rule === 'intensity')) {
      issues.push({
        path: [...at, 'kind'],
        message: `expected a bounded distribution (uniform, triangular, pert or values) for ${rule === 'fraction' ? 'a fraction' : 'a number that can be negative'}, got '${u.kind}'`,
      });
      continue;
    }
    const [min, max, what] =
      rule === 'fraction'
        ? [0, 1, '[0, 1] (a fraction)']
        : rule === 'intensity'
          ? [-1, Number.POSITIVE_INFINITY, '[−1, ∞) (−1 removes the element)']
          : rule === 'signed'
            ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, '']
            : [0, Number.POSITIVE_INFINITY, rule === 'positive' ? '(0, ∞)' : '[0, ∞)'];
    if (
      support !== undefined &&
      (support.low < min || support.high > max || (rule === 'positive' && support.low <= 0))
    ) {
      issues.push({
        // The end that is out of range (the low end when both are).
        path: [
          ...at,
          u.kind === 'values'
            ? 'values'
            : support.high > max && support.low >= min
              ? 'high'
              : 'low',
        ],
        message: `expected a range within ${what}, got ${support.low}–${support.high}`,
      });
      continue;
    }
    if (
      support !== undefined &&
      u.kind !== 'values' &&
      (value < support.low || value > support.high)
    )
      issues.push({
        path: at,
        message: `expected a range that holds the intervention's number ${value}, got ${support.low}–${support.high}`,
      });
  }
}

// An uncertainty describes the record's own number: its range must be ordered, hold that number,
// and stay where the number can be (a share in [0, 1], a quantity at or above 0).
function checkUncertainty(
  issues: ErrorIssue[],
  sources: ReadonlySet<string>,
  path: Path,
  record: Uncertain,
): void {
  const u = record.uncertainty;
  if (u === undefined) return;
  const at = [...path, 'uncertainty'];
  if (u.source !== undefined && !sources.has(u.source))
    issues.push({
      path: [...at, 'source'],
      message: `expected the id of a source in sources, got ${JSON.stringify(u.source)}`,
    });
  if (record.bound !== undefined) {
    issues.push({
      path: at,
      message: `expected no uncertainty on a bound (a figure given as '${record.bound}' is not a value to draw), got one`,
    });
    return;
  }
  if (orderIssue(issues, u, at)) return;
  const support = supportOf(u);
  const isShare = record.quantity === undefined;
  const value = isShare ? record.share : Number(record.quantity?.amount);
  if (support !== undefined && value !== undefined) {
    const field =
      u.kind === 'values'
        ? 'values'
        : support.low >= 0 && isShare && support.high > 1
          ? 'high'
          : 'low';
    if (support.low < 0 || (isShare && support.high > 1))
      issues.push({
        path: [...at, field],
        message: `expected a range within ${isShare ? '[0, 1] (the record gives a share)' : '[0, ∞) (a quantity)'}, got ${support.low}–${support.high}`,
      });
    else if (u.kind !== 'values' && (value < support.low || value > support.high))
      issues.push({
        path: at,
        message: `expected a range that holds the record's number ${value}, got ${support.low}–${support.high}`,
      });
  }
}

export function datasetIssues(dataset: Dataset): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const sources = new Set(dataset.sources.map((source) => source.id));
  const countries = new Set(dataset.countries.map((country) => country.code));
  const regions = new Set((dataset.regions ?? []).map((region) => region.code));
  const facilities = new Map((dataset.facilities ?? []).map((facility) => [facility.id, facility]));
  const applications = new Set((dataset.applications ?? []).map((application) => application.id));

  duplicates(issues, dataset.sources, 'sources', (s) => s.id, 'id', 'source id');
  duplicates(issues, dataset.countries, 'countries', (c) => c.code, 'code', 'country code');
  duplicates(issues, dataset.regions, 'regions', (r) => r.code, 'code', 'region code');
  duplicates(issues, dataset.deposits, 'deposits', (d) => d.id, 'id', 'deposit id');
  duplicates(issues, dataset.facilities, 'facilities', (f) => f.id, 'id', 'facility id');
  duplicates(issues, dataset.applications, 'applications', (a) => a.id, 'id', 'application id');
  duplicates(
    issues,
    dataset.stageOutputs,
    'stageOutputs',
    (o) =>
      [
        o.provenance.source,
        o.stage,
        o.measure,
        o.year,
        o.country,
        (o.elements ?? []).join('+'),
      ].join('|'),
    'country',
    'row per source, stage, measure, year, elements and country',
  );
  duplicates(
    issues,
    dataset.criticality,
    'criticality',
    (c) => `${c.assessment}|${c.material}`,
    'material',
    'material per assessment',
  );

  (dataset.regions ?? []).forEach((region, index) => {
    if (countries.has(region.code))
      issues.push({
        path: ['regions', index, 'code'],
        message: `expected a code that is not a country's, got ${JSON.stringify(region.code)}`,
      });
    region.members.forEach((member, i) => {
      checkCountry(issues, countries, ['regions', index, 'members', i], member, false);
    });
  });

  dataset.countries.forEach((country, index) => {
    const governance = country.governance;
    if (governance === undefined) return;
    const path: Path = ['countries', index, 'governance'];
    checkProvenance(issues, sources, [...path, 'provenance'], governance.provenance);
    const expectedScaled = (2.5 - governance.mean) * 2;
    if (Math.abs(governance.scaled - expectedScaled) > 0.011) {
      issues.push({
        path: [...path, 'scaled'],
        message: `expected (2.5 − mean) × 2 = ${round(expectedScaled)}, got ${governance.scaled}`,
      });
    }
    if (governance.estimates !== undefined) {
      const values = Object.values(governance.estimates);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      if (Math.abs(mean - governance.mean) > 0.0051) {
        issues.push({
          path: [...path, 'mean'],
          message: `expected the mean of the six estimates, ${round(mean)}, got ${governance.mean}`,
        });
      }
    }
  });

  checkStageRows(issues, sources, countries, dataset.stageOutputs, 'stageOutputs');
  duplicates(
    issues,
    dataset.outlooks,
    'outlooks',
    (o) =>
      [
        o.provenance.source,
        o.stage,
        o.measure,
        o.year,
        o.case,
        o.country,
        (o.elements ?? []).join('+'),
      ].join('|'),
    'country',
    'row per source, stage, measure, year, case, elements and country',
  );
  checkStageRows(issues, sources, countries, dataset.outlooks, 'outlooks');

  duplicates(
    issues,
    dataset.worldTotals,
    'worldTotals',
    (t) =>
      [t.provenance.source, t.stage, t.measure, t.year, (t.elements ?? []).join('+')].join('|'),
    'year',
    'total per source, stage, measure, year and elements',
  );
  (dataset.worldTotals ?? []).forEach((total, index) => {
    const path: Path = ['worldTotals', index];
    checkProvenance(issues, sources, [...path, 'provenance'], total.provenance);
    checkUncertainty(issues, sources, path, total);
    checkMass(issues, [...path, 'quantity'], total.quantity);
  });

  (dataset.reserves ?? []).forEach((reserve, index) => {
    const path: Path = ['reserves', index];
    checkCountry(issues, countries, [...path, 'country'], reserve.country, true);
    checkProvenance(issues, sources, [...path, 'provenance'], reserve.provenance);
    checkMass(issues, [...path, 'quantity'], reserve.quantity, { basis: 'REO' });
  });

  (dataset.deposits ?? []).forEach((deposit, index) => {
    const path: Path = ['deposits', index];
    checkCountry(issues, countries, [...path, 'country'], deposit.country, false);
    checkProvenance(issues, sources, [...path, 'provenance'], deposit.provenance);
    checkOwners(issues, countries, sources, [...path, 'owners'], deposit.owners);
    (deposit.estimates ?? []).forEach((estimate, i) => {
      checkProvenance(
        issues,
        sources,
        [...path, 'estimates', i, 'provenance'],
        estimate.provenance,
      );
      checkMass(issues, [...path, 'estimates', i, 'ore'], estimate.ore, { basis: 'product' });
      checkMass(issues, [...path, 'estimates', i, 'contained'], estimate.contained, {
        basis: 'REO',
      });
    });
    if (deposit.distribution !== undefined) {
      checkProvenance(
        issues,
        sources,
        [...path, 'distribution', 'provenance'],
        deposit.distribution.provenance,
      );
      const total = Object.values(deposit.distribution.shares).reduce<number>(
        (sum, share) => sum + (share ?? 0),
        0,
      );
      if (total > 1 + 1e-9) {
        issues.push({
          path: [...path, 'distribution', 'shares'],
          message: `expected element shares of TREO summing to at most 1, got ${round(total)}`,
        });
      }
    }
    (deposit.facilities ?? []).forEach((facilityId, i) => {
      if (!facilities.has(facilityId))
        issues.push({
          path: [...path, 'facilities', i],
          message: `expected the id of a facility, got ${JSON.stringify(facilityId)}`,
        });
    });
  });

  (dataset.facilities ?? []).forEach((facility, index) => {
    const path: Path = ['facilities', index];
    checkCountry(issues, countries, [...path, 'country'], facility.country, false);
    checkProvenance(issues, sources, [...path, 'provenance'], facility.provenance);
    checkOwners(issues, countries, sources, [...path, 'owners'], facility.owners);
    for (const field of ['capacity', 'output'] as const) {
      (facility[field] ?? []).forEach((figure, i) => {
        checkProvenance(issues, sources, [...path, field, i, 'provenance'], figure.provenance);
        checkMass(issues, [...path, field, i, 'quantity'], figure.quantity);
      });
    }
    (facility.feedstock ?? []).forEach((link, i) => {
      const linkPath: Path = [...path, 'feedstock', i];
      exactlyOne(issues, linkPath, link, ['facility', 'country']);
      checkCountry(issues, countries, [...linkPath, 'country'], link.country, false);
      checkProvenance(issues, sources, [...linkPath, 'provenance'], link.provenance);
      if (link.facility === undefined) return;
      const upstream = facilities.get(link.facility);
      if (upstream === undefined) {
        issues.push({
          path: [...linkPath, 'facility'],
          message: `expected the id of a facility, got ${JSON.stringify(link.facility)}`,
        });
      } else if (STAGE_ORDER[upstream.stage] > STAGE_ORDER[facility.stage]) {
        issues.push({
          path: [...linkPath, 'facility'],
          message: `expected a facility at or before the ${facility.stage} stage, got ${JSON.stringify(upstream.id)} (${upstream.stage})`,
        });
      }
    });
    const shares = (facility.feedstock ?? []).reduce((sum, link) => sum + (link.share ?? 0), 0);
    if (shares > 1 + SHARE_SUM_TOLERANCE)
      issues.push({
        path: [...path, 'feedstock'],
        message: `expected feedstock shares summing to at most 1, got ${round(shares)}`,
      });
  });
  feedstockCycles(dataset, issues);

  (dataset.tradeFlows ?? []).forEach((flow, index) => {
    const path: Path = ['tradeFlows', index];
    checkUncertainty(issues, sources, path, flow);
    checkCountry(issues, countries, [...path, 'exporter'], flow.exporter, true);
    if (!countries.has(flow.importer) && !regions.has(flow.importer)) {
      issues.push({
        path: [...path, 'importer'],
        message: `expected a country or region listed in the dataset, got ${JSON.stringify(flow.importer)}`,
      });
    }
    exactlyOne(issues, path, flow, ['year', 'period']);
    if (flow.period !== undefined && flow.period.from > flow.period.to) {
      issues.push({
        path: [...path, 'period', 'to'],
        message: `expected a year at or after ${flow.period.from}, got ${flow.period.to}`,
      });
    }
    if (flow.quantity === undefined && flow.value === undefined && flow.share === undefined) {
      issues.push({
        path,
        message: 'expected at least one of quantity, value and share, got none',
      });
    }
    checkMass(issues, [...path, 'quantity'], flow.quantity);
    checkProvenance(issues, sources, [...path, 'provenance'], flow.provenance);
  });

  (dataset.balances ?? []).forEach((record, index) => {
    const path: Path = ['balances', index];
    checkCountry(issues, countries, [...path, 'country'], record.country, false);
    checkProvenance(issues, sources, [...path, 'provenance'], record.provenance);
    checkUncertainty(issues, sources, path, record);
    checkMass(issues, [...path, 'quantity'], record.quantity);
    if (record.item === 'net-import-reliance') {
      if (record.share === undefined && record.netExporter !== true) {
        issues.push({
          path: [...path, 'share'],
          message: 'expected a share (or netExporter: true) for net import reliance, got nothing',
        });
      }
    } else if (record.quantity === undefined) {
      issues.push({
        path: [...path, 'quantity'],
        message: `expected a quantity for ${record.item}, got nothing`,
      });
    }
  });

  (dataset.applications ?? []).forEach((application, index) => {
    const path: Path = ['applications', index];
    duplicates(
      issues,
      application.substitutions,
      'substitutions',
      (s) => s.id,
      'id',
      'substitution id',
    );
    (application.content ?? []).forEach((content, i) => {
      checkProvenance(issues, sources, [...path, 'content', i, 'provenance'], content.provenance);
    });
    const contentTotal = (application.content ?? []).reduce(
      (sum, content) => sum + content.fraction,
      0,
    );
    if (contentTotal > 1 + 1e-9)
      issues.push({
        path: [...path, 'content'],
        message: `expected element fractions summing to at most 1, got ${round(contentTotal)}`,
      });
    checkProvenance(
      issues,
      sources,
      [...path, 'lifetime', 'provenance'],
      application.lifetime?.provenance,
    );
    checkProvenance(
      issues,
      sources,
      [...path, 'recycling', 'provenance'],
      application.recycling?.provenance,
    );
    (application.substitutions ?? []).forEach((option, i) => {
      checkProvenance(
        issues,
        sources,
        [...path, 'substitutions', i, 'provenance'],
        option.provenance,
      );
    });
  });

  (dataset.demand ?? []).forEach((record, index) => {
    const path: Path = ['demand', index];
    checkUncertainty(issues, sources, path, record);
    if (record.application !== undefined && !applications.has(record.application)) {
      issues.push({
        path: [...path, 'application'],
        message: `expected the id of an application, got ${JSON.stringify(record.application)}`,
      });
    }
    checkMass(issues, [...path, 'quantity'], record.quantity);
    checkProvenance(issues, sources, [...path, 'provenance'], record.provenance);
  });

  (dataset.endUses ?? []).forEach((record, index) => {
    const path: Path = ['endUses', index];
    if (record.application !== undefined && !applications.has(record.application)) {
      issues.push({
        path: [...path, 'application'],
        message: `expected the id of an application, got ${JSON.stringify(record.application)}`,
      });
    }
    checkProvenance(issues, sources, [...path, 'provenance'], record.provenance);
  });

  (dataset.prices ?? []).forEach((record, index) => {
    checkProvenance(issues, sources, ['prices', index, 'provenance'], record.provenance);
  });
  const rates = new Map<string, number>();
  (dataset.exchangeRates ?? []).forEach((record, index) => {
    const path: Path = ['exchangeRates', index];
    if (record.from === record.to) {
      issues.push({
        path: [...path, 'to'],
        message: `expected a currency other than from (${JSON.stringify(record.from)}), got ${JSON.stringify(record.to)}`,
      });
    }
    if (!(Number(record.rate) > 0)) {
      issues.push({
        path: [...path, 'rate'],
        message: `expected a positive rate, got ${JSON.stringify(record.rate)}`,
      });
    }
    // One rate per pair, year and source, either way round: a second one would make a conversion ambiguous.
    const key = [
      [record.from, record.to].sort().join('/'),
      record.year,
      record.provenance.source,
    ].join(' ');
    const first = rates.get(key);
    if (first !== undefined) {
      issues.push({
        path,
        message: `expected one rate per currency pair, year and source, got a second ${record.from}/${record.to} rate for ${record.year} from ${JSON.stringify(record.provenance.source)} (the first is exchangeRates[${first}])`,
      });
    } else rates.set(key, index);
    checkProvenance(issues, sources, [...path, 'provenance'], record.provenance);
  });
  (dataset.criticality ?? []).forEach((record, index) => {
    checkProvenance(issues, sources, ['criticality', index, 'provenance'], record.provenance);
  });
  (dataset.hsCodes ?? []).forEach((record, index) => {
    checkProvenance(issues, sources, ['hsCodes', index, 'provenance'], record.provenance);
  });
  return issues;
}

/** Feedstock links between facilities must not loop back (a stage cycle). */
function feedstockCycles(dataset: Dataset, issues: ErrorIssue[]): void {
  const list = dataset.facilities ?? [];
  const index = new Map(list.map((facility, i) => [facility.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of list) {
    if (state.has(start.id)) continue;
    // Iterative depth-first search along feedstock links, upstream.
    const stack: { id: string; next: number; trail: string[] }[] = [
      { id: start.id, next: 0, trail: [start.id] },
    ];
    state.set(start.id, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number; trail: string[] };
      const facility = list[index.get(top.id) as number];
      const links = (facility?.feedstock ?? []).filter(
        (link) => link.facility !== undefined && index.has(link.facility),
      );
      if (top.next >= links.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const upstream = links[top.next]?.facility as string;
      top.next += 1;
      const seen = state.get(upstream);
      if (seen === 'visiting') {
        const cycle = [...top.trail.slice(top.trail.indexOf(upstream)), upstream];
        issues.push({
          path: ['facilities', index.get(top.id) as number, 'feedstock'],
          message: `expected feedstock links without a cycle, got ${cycle.join(' <- ')}`,
        });
      } else if (seen === undefined) {
        state.set(upstream, 'visiting');
        stack.push({ id: upstream, next: 0, trail: [...top.trail, upstream] });
      }
    }
  }
}

/** Context a scenario's references are checked against. @internal */
export interface ScenarioContext {
  readonly dataset?: Dataset;
}

/**
 * Every rule of one scenario that its schema cannot express.
 *
 * @internal
 */
export function scenarioIssues(
  scenario: Scenario,
  context: ScenarioContext,
  prefix: Path = [],
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const { from, to } = scenario.horizon;
  if (from > to)
    issues.push({
      path: ['horizon', 'to'],
      message: `expected a year at or after ${from}, got ${to}`,
    });
  if (scenario.parent === scenario.id)
    issues.push({
      path: ['parent'],
      message: `expected another scenario's id, got its own (${JSON.stringify(scenario.id)})`,
    });
  duplicates(issues, scenario.interventions, 'interventions', (i) => i.id, 'id', 'intervention id');
  if (prefix.length > 0) for (const issue of issues) (issue.path as Path).unshift(...prefix);
  const dataset = context.dataset;
  const sources = dataset === undefined ? undefined : new Set(dataset.sources.map((s) => s.id));
  const countries =
    dataset === undefined ? undefined : new Set(dataset.countries.map((c) => c.code));
  const importers =
    dataset === undefined
      ? undefined
      : new Set([...(countries ?? []), ...(dataset.regions ?? []).map((r) => r.code)]);
  const facilities =
    dataset === undefined ? undefined : new Set((dataset.facilities ?? []).map((f) => f.id));
  const applications =
    dataset === undefined ? undefined : new Set((dataset.applications ?? []).map((a) => a.id));

  // A reversed horizon is reported once; every year would otherwise be "outside" it too.
  const inHorizon = (path: Path, year: number | undefined) => {
    if (from <= to && year !== undefined && (year < from || year > to))
      issues.push({
        path,
        message: `expected a year within the horizon ${from}–${to}, got ${year}`,
      });
  };
  const known = (
    set: ReadonlySet<string> | undefined,
    path: Path,
    value: string | undefined,
    what: string,
  ) => {
    if (set !== undefined && value !== undefined && !set.has(value))
      issues.push({ path, message: `expected ${what}, got ${JSON.stringify(value)}` });
  };

  scenario.interventions.forEach((intervention, index) => {
    const path: Path = [...prefix, 'interventions', index];
    if (intervention.provenance !== undefined && sources !== undefined)
      checkProvenance(issues, sources, [...path, 'provenance'], intervention.provenance);
    interventionUncertaintyIssues(issues, intervention, path);
    for (const [key, u] of Object.entries(intervention.uncertainty ?? {}))
      if (u.source !== undefined && sources !== undefined && !sources.has(u.source))
        issues.push({
          path: [...path, 'uncertainty', key, 'source'],
          message: `expected the id of a source in sources, got ${JSON.stringify(u.source)}`,
        });
    switch (intervention.kind) {
      case 'exportRestriction':
        known(countries, [...path, 'country'], intervention.country, 'a country of the dataset');
        (intervention.partners ?? []).forEach((partner, i) => {
          known(importers, [...path, 'partners', i], partner, 'a country or region of the dataset');
        });
        inHorizon([...path, 'from'], intervention.from);
        inHorizon([...path, 'to'], intervention.to);
        if (intervention.to !== undefined && intervention.to < intervention.from)
          issues.push({
            path: [...path, 'to'],
            message: `expected a year at or after ${intervention.from}, got ${intervention.to}`,
          });
        break;
      case 'capacityChange': {
        const byFacility = intervention.facility !== undefined;
        const byCountry = intervention.country !== undefined || intervention.stage !== undefined;
        if (
          byFacility === byCountry ||
          (!byFacility && (intervention.country === undefined || intervention.stage === undefined))
        ) {
          issues.push({ path, message: 'expected either facility, or both country and stage' });
        }
        known(
          facilities,
          [...path, 'facility'],
          intervention.facility,
          'a facility of the dataset',
        );
        known(countries, [...path, 'country'], intervention.country, 'a country of the dataset');
        checkMass(issues, [...path, 'change'], intervention.change);
        inHorizon([...path, 'ramp', 'from'], intervention.ramp.from);
        inHorizon([...path, 'ramp', 'to'], intervention.ramp.to);
        if (intervention.ramp.to < intervention.ramp.from)
          issues.push({
            path: [...path, 'ramp', 'to'],
            message: `expected a year at or after ${intervention.ramp.from}, got ${intervention.ramp.to}`,
          });
        break;
      }
      case 'demandGrowth':
        known(
          applications,
          [...path, 'application'],
          intervention.application,
          'an application of the dataset',
        );
        inHorizon([...path, 'from'], intervention.from);
        if ((intervention.rate === undefined) === (intervention.demand === undefined)) {
          issues.push({
            path: [...path, intervention.rate === undefined ? 'rate' : 'demand'],
            message:
              intervention.rate === undefined
                ? 'expected a growth rate or a demand table, got neither'
                : 'expected a growth rate or a demand table, not both',
          });
        }
        break;
      case 'recyclingPolicy':
        known(
          applications,
          [...path, 'application'],
          intervention.application,
          'an application of the dataset',
        );
        inHorizon([...path, 'from'], intervention.from);
        if (
          intervention.collectionRate === undefined &&
          intervention.preprocessingYield === undefined &&
          intervention.processingYield === undefined
        ) {
          issues.push({
            path,
            message:
              'expected at least one of collectionRate, preprocessingYield and processingYield, got none',
          });
        }
        break;
      case 'substitution':
        known(
          applications,
          [...path, 'application'],
          intervention.application,
          'an application of the dataset',
        );
        break;
      case 'stockpile':
        known(
          importers,
          [...path, 'holder'],
          intervention.holder,
          'a country or region of the dataset',
        );
        if (
          intervention.initial === undefined &&
          intervention.build === undefined &&
          intervention.release === undefined
        ) {
          issues.push({
            path,
            message: 'expected at least one of initial, build and release, got none',
          });
        }
        checkMass(issues, [...path, 'initial'], intervention.initial);
        if (intervention.build !== undefined) {
          checkMass(issues, [...path, 'build', 'perYear'], intervention.build.perYear);
          inHorizon([...path, 'build', 'from'], intervention.build.from);
          inHorizon([...path, 'build', 'to'], intervention.build.to);
          if (intervention.build.to < intervention.build.from)
            issues.push({
              path: [...path, 'build', 'to'],
              message: `expected a year at or after ${intervention.build.from}, got ${intervention.build.to}`,
            });
        }
        if (intervention.release !== undefined) {
          checkMass(issues, [...path, 'release', 'maxPerYear'], intervention.release.maxPerYear);
          inHorizon([...path, 'release', 'from'], intervention.release.from);
          inHorizon([...path, 'release', 'to'], intervention.release.to);
        }
        break;
    }
  });
  return issues;
}

/**
 * Parents must exist and must not form a cycle.
 *
 * @internal
 */
export function scenarioSetIssues(scenarios: readonly Scenario[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  duplicates(issues, scenarios, 'scenarios', (s) => s.id, 'id', 'scenario id');
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  scenarios.forEach((scenario, index) => {
    if (scenario.parent === undefined) return;
    if (!byId.has(scenario.parent)) {
      issues.push({
        path: ['scenarios', index, 'parent'],
        message: `expected the id of a scenario in the set, got ${JSON.stringify(scenario.parent)}`,
      });
      return;
    }
    const trail = [scenario.id];
    let current = byId.get(scenario.parent);
    while (current !== undefined) {
      if (trail.includes(current.id)) {
        issues.push({
          path: ['scenarios', index, 'parent'],
          message: `expected parents without a cycle, got ${[...trail, current.id].join(' -> ')}`,
        });
        return;
      }
      trail.push(current.id);
      current = current.parent === undefined ? undefined : byId.get(current.parent);
    }
  });
  return issues;
}
