// The explorer: the library's own functions and SVG renderers in a static page. Every figure is
// computed here from the embedded baseline; the view's state lives in the URL's hash.
import {
  type AttributionMetric,
  attribute,
  createEvaluator,
  diffScenarios,
  type ElementSymbol,
  type MetricDelta,
  resolveScenario,
  type Scenario,
  type ScenarioDiff,
  type ScenarioEvaluation,
  type ScenarioEvaluator,
  type ScenarioRow,
  type Stage,
  stageShares,
  traceOrigins,
} from 'rare-earths';
import { baseline, elementTable, presets } from 'rare-earths/data';
import {
  scenarioDemandChart,
  stageReport,
  stageSankeyChart,
  stageSharesChart,
  timeSeriesChart,
} from 'rare-earths/report';
import { type ControlSpec, controlsFor, readControlValue, withControls } from './controls.js';
import { csv } from './csv.js';
import { formatState, parseState, type ViewState } from './state.js';

type StageReport = ReturnType<typeof stageReport>;

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const DEFAULT_YEAR = 2024;
const DEFAULT_PRESET = 'china-export-controls-2025';
const IMPORTERS = ['USA', 'EU27', 'JPN'] as const;
const TRACED: readonly Stage[] = ['separation', 'metal', 'magnet'];
const STAGE_NAMES: Record<Stage, string> = {
  mining: 'Mining',
  separation: 'Separation',
  metal: 'Metal',
  magnet: 'Magnets',
};
// The variables an attribution may explain, in the order a reader asks about them.
const METRIC_VARIABLES = [
  'Balance',
  'Imports|Restricted',
  'Imports|Restricted|Share',
  'Primary demand',
  'Recycling',
  'Substitution',
  'Concentration|HHI',
  'Supply|Total',
  'Resilience|Coverage',
];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`explorer: #${id} is missing from index.html`);
  return found as T;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const names: Record<string, string> = Object.fromEntries([
  ...baseline.countries.map((c) => [c.code, c.name]),
  ...(baseline.regions ?? []).map((r) => [r.code, r.name]),
]);

function countryName(code: string): string {
  return code === 'other' ? 'other countries' : (names[code] ?? code);
}

function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

