import { concentrationBand } from '../concentration/index.js';
import { invalidArgument } from '../errors/index.js';
import type { Intervention, Stage } from '../model/index.js';
import type {
  Attribution,
  ScenarioDiff,
  ScenarioEvaluation,
  ScenarioRow,
  ScenarioVariable,
} from '../scenario/index.js';
import { scenarioVariables as V } from '../scenario/index.js';
import { type ChartOptions, timeSeriesChart } from './charts.js';
import { checkOutputShape, checkRenderOptions, csvTable, markdownTable } from './format.js';

/**
 * Options for {@link renderEvaluation} and {@link renderDiff}.
 *
 * @category Report
 */
export interface ScenarioRenderOptions {
  /** `'md'` (default: a summary in Markdown), `'csv'` (every row, IAMC long format) or `'json'` (the data itself). */
  readonly format?: 'md' | 'csv' | 'json';
  /** Display names by country code; codes are shown otherwise. */
  readonly names?: Readonly<Record<string, string>>;
}

// The columns of the demand table, in order: demand, its offsets, and what is left.
const DEMAND_TERMS = [V.demand, V.recycling, V.substitution, V.primaryDemand] as const;

const STAGE_NAMES: Record<Stage, string> = {
  mining: 'Mining',
  separation: 'Separation',
  metal: 'Metal',
  magnet: 'Magnet',
};

function number(value: number | undefined, digits = 0): string {
  if (value === undefined) return '–';
  const rounded = Number(value.toFixed(digits));
  return (rounded === 0 ? 0 : rounded).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
}

function checkFormat(fn: string, format: unknown): 'md' | 'csv' | 'json' {
  if (format === undefined) return 'md';
  if (format === 'md' || format === 'csv' || format === 'json') return format;
  return invalidArgument(fn, ['options', 'format'], "'md', 'csv' or 'json'", format);
}

function describe(intervention: Intervention): string {
  switch (intervention.kind) {
    case 'exportRestriction':
      return `${intervention.country} withholds ${percent(intervention.cut)} of exports${intervention.elements === undefined ? '' : ` of ${intervention.elements.join(', ')}`}${intervention.partners === undefined ? '' : ` to ${intervention.partners.join(', ')}`}, ${intervention.from}${intervention.to === undefined ? ' on' : `–${intervention.to}`}`;
    case 'capacityChange':
      return `${intervention.facility ?? `${intervention.country} ${intervention.stage}`}: ${number(Number(intervention.change.amount))} ${intervention.change.unit}/yr, ramp ${intervention.ramp.from}–${intervention.ramp.to}`;
    case 'demandGrowth':
      return intervention.demand === undefined
        ? `${intervention.application} demand grows from ${intervention.from}`
        : `${intervention.application} demand follows a table from ${intervention.from}`;
    case 'recyclingPolicy':
      return `${intervention.application} recycling from ${intervention.from}`;
    case 'substitution':
      return `${intervention.application}: ${intervention.substitute}`;
    case 'stockpile':
      return `${intervention.holder} stockpile${intervention.elements === undefined ? '' : ` of ${intervention.elements.join(', ')}`}`;
  }
}

/** The rows of an evaluation as an IAMC long-format CSV. @internal */
export function rowsCsv(rows: readonly ScenarioRow[]): string {
  return csvTable(
    ['scenario', 'region', 'variable', 'unit', 'stage', 'element', 'year', 'value'],
    rows.map((r) => [
      r.scenario,
      r.region,
      r.variable,
      r.unit,
      r.stage ?? '',
      r.element ?? '',
      String(r.year),
      String(r.value),
    ]),
  );
}

/**
 * Render an evaluation as text: a Markdown summary (interventions, each stage's supply,
 * concentration and coverage in the first and last years, the import lines' balances in the last
 * year, demand and its offsets, the time to resilience, and every assumption), every row as
 * IAMC long-format CSV (`scenario,region,variable,unit,stage,element,year,value`, pyam-readable),
 * or JSON (the evaluation itself).
 *
 * @category Report
 * @param evaluation - an evaluation from `evaluate`
 * @param options - `format` (default `'md'`) and country `names`
 * @returns the text, ending with a newline
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an unknown format, options that are not an object, or a value that is not an evaluation
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline, presets } from 'rare-earths/data';
 * import { renderEvaluation } from 'rare-earths/report';
 *
 * const evaluation = evaluate(baseline, presets[0]!);
 * renderEvaluation(evaluation).split('\n')[0]; // => "# Scenario: China's 2025 export controls on seven rare earths"
 * renderEvaluation(evaluation, { format: 'csv' }).split('\r\n')[0]; // => 'scenario,region,variable,unit,stage,element,year,value'
 * ```
 */