function number(value: number, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  return (rounded === 0 ? 0 : rounded).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function formatValue(value: number, unit: string): string {
  if (unit === 'fraction') return percent(value);
  if (unit === 'points') return `${number(value)} points`;
  return `${number(value, Math.abs(value) < 10 && value !== 0 ? 2 : 0)} ${unit}`;
}

/** A source as a link to its publication where the dataset gives an address, else its title. */
function sourceLink(id: string): string {
  const source = baseline.sources.find((s) => s.id === id);
  if (source === undefined) return escapeHtml(id);
  const title = `${source.publisher}, ${source.title} (${source.year})`;
  const href =
    source.url ?? (source.doi === undefined ? undefined : `https://doi.org/${source.doi}`);
  return href === undefined
    ? `<cite title="${escapeHtml(id)}: the dataset gives no address">${escapeHtml(title)}</cite>`
    : `<a href="${escapeHtml(href)}" rel="noopener">${escapeHtml(title)}</a>`;
}

// ---- downloads -------------------------------------------------------------------------------

/** What each download button saves, by button id: refreshed whenever a figure is drawn. */
type Downloads = Map<string, { name: string; type: string; text: () => string }>;

function save(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadButtons(
  downloads: Downloads,
  id: string,
  what: string,
  svg: string,
  table: () => string,
): string {
  downloads.set(`${id}-svg`, { name: `${id}.svg`, type: 'image/svg+xml', text: () => svg });
  downloads.set(`${id}-csv`, { name: `${id}.csv`, type: 'text/csv', text: table });
  return `<span class="downloads"><button type="button" data-download="${id}-svg" aria-label="Download the ${escapeHtml(what)} as SVG">SVG</button><button type="button" data-download="${id}-csv" aria-label="Download the ${escapeHtml(what)} data as CSV">CSV</button></span>`;
}

function figure(
  downloads: Downloads,
  id: string,
  what: string,
  svg: string,
  caption: string,
  table: () => string,
  scroll = false,
): string {
  // The chart's <title> names it for assistive technology; the caption gives its sources.
  const labelled = svg
    .replace('<svg ', `<svg role="img" aria-labelledby="${id}-title" `)
    .replace('<title>', `<title id="${id}-title">`);
  const chart = scroll
    ? `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(what)}, scrolls sideways">${labelled}</div>`
    : labelled;
  return `<figure id="${id}">${chart}<figcaption>${caption}${downloadButtons(downloads, id, what, svg, table)}</figcaption></figure>`;
}

function table(
  header: readonly string[],
  rows: readonly string[][],
  caption: string,
  numeric: readonly number[] = [],
): string {
  const head = header
    .map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`,
    )
    .join('');
  const label = escapeHtml(caption.replace(/<[^>]*>/g, '').slice(0, 80));
  // The caption stays outside the sideways-scrolling box, so that a phone shows all of it.
  return `<p class="note table-caption">${caption}</p><div class="table-wrap" tabindex="0" role="region" aria-label="Table: ${label}"><table aria-label="${label}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

// ---- the view ---------------------------------------------------------------------------------

interface View {
  year: number;
  element: ElementSymbol | undefined;
  preset: string;
  controls: Record<string, number>;
  at: number | undefined;
  metric: string | undefined;
  line: string | undefined;
  importer: (typeof IMPORTERS)[number];
  trace: Stage;
  ignored: string[];
}

const ELEMENTS = elementTable().map((e) => e.symbol);

function readView(state: ViewState): View {
  const ignored: string[] = [];
  const pick = <T extends string | number>(
    key: string,
    raw: string | undefined,
    allowed: readonly T[],
    fallback: T,
    parse: (text: string) => T,
  ): T => {
    if (raw === undefined) return fallback;
    const value = parse(raw);
    if (allowed.includes(value)) return value;
    ignored.push(`${key}=${raw}`);
    return fallback;
  };
  const year = pick('year', state.year, YEARS, DEFAULT_YEAR, Number);
  const elementText = pick<string>('element', state.element, ['', ...ELEMENTS], '', String);
  const preset = pick(
    'preset',
    state.preset,
    presets.map((p) => p.id),
    DEFAULT_PRESET,
    String,
  );
  const importer = pick('importer', state.importer, IMPORTERS, 'USA', (t) => t as 'USA');
  const trace = pick('trace', state.trace, TRACED, 'magnet', (t) => t as Stage);
  return {
    year,
    element: elementText === '' ? undefined : (elementText as ElementSymbol),
    preset,
    controls: {},
    at: state.at === undefined ? undefined : Number(state.at),
    metric: state.metric,
    line: state.line,
    importer,
    trace,
    ignored,
  };
}

function toState(view: View): ViewState {
  const controls: Record<string, string> = {};
  for (const [key, value] of Object.entries(view.controls)) controls[key] = String(value);
  return {
    year: String(view.year),
    ...(view.element === undefined ? {} : { element: view.element }),
    preset: view.preset,
    controls,
    ...(view.at === undefined ? {} : { at: String(view.at) }),
    ...(view.metric === undefined ? {} : { metric: view.metric }),
    ...(view.line === undefined ? {} : { line: view.line }),
    importer: view.importer,
    trace: view.trace,
  };
}

function chartWidth(container: HTMLElement): number {
  const width = Math.floor(container.clientWidth || 760);
  return Math.max(300, Math.min(760, width));
}

// ---- the stage picture ------------------------------------------------------------------------

function renderStages(view: View, downloads: Downloads): void {
  const body = element('stage-body');
  let report: StageReport;
  try {
    report = stageReport(baseline, {
      year: view.year,
      ...(view.element === undefined ? {} : { element: view.element }),
    });
  } catch (error) {
    body.innerHTML = `<p class="error" role="alert">${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
    return;
  }
  const width = chartWidth(body);
  const rows = report.stages.map((s) => {
    const bounds =
      Math.round(s.hhiUpper * 10000) === Math.round(s.hhiPoints)
        ? number(s.hhiPoints)
        : `${number(s.hhiPoints)}–${number(s.hhiUpper * 10000)}`;
    return [
      STAGE_NAMES[s.stage],
      String(s.year),
      `${escapeHtml(countryName(s.leader.country))} ${percent(s.leader.share)}`,
      `<span data-testid="hhi-${s.stage}" data-value="${s.hhiPoints}">${bounds}</span>`,
      escapeHtml(s.band),
      number(s.effectiveSuppliers, 1),
      sourceLink(s.source),
    ];
  });
  const chokepoint =
    report.chokepoint === undefined
      ? '<p>No chokepoint: fewer than two stages have data.</p>'
      : `<p class="headline">Chokepoint: <strong data-testid="chokepoint">${STAGE_NAMES[report.chokepoint.stage]}</strong>, the most concentrated stage (HHI ${number(report.chokepoint.hhi * 10000)} points${report.chokepoint.next === undefined ? '' : `, ${number(report.chokepoint.next.margin * 10000)} points above ${STAGE_NAMES[report.chokepoint.next.stage].toLowerCase()}`}).</p>`;
  const missing = report.missingStages
    .map((m) => `<li>${STAGE_NAMES[m.stage]}: ${escapeHtml(m.reason)}</li>`)
    .join('');
  const shareTables = report.stages.map((s) => {
    const shares = stageShares(baseline, {
      stage: s.stage,
      year: s.year,
      source: s.source,
      ...(view.element === undefined ? {} : { element: view.element }),
    });
    const entries = Object.entries(shares).sort((a, b) =>
      a[0] === 'other' ? 1 : b[0] === 'other' ? -1 : b[1] - a[1],
    );
    return {
      stage: s.stage,
      entries,
      html: table(
        ['Country', 'Share'],
        entries.map(([code, share]) => [
          escapeHtml(countryName(code)),
          `<span data-testid="share-${s.stage}-${code}" data-value="${share}">${percent(share)}</span>`,
        ]),
        `${STAGE_NAMES[s.stage]} ${s.year}: shares of the stage's world output. Source: ${sourceLink(s.source)}`,
        [1],
      ),
    };
  });
  const sharesCsv = () =>
    csv(
      ['stage', 'year', 'country', 'share', 'source'],
      shareTables.flatMap((t) => {
        const s = report.stages.find((r) => r.stage === t.stage);
        return t.entries.map(([code, share]) => [t.stage, s?.year, code, share, s?.source]);
      }),
    );
  const sources = [...new Set(report.stages.map((s) => s.source))].map(sourceLink).join('; ');
  const sharesSvg = stageSharesChart(report, { names, width });
  const parts = [
    chokepoint,
    table(
      [
        'Stage',
        'Table year',
        'Leader',
        'HHI (points)',
        'Band (DOJ/FTC 2023)',
        'Effective suppliers',
        'Source',
      ],
      rows,
      `Concentration of each stage, ${report.year}${view.element === undefined ? ', all rare earths' : `, ${view.element} only`}. HHI: the residual "other countries" counted as many small producers (lower bound) and as one (upper bound).`,
      [3, 5],
    ),
    missing === ''
      ? ''
      : `<p class="note">Stages without data:</p><ul class="note">${missing}</ul>`,
    figure(
      downloads,
      'stage-shares',
      'stage shares chart',
      sharesSvg,
      `Sources: ${sources}.`,
      sharesCsv,
    ),
  ];
  if (report.stages.length >= 2) {
    // Below 520 px the Sankey's labels collide: it keeps that width and scrolls sideways.
    const sankeySvg = stageSankeyChart(report, { names, width: Math.max(520, width) });
    parts.push(
      figure(
        downloads,
        'stage-sankey',
        'Sankey diagram',
        sankeySvg,
        `From mine to magnet. Flows between stages are drawn in proportion to the stages' shares; they are not observed. Sources: ${sources}.`,
        sharesCsv,
        width < 520,
      ),
    );
  } else {
    parts.push('<p class="note">The Sankey needs two stages with data; this view has one.</p>');
  }
  parts.push(
    '<h3>Shares by country</h3>',
    `<div class="share-tables">${shareTables.map((t) => t.html).join('')}</div>`,
    `<details><summary>What these figures assume (${(report.assumptions ?? []).length})</summary><ul class="note">${(report.assumptions ?? []).map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul></details>`,
  );
  body.innerHTML = parts.join('\n');
  performance.mark('explorer:first-chart');
}

// ---- origins and imports ----------------------------------------------------------------------

function renderOrigins(view: View, downloads: Downloads): void {
  const body = element('origins-body');
  const parts: string[] = [];
  const report = stageReport(baseline, { year: view.year });
  const sourcing = report.sourcing.find((s) => s.importer === view.importer);
  parts.push(`<h3>Import sources of ${escapeHtml(countryName(view.importer))}</h3>`);
  if (sourcing === undefined || sourcing.tables.length === 0) {
    parts.push(
      `<p data-testid="no-sourcing">The dataset has no published sourcing table for ${escapeHtml(countryName(view.importer))} covering ${view.year} or earlier: nothing is shown rather than an estimate.</p>`,
    );
  } else {
    sourcing.tables.forEach((t, i) => {
      const id = `imports-${view.importer}-${i}`;
      const period =
        t.period.from === t.period.to ? String(t.period.from) : `${t.period.from}–${t.period.to}`;
      const svg = timeSeriesFreeBars(
        `${countryName(view.importer)}: ${t.commodity} (${period})`,
        t.shares.map((s) => ({ label: countryName(s.country), value: s.share })),
        chartWidth(body),
      );
      parts.push(
        figure(
          downloads,
          id,
          `import sources of ${t.commodity}`,
          svg,
          `${escapeHtml(t.commodity)}${t.stage === undefined ? '' : `, ${STAGE_NAMES[t.stage].toLowerCase()} stage`}${t.elements === undefined ? '' : ` (${t.elements.join(', ')})`}, ${period}; HHI of the exporters ${number(t.hhi * 10000)} points. Source: ${sourceLink(t.source)}.`,
          () =>
            csv(
              [
                'importer',
                'commodity',
                'stage',
                'elements',
                'from',
                'to',
                'exporter',
                'share',
                'source',
              ],
              t.shares.map((s) => [
                view.importer,
                t.commodity,
                t.stage,
                t.elements?.join('+'),
                t.period.from,
                t.period.to,
                s.country,
                s.share,
                t.source,
              ]),
            ),
        ),
      );
    });
  }
  parts.push(`<h3>Origin tracing: ${STAGE_NAMES[view.trace].toLowerCase()} output</h3>`);
  const region = (baseline.regions ?? []).find((r) => r.code === view.importer);
  const traced =
    region === undefined
      ? [view.importer]
      : [
          ...new Set(
            (baseline.facilities ?? [])
              .filter((f) => f.stage === view.trace && region.members.includes(f.country))
              .map((f) => f.country),
          ),
        ];
  if (region !== undefined)
    parts.push(
      `<p class="note">${escapeHtml(region.name)} is a region and origins are traced country by country: shown for the members with a ${view.trace} facility in the dataset${traced.length === 0 ? ' (none)' : ''}.</p>`,
    );
  const traceRows: (string | number | undefined)[][] = [];
  for (const country of traced) {
    const trace = traceOrigins(baseline, { stage: view.trace, country, year: view.year });
    const rows = (['mining', 'separation', 'metal', 'magnet'] as const)
      .filter((stage) => trace.byStage[stage] !== undefined)
      .map((stage) => {
        const origin = trace.byStage[stage];
        const shares = Object.entries(origin?.shares ?? {})
          .sort((a, b) => b[1] - a[1])
          .map(([code, share]) => {
            traceRows.push([country, view.trace, view.year, stage, code, share]);
            return `${escapeHtml(countryName(code))} ${percent(share)}`;
          });
        if ((origin?.unresolved ?? 0) > 0)
          traceRows.push([country, view.trace, view.year, stage, 'unresolved', origin?.unresolved]);
        return [
          STAGE_NAMES[stage],
          shares.length === 0 ? '–' : shares.join(', '),
          `<span data-testid="unresolved-${country}-${stage}">${percent(origin?.unresolved ?? 0)}</span>`,
        ];
      });
    parts.push(
      table(
        ['Stage done', 'Where', 'Not shown by the data'],
        rows,
        `Where ${escapeHtml(countryName(country))}'s ${view.trace} output of ${view.year} was mined, separated and made into metal (traceOrigins: facility feedstock and stage-tagged trade links; the data never assumes a country).`,
        [2],
      ),
      trace.gaps.length === 0
        ? ''
        : `<ul class="note">${trace.gaps.map((g) => `<li>${escapeHtml(g.reason)}</li>`).join('')}</ul>`,
    );
  }
  if (traceRows.length > 0) {
    downloads.set('trace-csv', {
      name: `origins-${view.importer}-${view.trace}.csv`,
      type: 'text/csv',
      text: () =>
        csv(['country', 'traced stage', 'year', 'stage done', 'where', 'share'], traceRows),
    });
    parts.push(
      '<p><button type="button" data-download="trace-csv" aria-label="Download the origin tracing as CSV">Origin tracing as CSV</button></p>',
    );
  }
  body.innerHTML = parts.join('\n');
}