export function renderEvaluation(
  evaluation: ScenarioEvaluation,
  options: ScenarioRenderOptions = {},
): string {
  checkRenderOptions('renderEvaluation', options);
  checkOutputShape('renderEvaluation', 'evaluation', evaluation, 'an evaluation from evaluate', {
    arrays: ['rows', 'lineage', 'assumptions'],
    objects: ['scenario'],
  });
  const format = checkFormat('renderEvaluation', options.format);
  if (format === 'json') return `${JSON.stringify(evaluation, null, 2)}\n`;
  if (format === 'csv') return `${rowsCsv(evaluation.rows)}\r\n`;
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const { scenario, rows } = evaluation;
  const { from, to } = scenario.horizon;
  const value = (
    variable: ScenarioVariable,
    region: string,
    year: number,
    stage?: Stage,
    element?: string,
  ) =>
    rows.find(
      (r) =>
        r.variable === variable &&
        r.region === region &&
        r.year === year &&
        r.stage === stage &&
        r.element === element,
    )?.value;
  const out: string[] = [`# Scenario: ${scenario.name}`, ''];
  if (scenario.description !== undefined) out.push(scenario.description, '');
  out.push(
    `Id \`${scenario.id}\`${evaluation.lineage.length > 1 ? ` (inherits from ${evaluation.lineage.slice(1).join(' ← ')})` : ''}; horizon ${from}–${to}; tables as of ${evaluation.referenceYear}.`,
    '',
    '## Interventions',
    '',
  );
  out.push(
    scenario.interventions.length === 0
      ? 'None: the baseline.'
      : markdownTable(
          ['Id', 'Kind', 'What', 'Source'],
          scenario.interventions.map((i) => [
            i.id,
            i.kind,
            i.label ?? describe(i),
            i.provenance?.source ?? '–',
          ]),
        ),
    '',
    '## Supply by stage',
    '',
  );
  const stages = [
    ...new Set(rows.filter((r) => r.variable === V.supplyTotal.name).map((r) => r.stage as Stage)),
  ];
  const excluded = evaluation.resilience.excluded.map(name).join(', ');
  out.push(
    markdownTable(
      [
        'Stage',
        'Year',
        'Supply (t/yr)',
        `Outside ${excluded || 'none'} (t/yr)`,
        'HHI (points)',
        'Band',
        'Coverage',
        'Sized by',
      ],
      stages.flatMap((stage) =>
        [...new Set([from, to])].map((year) => {
          const hhi = value(V.hhi.name, 'World', year, stage);
          return [
            STAGE_NAMES[stage],
            String(year),
            number(value(V.supplyTotal.name, 'World', year, stage)),
            number(value(V.supplyOutside.name, 'World', year, stage)),
            number(hhi),
            hhi === undefined ? '–' : concentrationBand(Math.min(10_000, hhi)),
            percent(value(V.coverage.name, 'World', year, stage)),
            sizedBy(evaluation, stage),
          ];
        }),
      ),
      ['left', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
    ),
    '',
  );
  const resilience = evaluation.resilience;
  out.push(
    `Time to resilience (supply outside ${excluded || 'no country'} covering ${percent(resilience.share)} of demand at every stage): ${resilience.year === null ? `not reached by ${to}` : String(resilience.year)}.`,
    '',
    `## Import lines, ${to}`,
    '',
  );
  // Every line has capacity-addition rows; a line whose composition is unknown has no share row.
  const lines = rows.filter((r) => r.variable === V.capacityAdditions.name && r.year === to);
  out.push(
    lines.length === 0
      ? 'None: the dataset has no import sourcing for the reference year.'
      : markdownTable(
          [
            'Importer',
            'Stage',
            'Elements',
            'Imports (t/yr)',
            'Restricted',
            'Restricted (t/yr)',
            'Additions (t/yr)',
            'Stock release (t/yr)',
            'Balance (t/yr)',
          ],
          lines.map((r) => [
            name(r.region),
            r.stage === undefined ? 'compounds and metals' : STAGE_NAMES[r.stage],
            r.element ?? 'all',
            number(value(V.imports.name, r.region, to, r.stage, r.element)),
            restrictedCell(value(V.restrictedShare.name, r.region, to, r.stage, r.element)),
            number(value(V.restricted.name, r.region, to, r.stage, r.element), 1),
            number(value(V.capacityAdditions.name, r.region, to, r.stage, r.element), 1),
            number(value(V.stockRelease.name, r.region, to, r.stage, r.element), 1),
            number(value(V.balance.name, r.region, to, r.stage, r.element), 1),
          ]),
          ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
        ),
    '',
  );
  const demandYears = [
    ...new Set([
      from,
      ...Array.from({ length: to - from + 1 }, (_, k) => from + k).filter((y) => y % 5 === 0),
      to,
    ]),
  ];
  if (rows.some((r) => r.variable === V.demand.name)) {
    out.push(
      '## Demand (t/yr)',
      '',
      markdownTable(
        ['Year', ...DEMAND_TERMS.map((term) => term.name)],
        demandYears.map((year) => [
          String(year),
          ...DEMAND_TERMS.map((term) => number(value(term.name, 'World', year))),
        ]),
      ),
      '',
    );
  }
  out.push(
    '## Assumptions',
    '',
    ...evaluation.assumptions.map((a) => `- **${a.id}** (${a.kind}): ${a.text}`),
    '',
  );
  return `${out.join('\n')}`;
}

/** How a stage was sized, in words, from the evaluation's `stages`. */
function sizedBy(evaluation: ScenarioEvaluation, stage: Stage): string {
  const size = (evaluation.stages ?? []).find((s) => s.stage === stage);
  if (size === undefined) return '–';
  const sources = size.sources.length === 0 ? '' : ` (${size.sources.join(', ')})`;
  switch (size.sizedBy) {
    case 'table':
      return `its own table, ${size.year}${sources}`;
    case 'option':
      return 'options.throughput';
    case 'mining':
      return `world mine production, ${size.year}${sources}`;
    case 'demand':
      return `demand of ${size.application}, ${size.year}${sources}`;
  }
}

/** The restricted share of a line, or why it is not known. */
function restrictedCell(share: number | undefined): string {
  return share === undefined ? 'composition unknown' : percent(share);
}

/** A scalar or a list of scalars, as text. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => scalar(v) !== undefined && !Array.isArray(v)))
    return value.map((v) => scalar(v) as string).join(', ');
  return undefined;
}

/**
 * An input value of a diff as readable fields (`kind: capacityChange; facility: …; change: 5000 t
 * REO; ramp: 2025–2028`) rather than raw JSON: a mass as amount, unit and basis, a span of years
 * as from–to, nested fields with dotted names. An intervention's `note` (prose) is left out and
 * reported by `notes`; its `id` is already in the path.
 */
function readable(value: unknown, notes: { omitted: boolean }): string {
  if (value === undefined) return '–';
  const plain = scalar(value);
  if (plain !== undefined) return plain;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const fields: string[] = [];
  const visit = (prefix: string, v: unknown): void => {
    const text = scalar(v);
    if (text !== undefined) {
      fields.push(`${prefix}: ${text}`);
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      fields.push(`${prefix}: ${JSON.stringify(v)}`);
      return;
    }
    const record = v as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    if (
      'amount' in record &&
      'unit' in record &&
      keys.every((k) => ['amount', 'unit', 'basis'].includes(k))
    ) {
      fields.push(
        `${prefix}: ${[record.amount, record.unit, record.basis].filter((x) => x !== undefined).join(' ')}`,
      );
      return;
    }
    if (prefix === 'provenance' && typeof record.source === 'string') {
      const detail = [record.tag, record.locator].filter((x) => typeof x === 'string');
      fields.push(
        `source: ${record.source}${detail.length === 0 ? '' : ` (${detail.join(', ')})`}`,
      );
      for (const key of keys.filter((k) => !['source', 'tag', 'locator'].includes(k)))
        visit(`${prefix}.${key}`, record[key]);
      return;
    }
    if (keys.length === 2 && typeof record.from === 'number' && typeof record.to === 'number') {
      fields.push(`${prefix}: ${record.from}–${record.to}`);
      return;
    }
    for (const key of keys) visit(prefix === '' ? key : `${prefix}.${key}`, record[key]);
  };
  const record = value as Readonly<Record<string, unknown>>;
  const isIntervention = typeof record.kind === 'string' && typeof record.id === 'string';
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  // The kind first, then the fields in the order the scenario gives them.
  for (const key of [...keys.filter((k) => k === 'kind'), ...keys.filter((k) => k !== 'kind')]) {
    if (isIntervention && key === 'id') continue;
    if (isIntervention && key === 'note') {
      notes.omitted = true;
      continue;
    }
    visit(key, record[key]);
  }
  return fields.join('; ');
}

/** A Markdown table cell: a `|` would end the cell. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * Render a scenario diff as text: a Markdown report (the tolerance and its rule, the input
 * changes keyed by id, the metric deltas with band crossings, the time to resilience and what was
 * within the tolerance), the metric deltas as CSV, or JSON (the diff itself).
 *
 * @category Report
 * @param diff - a diff from `diffScenarios`
 * @param options - `format` (default `'md'`) and country `names`
 * @returns the text, ending with a newline
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an unknown format, options that are not an object, or a value that is not a diff
 * @example
 * ```ts
 * import { diffScenarios, evaluate } from 'rare-earths';
 * import { baseline, presets } from 'rare-earths/data';
 * import { renderDiff } from 'rare-earths/report';
 *
 * const [controls, extended] = [presets[0]!, presets[1]!];
 * const diff = diffScenarios(
 *   evaluate(baseline, controls),
 *   evaluate(baseline, extended, { scenarios: presets }),
 * );
 * renderDiff(diff).split('\n')[0]; // => '# Diff: china-export-controls-2025 → china-export-controls-2025-extended'
 * ```
 */
export function renderDiff(diff: ScenarioDiff, options: ScenarioRenderOptions = {}): string {
  checkRenderOptions('renderDiff', options);
  checkOutputShape('renderDiff', 'diff', diff, 'a diff from diffScenarios', {
    arrays: ['inputs', 'metrics'],
    objects: ['scenarios', 'tolerance', 'withinTolerance'],
  });
  const format = checkFormat('renderDiff', options.format);
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  const metricRows = diff.metrics.map((m) => [
    m.variable,
    m.region,
    m.stage ?? '',
    m.element ?? '',
    String(m.year),
    m.unit,
    m.from === null ? '' : String(m.from),
    m.to === null ? '' : String(m.to),
    m.abs === null ? '' : String(m.abs),
    m.rel === null ? '' : String(m.rel),
    m.band === undefined ? '' : `${m.band.from} → ${m.band.to}`,
  ]);
  const header = [
    'variable',
    'region',
    'stage',
    'element',
    'year',
    'unit',
    'from',
    'to',
    'abs',
    'rel',
    'band',
  ];
  if (format === 'csv') return `${csvTable(header, metricRows)}\r\n`;
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const { abs, rel, rule } = diff.tolerance;
  const notes = { omitted: false };
  const out = [
    `# Diff: ${diff.scenarios.from} → ${diff.scenarios.to}`,
    '',
    `Tolerance: ${rule}, abs ${abs}, rel ${rel}; within it: ${diff.withinTolerance.inputs} input and ${diff.withinTolerance.metrics} metric differences (not listed).`,
    '',
    '## Inputs',
    '',
    diff.inputs.length === 0
      ? 'No differences.'
      : markdownTable(
          ['Path', 'From', 'To'],
          diff.inputs.map((c) => [
            escapeCell(c.path.join('.')),
            escapeCell(readable(c.from, notes)),
            escapeCell(readable(c.to, notes)),
          ]),
        ),
    '',
  ];
  if (notes.omitted) {
    out.push(
      "Interventions' notes are left out of this table; the JSON form (`--format json`) has every field.",
      '',
    );
  }
  if (diff.resilience !== undefined) {
    out.push(
      `Time to resilience: ${diff.resilience.from ?? 'not reached'} → ${diff.resilience.to ?? 'not reached'}.`,
      '',
    );
  }
  const crossings = diff.metrics.filter((m) => m.band !== undefined);
  if (crossings.length > 0) {
    out.push(
      '## Band crossings',
      '',
      markdownTable(
        ['Stage', 'Year', 'HHI from', 'HHI to', 'Band'],
        crossings.map((m) => [
          m.stage === undefined ? '' : STAGE_NAMES[m.stage],
          String(m.year),
          number(m.from ?? undefined),
          number(m.to ?? undefined),
          `${m.band?.from} → ${m.band?.to}`,
        ]),
      ),
      '',
    );
  }
  out.push(
    '## Metrics',
    '',
    diff.metrics.length === 0
      ? 'No differences beyond the tolerance.'
      : markdownTable(
          [
            'Variable',
            'Region',
            'Stage',
            'Elements',
            'Year',
            'From',
            'To',
            'Change',
            'Relative',
            'Unit',
          ],
          diff.metrics.map((m) => [
            escapeCell(m.variable),
            name(m.region),
            m.stage === undefined ? '' : STAGE_NAMES[m.stage],
            m.element ?? '',
            String(m.year),
            m.from === null ? '–' : number(m.from, 2),
            m.to === null ? '–' : number(m.to, 2),
            m.abs === null ? '–' : number(m.abs, 2),
            m.rel === null ? '–' : percent(m.rel),
            m.unit,
          ]),
          ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
        ),
    '',
  );
  return out.join('\n');
}

/**
 * Options for {@link renderAttribution}.
 *
 * @category Report
 */
export interface AttributionRenderOptions extends ScenarioRenderOptions {
  /** What the base scenario is called in the text, e.g. its id; default `'the base'`. */
  readonly base?: string;
  /** What the scenario is called in the text, e.g. its id; default `'the scenario'`. */
  readonly scenario?: string;
}

function metricTitle(attribution: Attribution, name: (code: string) => string): string {
  const { metric } = attribution;
  return [
    metric.variable,
    name(metric.region),
    metric.stage === undefined ? undefined : STAGE_NAMES[metric.stage],
    metric.element,
    String(metric.year),
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/**
 * Render an attribution (from `attribute`) as text: a Markdown report (the metric, its value
 * under the base and the scenario, the method, each intervention's Shapley value with its share
 * of the change and, when sampled, its standard error, and for an HHI the split by supplier),
 * the contributions as CSV (`id,change,value,standard_error,share,label`; `value` in the
 * metric's unit, `share` a fraction of the total change, empty when the change is 0), or JSON
 * (the attribution itself).
 *
 * @category Report
 * @param attribution - an attribution from `attribute`
 * @param options - `format` (default `'md'`), country `names`, and what to call the `base` and
 *   the `scenario` in the text
 * @returns the text, ending with a newline
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an unknown format, options that
 *   are not an object, or a value that is not an attribution
 * @example
 * ```ts
 * import { attribute } from 'rare-earths';
 * import { baseline, presetsById } from 'rare-earths/data';
 * import { renderAttribution } from 'rare-earths/report';
 *
 * const controls = presetsById['china-export-controls-2025'];
 * const none = { ...controls, id: 'none', interventions: [] };
 * const why = attribute(baseline, none, controls, {
 *   metric: { variable: 'Balance', region: 'USA', element: 'Y', year: 2030 },
 * });
 * const text = renderAttribution(why, { base: 'none', scenario: controls.id });
 * text.split('\n')[0]; // => '# Attribution: Balance · USA · Y · 2030'
 * renderAttribution(why, { format: 'csv' }).split('\r\n')[1]; // => 'china-controls-2025-04,added,-210,,1,"China, April 2025: Sm, Gd, Tb, Dy, Lu, Sc, Y (full stop: illustrative)"'
 * ```
 */
export function renderAttribution(
  attribution: Attribution,
  options: AttributionRenderOptions = {},
): string {
  checkRenderOptions('renderAttribution', options);
  checkOutputShape(
    'renderAttribution',
    'attribution',
    attribution,
    'an attribution from attribute',
    {
      arrays: ['contributions'],
      objects: ['metric'],
    },
  );
  for (const key of ['base', 'scenario'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string')
      invalidArgument('renderAttribution', ['options', key], 'a string', options[key]);
  }
  const format = checkFormat('renderAttribution', options.format);
  if (format === 'json') return `${JSON.stringify(attribution, null, 2)}\n`;
  const { change, contributions, unit } = attribution;
  const share = (value: number) => (change === 0 ? undefined : value / change);
  if (format === 'csv') {
    return `${csvTable(
      ['id', 'change', 'value', 'standard_error', 'share', 'label'],
      contributions.map((c) => {
        const fraction = share(c.value);
        return [
          c.id,
          c.change,
          String(c.value),
          c.standardError === undefined ? '' : String(c.standardError),
          fraction === undefined ? '' : String(fraction),
          c.label ?? '',
        ];
      }),
    )}\r\n`;
  }
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const base = options.base ?? 'the base';
  const scenario = options.scenario ?? 'the scenario';
  const sampled = attribution.method === 'sampled';
  const digits = Math.abs(change) >= 100 ? 1 : 3;
  const players =
    contributions.length === 1
      ? 'one intervention that differs'
      : `${contributions.length} interventions that differ`;
  const out = [
    `# Attribution: ${metricTitle(attribution, name)}`,
    '',
    `${base} → ${scenario}: ${number(attribution.base, digits)} → ${number(attribution.scenario, digits)} ${unit} (change ${number(change, digits)} ${unit}).`,
    '',
    sampled
      ? `Method: Shapley values estimated from ${attribution.samples ?? 0} random orders of the ${players} (${attribution.evaluations} evaluations); they sum to the change exactly, each with its standard error.`
      : `Method: exact Shapley values over the ${players} (${attribution.evaluations} evaluations): each one's average marginal effect over every order of switching them on; they sum to the change.`,
    '',
  ];
  out.push(
    contributions.length === 0
      ? 'No intervention differs between the two scenarios.'
      : markdownTable(
          [
            'Intervention',
            'Change',
            `Contribution (${unit})`,
            'Share of the change',
            ...(sampled ? ['Standard error'] : []),
            'Label',
          ],
          [
            ...contributions.map((c) => [
              c.id,
              c.change,
              number(c.value, digits),
              change === 0 ? '–' : percent(share(c.value)),
              ...(sampled ? [number(c.standardError, digits)] : []),
              escapeCell(c.label ?? ''),
            ]),
            [
              'Total',
              '',
              number(change, digits),
              change === 0 ? '–' : '100.0%',
              ...(sampled ? [''] : []),
              '',
            ],
          ],
          ['left', 'left', 'right', 'right', ...(sampled ? ['right' as const] : []), 'left'],
        ),
    '',
  );
  if (attribution.suppliers !== undefined) {
    out.push(
      '## By supplier',
      '',
      'The change in the HHI split exactly by country, (s′ − s)(s′ + s) in points; the residual "other countries" adds nothing to the lower bound and is left out.',
      '',
      markdownTable(
        ['Country', 'Contribution (points)'],
        Object.entries(attribution.suppliers).map(([code, value]) => [
          name(code),
          number(value, 1),
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}

/**
 * The demand stack of a scenario as an SVG chart: primary demand, recycling and substitution
 * stacked (they add up to demand), with demand as a line, over the horizon, using
 * {@link timeSeriesChart}.
 *
 * @category Report
 * @param evaluation - an evaluation from `evaluate` with demand rows (an application with a demand path)
 * @param options - `width`, `height`, `title`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an evaluation without demand rows, or a value that is not an evaluation
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline, presets } from 'rare-earths/data';
 * import { scenarioDemandChart } from 'rare-earths/report';
 *
 * const recycling = presets.find((p) => p.id === 'recycling-scale-up')!;
 * const svg = scenarioDemandChart(evaluate(baseline, recycling));
 * svg.startsWith('<svg'); // => true
 * svg.includes('recycling'); // => true
 * ```
 */
export function scenarioDemandChart(
  evaluation: ScenarioEvaluation,
  options: ChartOptions = {},
): string {
  checkRenderOptions('scenarioDemandChart', options);
  checkOutputShape('scenarioDemandChart', 'evaluation', evaluation, 'an evaluation from evaluate', {
    arrays: ['rows'],
  });
  const series = (variable: ScenarioVariable) =>
    evaluation.rows
      .filter((r) => r.variable === variable && r.region === 'World')
      .sort((a, b) => a.year - b.year);
  const demand = series(V.demand.name);
  if (demand.length === 0) {
    invalidArgument(
      'scenarioDemandChart',
      ['evaluation', 'rows'],
      'an evaluation with demand rows (an application with a demand path)',
      evaluation.rows.length,
    );
  }
  const values = (variable: ScenarioVariable) => series(variable).map((r) => r.value);
  return timeSeriesChart(
    {
      years: demand.map((r) => r.year),
      unit: 't/yr',
      series: [
        { name: 'primary demand', values: values(V.primaryDemand.name), color: '#0072b2' },
        { name: 'recycling', values: values(V.recycling.name), color: '#009e73' },
        { name: 'substitution', values: values(V.substitution.name), color: '#e69f00' },
        { name: 'demand', values: values(V.demand.name), kind: 'line' },
      ],
    },
    {
      title: `${evaluation.scenario.name}: demand and its offsets`,
      ...options,
      assumptions: [
        ...(evaluation.assumptions ?? [])
          .filter((a) => DEMAND_KINDS.includes(a.kind))
          .map((a) => `${a.id}: ${a.text}`),
        ...(options.assumptions ?? []),
      ],
    },
  );
}

// The assumptions the demand stack rests on.
const DEMAND_KINDS: readonly string[] = ['demand-path', 'sales-history', 'recycling-default'];