/**
 * Import shares as a horizontal bar chart. The library has no bar chart of shares, so this one is
 * drawn here, in the manner of its charts (same frame, fonts and colour-blind-safe palette).
 */
function timeSeriesFreeBars(
  title: string,
  bars: readonly { label: string; value: number }[],
  width: number,
): string {
  const left = Math.min(170, Math.floor(width * 0.38));
  const right = width - 60;
  const height = 56 + bars.length * 26 + 24;
  const body = bars.map((bar, i) => {
    const y = 44 + i * 26;
    const w = Math.max(0, (right - left) * bar.value);
    const fill =
      bar.label === 'China' ? '#c0392b' : bar.label === 'other countries' ? '#b7b7b7' : '#0072b2';
    return [
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end" fill="#222">${escapeHtml(bar.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${w.toFixed(2)}" height="18" fill="${fill}"><title>${escapeHtml(`${bar.label}: ${percent(bar.value)}`)}</title></rect>`,
      `<text x="${(left + w + 6).toFixed(2)}" y="${y + 14}" fill="#222">${percent(bar.value, 0)}</text>`,
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="14" font-weight="600" fill="#111">${escapeHtml(title)}</text>`,
    ...body,
    `<text x="16" y="${height - 10}" font-size="10" fill="#666">Shares of imports by exporter, as published.</text>`,
    '</svg>',
  ].join('\n');
}

// ---- the scenario -----------------------------------------------------------------------------

interface ScenarioContext {
  readonly preset: Scenario;
  readonly specs: readonly ControlSpec[];
  readonly none: Scenario;
  readonly noneEvaluation: ScenarioEvaluation;
}

function metricKey(m: {
  variable: string;
  region: string;
  stage?: Stage;
  element?: string;
}): string {
  return [m.variable, m.region, m.stage ?? '', m.element ?? ''].join('~');
}

function metricFromKey(key: string, year: number): AttributionMetric {
  const [variable = '', region = 'World', stage = '', elementText = ''] = key.split('~');
  return {
    variable,
    region,
    year,
    ...(stage === '' ? {} : { stage: stage as Stage }),
    ...(elementText === '' ? {} : { element: elementText }),
  };
}

// The variables in words (the rows' names are the IAMC-style ones of docs/scenarios.md).
const VARIABLE_WORDS: Record<string, string> = {
  Balance: 'Balance',
  'Imports|Restricted': 'Imports withheld',
  'Imports|Restricted|Share': 'Share of imports withheld',
  'Concentration|HHI': 'HHI',
  'Supply|Total': 'World supply',
  'Resilience|Coverage': 'Demand covered outside China',
};

function metricLabel(m: {
  variable: string;
  region: string;
  stage?: Stage;
  element?: string;
}): string {
  return [
    VARIABLE_WORDS[m.variable] ?? m.variable,
    m.region === 'World' ? 'World' : countryName(m.region),
    m.stage === undefined ? undefined : STAGE_NAMES[m.stage].toLowerCase(),
    m.element ??
      (m.variable.startsWith('Balance') || m.variable.startsWith('Imports')
        ? 'all rare earths'
        : undefined),
  ]
    .filter((x) => x !== undefined)
    .join(', ');
}

function metricCandidates(
  evaluation: ScenarioEvaluation,
  diff: ScenarioDiff,
  year: number,
): MetricDelta[] {
  const moved = diff.metrics.filter(
    (m) =>
      m.year === year && METRIC_VARIABLES.includes(m.variable) && m.from !== null && m.to !== null,
  );
  if (moved.length > 0)
    return [...moved].sort(
      (a, b) =>
        METRIC_VARIABLES.indexOf(a.variable) - METRIC_VARIABLES.indexOf(b.variable) ||
        Math.abs(b.abs ?? 0) - Math.abs(a.abs ?? 0),
    );
  return evaluation.rows
    .filter((r) => r.year === year && METRIC_VARIABLES.includes(r.variable))
    .map((r) => ({
      variable: r.variable,
      region: r.region,
      ...(r.stage === undefined ? {} : { stage: r.stage }),
      ...(r.element === undefined ? {} : { element: r.element }),
      year,
      unit: r.unit,
      from: r.value,
      to: r.value,
      abs: 0,
      rel: 0,
    }));
}

function seriesOf(
  evaluation: ScenarioEvaluation,
  variable: string,
  where: { region: string; stage?: Stage; element?: string },
): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of evaluation.rows)
    if (
      r.variable === variable &&
      r.region === where.region &&
      r.stage === where.stage &&
      r.element === where.element
    )
      out.set(r.year, r.value);
  return out;
}

function horizonYears(scenario: Scenario): number[] {
  const years: number[] = [];
  for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++) years.push(y);
  return years;
}

function renderControls(context: ScenarioContext, view: View): void {
  const form = element<HTMLFormElement>('controls');
  const groups = context.preset.interventions.map((intervention) => {
    const specs = context.specs.filter((s) => s.interventionId === intervention.id);
    const inputs = specs.map((spec) => {
      const value = view.controls[spec.key] ?? spec.preset;
      const id = `control-${spec.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
      const scale = spec.unit === 'share' ? 100 : 1;
      const shown = spec.unit === 'share' ? `${Math.round(value * 100)}%` : number(value);
      const bounds = `data-control="${escapeHtml(spec.key)}" min="${spec.min * scale}" max="${spec.max * scale}" step="${spec.step * scale}" value="${value * scale}"`;
      // Years are typed (or stepped with the arrow keys); shares and tonnes slide, their value beside.
      return spec.unit === 'year'
        ? `<div class="control year"><label for="${id}">${escapeHtml(spec.label)}</label><input id="${id}" type="number" inputmode="numeric" ${bounds}/></div>`
        : `<div class="control"><label for="${id}">${escapeHtml(spec.label)}</label><input id="${id}" type="range" ${bounds} aria-valuetext="${shown}"/><output id="${id}-out" for="${id}">${shown}</output></div>`;
    });
    const note =
      intervention.note === undefined ? '' : `<p class="note">${escapeHtml(intervention.note)}</p>`;
    const source =
      intervention.provenance === undefined
        ? ''
        : `<p class="note">Source: ${sourceLink(intervention.provenance.source)}</p>`;
    return `<fieldset><legend>${escapeHtml(intervention.label ?? intervention.id)}</legend>${inputs.length === 0 ? '<p class="note">This kind of intervention has no controls here.</p>' : inputs.join('')}${note}${source}</fieldset>`;
  });
  form.innerHTML = groups.join('');
  element('preset-description').textContent = context.preset.description ?? '';
}

function renderScenario(
  context: ScenarioContext,
  evaluator: ScenarioEvaluator,
  view: View,
  downloads: Downloads,
  schedule: (task: () => void) => void,
): void {
  const start = performance.now();
  const body = element('scenario-body');
  const status = element('status');
  const scenario = withControls(context.preset, context.specs, view.controls);
  let evaluation: ScenarioEvaluation;
  try {
    evaluation = evaluator(scenario);
  } catch (error) {
    status.innerHTML = `<span class="error" role="alert">${escapeHtml(error instanceof Error ? error.message : String(error))}</span>`;
    body.innerHTML = '';
    return;
  }
  status.textContent =
    view.ignored.length === 0 ? '' : `Ignored from the link: ${view.ignored.join(', ')}.`;
  const years = horizonYears(scenario);
  const at =
    view.at !== undefined && years.includes(view.at)
      ? view.at
      : Math.min(2030, scenario.horizon.to);
  const diff = diffScenarios(context.noneEvaluation, evaluation);
  const candidates = metricCandidates(evaluation, diff, at);
  const chosen = candidates.find((c) => metricKey(c) === view.metric) ?? candidates[0];
  // Below 520 px the time series' year labels collide: the charts keep that width and scroll.
  const width = Math.max(520, chartWidth(body));
  const scroll = width > chartWidth(body);
  const parts: string[] = [];
  parts.push(
    `<div class="pickers"><label for="at">Year compared <select id="at">${years.map((y) => `<option${y === at ? ' selected' : ''}>${y}</option>`).join('')}</select></label>${
      candidates.length === 0
        ? ''
        : `<label for="metric">Figure explained <select id="metric">${candidates.map((c) => `<option value="${escapeHtml(metricKey(c))}"${c === chosen ? ' selected' : ''}>${escapeHtml(metricLabel(c))}</option>`).join('')}</select></label>`
    }</div>`,
  );
  if (chosen === undefined) {
    parts.push('<p>This scenario has no figure to explain in that year.</p>');
  } else {
    const value = chosen.to ?? 0;
    const base = chosen.from ?? 0;
    const shortfall =
      chosen.variable === 'Balance' && value < 0
        ? ` — a shortfall of <strong data-testid="shortfall" data-value="${-value}">${formatValue(-value, chosen.unit)}</strong>`
        : '';
    parts.push(
      `<p class="headline">${escapeHtml(metricLabel(chosen))}, ${at}: <strong data-testid="metric-value" data-value="${value}">${formatValue(value, chosen.unit)}</strong>${shortfall}; with no interventions ${formatValue(base, chosen.unit)}.</p>`,
      '<h3>Which intervention explains it</h3><div id="attribution" aria-live="polite"><p class="note">Computing the attribution…</p></div>',
    );
    // Shapley values need up to 2^k evaluations: drawn just after the rest of the panel.
    schedule(() => {
      const target = document.getElementById('attribution');
      if (target === null) return;
      const began = performance.now();
      try {
        const result = attribute(baseline, context.none, scenario, {
          metric: metricFromKey(metricKey(chosen), at),
        });
        const largest = Math.max(1e-12, ...result.contributions.map((c) => Math.abs(c.value)));
        downloads.set('attribution-csv', {
          name: `attribution-${scenario.id}-${at}.csv`,
          type: 'text/csv',
          text: () =>
            csv(
              ['intervention', 'label', 'change', 'value', 'unit', 'standard error'],
              result.contributions.map((c) => [
                c.id,
                c.label,
                c.change,
                c.value,
                result.unit,
                c.standardError,
              ]),
            ),
        });
        target.innerHTML = `${table(
          ['Intervention', 'Contribution', ''],
          result.contributions.map((c) => [
            escapeHtml(c.label ?? c.id),
            `<span data-testid="contribution-${escapeHtml(c.id)}" data-value="${c.value}">${formatValue(c.value, result.unit)}${c.standardError === undefined ? '' : ` ± ${formatValue(c.standardError, result.unit)}`}</span>`,
            `<span class="bar ${c.value >= 0 ? 'up' : 'down'}" style="width:${((Math.abs(c.value) / largest) * 80).toFixed(0)}px" aria-hidden="true"></span>`,
          ]),
          `Shapley values (${result.method}, ${result.evaluations} evaluations): each intervention's average effect over every order of switching them on; they sum to the change, ${formatValue(result.change, result.unit)}.`,
          [1],
        )}<p><button type="button" data-download="attribution-csv" aria-label="Download the attribution as CSV">Attribution as CSV</button></p>`;
      } catch (error) {
        target.innerHTML = `<p class="error">${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
      }
      performance.measure('explorer:attribution', { start: began, end: performance.now() });
    });
    // The figure over the horizon, scenario and no interventions.
    const where = {
      region: chosen.region,
      ...(chosen.stage === undefined ? {} : { stage: chosen.stage }),
      ...(chosen.element === undefined ? {} : { element: chosen.element }),
    };
    const withIt = seriesOf(evaluation, chosen.variable, where);
    const without = seriesOf(context.noneEvaluation, chosen.variable, where);
    const plotted = years.filter((y) => withIt.has(y));
    const all = [...withIt.values(), ...without.values()];
    const flip = all.every((v) => v <= 0) && all.some((v) => v < 0);
    if (plotted.length > 0 && (flip || all.every((v) => v >= 0))) {
      const sign = flip ? -1 : 1;
      const named = flip
        ? 'Shortfall (−balance)'
        : (VARIABLE_WORDS[chosen.variable] ?? chosen.variable);
      const svg = timeSeriesChart(
        {
          years: plotted,
          unit: chosen.unit,
          series: [
            {
              name: 'scenario',
              values: plotted.map((y) => sign * (withIt.get(y) ?? 0)),
              kind: 'line',
              color: '#d55e00',
            },
            {
              name: 'no interventions',
              values: plotted.map((y) => sign * (without.get(y) ?? 0)),
              kind: 'line',
              color: '#0072b2',
            },
          ],
        },
        { width, title: `${named}: ${metricLabel(chosen).replace(/^[^,]*, /, '')}` },
      );
      parts.push(
        figure(
          downloads,
          'metric-series',
          'chart of the figure explained',
          svg,
          flip
            ? 'A balance below zero is a shortfall; it is drawn as a positive shortfall.'
            : 'Scenario and no interventions.',
          () =>
            csv(
              [
                'year',
                'variable',
                'region',
                'stage',
                'element',
                'unit',
                'scenario',
                'no interventions',
              ],
              plotted.map((y) => [
                y,
                chosen.variable,
                chosen.region,
                chosen.stage,
                chosen.element,
                chosen.unit,
                withIt.get(y),
                without.get(y),
              ]),
            ),
          scroll,
        ),
      );
    }
  }
  // The balance of an import line: what is withheld and what makes up for it.
  const lines = [
    ...new Map(
      evaluation.rows
        .filter((r) => r.variable === 'Balance')
        .map((r) => [[r.region, r.stage ?? '', r.element ?? ''].join('~'), r] as const),
    ).values(),
  ];
  if (lines.length > 0) {
    const defaultLine =
      lines.find(
        (l) =>
          chosen !== undefined &&
          l.region === chosen.region &&
          l.element === chosen.element &&
          l.stage === chosen.stage,
      ) ?? lines[0];
    const lineKey = (r: { region: string; stage?: Stage; element?: string }) =>
      [r.region, r.stage ?? '', r.element ?? ''].join('~');
    const line = lines.find((l) => lineKey(l) === view.line) ?? defaultLine;
    const moves = (l: ScenarioRow) =>
      evaluation.rows.some(
        (r) =>
          r.region === l.region &&
          r.stage === l.stage &&
          r.element === l.element &&
          r.variable.startsWith('Balance') &&
          r.value !== 0,
      ) ||
      evaluation.rows.some(
        (r) =>
          r.region === l.region &&
          r.stage === l.stage &&
          r.element === l.element &&
          r.variable === 'Imports|Restricted' &&
          r.value !== 0,
      );
    if (line !== undefined && !lines.some(moves)) {
      parts.push(
        "<h3>Balance over time</h3><p>No import line's balance moves in this scenario: nothing is withheld and no capacity or stock counts towards a line.</p>",
      );
    } else if (line !== undefined) {
      const where = {
        region: line.region,
        ...(line.stage === undefined ? {} : { stage: line.stage }),
        ...(line.element === undefined ? {} : { element: line.element }),
      };
      const restricted = seriesOf(evaluation, 'Imports|Restricted', where);
      const additions = seriesOf(evaluation, 'Balance|Capacity additions', where);
      const release = seriesOf(evaluation, 'Balance|Stock release', where);
      const balance = seriesOf(evaluation, 'Balance', where);
      const plotted = years.filter((y) => balance.has(y));
      const lineName = `${countryName(line.region)}, ${line.element ?? 'all rare earths'}`;
      const svg = timeSeriesChart(
        {
          years: plotted,
          unit: 't/yr',
          series: [
            {
              name: 'imports withheld',
              values: plotted.map((y) => restricted.get(y) ?? 0),
              kind: 'line',
              color: '#d55e00',
            },
            {
              name: 'capacity added',
              values: plotted.map((y) => additions.get(y) ?? 0),
              kind: 'line',
              color: '#009e73',
            },
            {
              name: 'stock released',
              values: plotted.map((y) => release.get(y) ?? 0),
              kind: 'line',
              color: '#56b4e9',
            },
          ],
        },
        { width, title: `Balance of ${lineName} imports` },
      );
      parts.push(
        `<h3>Balance over time</h3><div class="pickers"><label for="line">Import line <select id="line">${lines.map((l) => `<option value="${escapeHtml(lineKey(l))}"${l === line ? ' selected' : ''}>${escapeHtml(`${countryName(l.region)}, ${l.element ?? 'all rare earths'}`)}</option>`).join('')}</select></label></div>`,
        figure(
          downloads,
          'balance-series',
          'balance chart',
          svg,
          `Balance = capacity added + stock released − imports withheld (negative: a shortfall); ${plotted.length === 0 ? '' : `${plotted[plotted.length - 1]}: ${formatValue(balance.get(plotted[plotted.length - 1] ?? 0) ?? 0, 't/yr')}`}.`,
          () =>
            csv(
              [
                'year',
                'region',
                'element',
                'imports withheld',
                'capacity added',
                'stock released',
                'balance',
              ],
              plotted.map((y) => [
                y,
                line.region,
                line.element,
                restricted.get(y),
                additions.get(y),
                release.get(y),
                balance.get(y),
              ]),
            ),
          scroll,
        ),
      );
    }
  }
  // Demand, net primary demand and its offsets.
  if (evaluation.rows.some((r) => r.variable === 'Demand' && r.region === 'World')) {
    const svg = scenarioDemandChart(evaluation, { width, title: 'Demand and its offsets' });
    const demandRows = evaluation.rows.filter(
      (r) =>
        r.region === 'World' &&
        ['Demand', 'Primary demand', 'Recycling', 'Substitution'].includes(r.variable),
    );
    parts.push(
      '<h3>Net primary demand and its offsets</h3>',
      figure(
        downloads,
        'demand-series',
        'demand chart',
        svg,
        'Primary demand = demand − recycling − substitution (permanent magnets).',
        () =>
          csv(
            ['year', 'variable', 'unit', 'value'],
            demandRows.map((r) => [r.year, r.variable, r.unit, r.value]),
          ),
        scroll,
      ),
    );
  }
  // The diff against no interventions, in the year compared.
  const inYear = diff.metrics
    .filter((m) => m.year === at)
    .sort((a, b) => Math.abs(b.rel ?? 0) - Math.abs(a.rel ?? 0));
  downloads.set('diff-csv', {
    name: `diff-${scenario.id}.csv`,
    type: 'text/csv',
    text: () =>
      csv(
        [
          'variable',
          'region',
          'stage',
          'element',
          'year',
          'unit',
          'no interventions',
          'scenario',
          'abs',
          'rel',
        ],
        diff.metrics.map((m) => [
          m.variable,
          m.region,
          m.stage,
          m.element,
          m.year,
          m.unit,
          m.from ?? '',
          m.to ?? '',
          m.abs ?? '',
          m.rel ?? '',
        ]),
      ),
  });
  const shown = inYear.slice(0, 15);
  parts.push(
    `<h3>What changes against no interventions, ${at}</h3>`,
    inYear.length === 0
      ? '<p>Nothing changes in that year.</p>'
      : table(
          ['Figure', 'No interventions', 'Scenario', 'Change'],
          shown.map((m) => [
            escapeHtml(metricLabel(m)),
            m.from === null ? 'not evaluated' : formatValue(m.from, m.unit),
            m.to === null ? 'not evaluated' : formatValue(m.to, m.unit),
            m.abs === null
              ? '–'
              : `${m.abs > 0 ? '+' : ''}${formatValue(m.abs, m.unit)}${m.band === undefined ? '' : ` (${escapeHtml(m.band.from)} → ${escapeHtml(m.band.to)})`}`,
          ]),
          `${shown.length} of the ${inYear.length} figures that move in ${at}, largest relative change first (diffScenarios; tolerance ${diff.tolerance.rule}). "Not evaluated": the evaluation has no such figure, and its assumptions say why (often a composition nobody gives). The CSV has every year.`,
          [1, 2, 3],
        ),
    '<p><button type="button" data-download="diff-csv" aria-label="Download the whole diff as CSV">Diff as CSV</button></p>',
    `<details><summary>What the evaluation assumed (${evaluation.assumptions.length})</summary><ul class="note">${evaluation.assumptions.map((a) => `<li>${escapeHtml(a.text)}</li>`).join('')}</ul></details>`,
  );
  body.innerHTML = parts.join('\n');
  performance.measure('explorer:update', { start, end: performance.now() });
}

// ---- wiring -----------------------------------------------------------------------------------

function start(): void {
  const downloads: Downloads = new Map();
  const evaluator = createEvaluator(baseline);
  let view = readView(parseState(location.hash));
  let context: ScenarioContext | undefined;
  const contextFor = (id: string): ScenarioContext => {
    const preset = resolveScenario(presets, id);
    const none: Scenario = {
      ...preset,
      id: 'no-interventions',
      name: 'No interventions',
      interventions: [],
    };
    return { preset, specs: controlsFor(preset), none, noneEvaluation: evaluator(none) };
  };
  const readControls = (state: ViewState, specs: readonly ControlSpec[]) => {
    const values: Record<string, number> = {};
    for (const [key, text] of Object.entries(state.controls)) {
      const spec = specs.find((s) => s.key === key);
      const value = spec === undefined ? undefined : readControlValue(spec, text);
      if (spec === undefined || value === undefined) view.ignored.push(`c.${key}=${text}`);
      else values[key] = value;
    }
    return values;
  };
  let pending: number | undefined;
  const schedule = (task: () => void) => {
    if (pending !== undefined) clearTimeout(pending);
    pending = window.setTimeout(() => {
      pending = undefined;
      task();
    }, 0);
  };
  const writeUrl = () => {
    const hash = formatState(toState(view));
    if (location.hash !== hash) history.replaceState(null, '', hash);
    element<HTMLAnchorElement>('share').href = location.href;
  };
  const fillSelect = (
    id: string,
    options: readonly { value: string; label: string }[],
    selected: string,
  ) => {
    element<HTMLSelectElement>(id).innerHTML = options
      .map(
        (o) =>
          `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
      )
      .join('');
  };
  const drawStatic = () => {
    fillSelect(
      'year',
      YEARS.map((y) => ({ value: String(y), label: String(y) })),
      String(view.year),
    );
    fillSelect(
      'element',
      [
        { value: '', label: 'All rare earths' },
        ...elementTable().map((e) => ({ value: e.symbol, label: `${e.symbol} (${e.name})` })),
      ],
      view.element ?? '',
    );
    fillSelect(
      'preset',
      presets.map((p) => ({ value: p.id, label: p.name })),
      view.preset,
    );
    fillSelect(
      'importer',
      IMPORTERS.map((c) => ({ value: c, label: countryName(c) })),
      view.importer,
    );
    fillSelect(
      'trace-stage',
      TRACED.map((s) => ({ value: s, label: STAGE_NAMES[s] })),
      view.trace,
    );
  };
  const drawScenario = (withControlsToo: boolean) => {
    if (context === undefined || context.preset.id !== view.preset) {
      context = contextFor(view.preset);
      withControlsToo = true;
    }
    if (withControlsToo) renderControls(context, view);
    renderScenario(context, evaluator, view, downloads, schedule);
  };
  const drawAll = () => {
    renderStages(view, downloads);
    drawScenario(true);
    renderOrigins(view, downloads);
    writeUrl();
  };
  const load = () => {
    view = readView(parseState(location.hash));
    context = contextFor(view.preset);
    view.controls = readControls(parseState(location.hash), context.specs);
    drawStatic();
    drawAll();
  };

  element('year').addEventListener('change', (event) => {
    view.year = Number((event.target as HTMLSelectElement).value);
    renderStages(view, downloads);
    renderOrigins(view, downloads);
    writeUrl();
  });
  element('element').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    view.element = value === '' ? undefined : (value as ElementSymbol);
    renderStages(view, downloads);
    writeUrl();
  });
  element('preset').addEventListener('change', (event) => {
    view = {
      ...view,
      preset: (event.target as HTMLSelectElement).value,
      controls: {},
      at: undefined,
      metric: undefined,
      line: undefined,
      ignored: [],
    };
    drawScenario(true);
    writeUrl();
  });
  element('reset').addEventListener('click', () => {
    view = { ...view, controls: {}, ignored: [] };
    drawScenario(true);
    writeUrl();
  });
  const onControl = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const key = input.dataset.control;
    const spec = context?.specs.find((s) => s.key === key);
    if (key === undefined || spec === undefined) return;
    const scale = spec.unit === 'share' ? 100 : 1;
    const value = readControlValue(spec, String(Number(input.value) / scale));
    if (value === undefined) return;
    view.controls = { ...view.controls, [key]: value };
    const output = document.getElementById(`${input.id}-out`);
    const shown = spec.unit === 'share' ? `${Math.round(value * 100)}%` : number(value);
    if (output !== null) output.textContent = shown;
    if (input.type === 'range') input.setAttribute('aria-valuetext', shown);
    drawScenario(false);
    writeUrl();
  };
  element('controls').addEventListener('input', onControl);
  element('controls').addEventListener('submit', (event) => event.preventDefault());
  element('scenario-body').addEventListener('change', (event) => {
    const target = event.target as HTMLSelectElement;
    if (target.id === 'at') view.at = Number(target.value);
    else if (target.id === 'metric') view.metric = target.value;
    else if (target.id === 'line') view.line = target.value;
    else return;
    drawScenario(false);
    writeUrl();
    document.getElementById(target.id)?.focus();
  });
  element('importer').addEventListener('change', (event) => {
    view.importer = (event.target as HTMLSelectElement).value as View['importer'];
    renderOrigins(view, downloads);
    writeUrl();
  });
  element('trace-stage').addEventListener('change', (event) => {
    view.trace = (event.target as HTMLSelectElement).value as Stage;
    renderOrigins(view, downloads);
    writeUrl();
  });
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>(
      'button[data-download]',
    );
    const item = button === null ? undefined : downloads.get(button.dataset.download ?? '');
    if (item !== undefined) save(item.name, item.type, item.text());
  });
  element('copy-link').addEventListener('click', () => {
    const done = (text: string) => {
      element('copied').textContent = text;
    };
    navigator.clipboard?.writeText(location.href).then(
      () => done('Copied.'),
      () => done('Copying was refused: use the link instead.'),
    );
  });
  window.addEventListener('hashchange', load);
  let resized: number | undefined;
  let lastWidth = window.innerWidth;
  window.addEventListener('resize', () => {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    if (resized !== undefined) clearTimeout(resized);
    resized = window.setTimeout(drawAll, 150);
  });
  load();
  document.body.dataset.ready = 'true';
}

start();
