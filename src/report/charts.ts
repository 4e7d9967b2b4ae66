import { nice, ticks } from 'd3-array';
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { invalidArgument } from '../errors/index.js';
import type { Stage, StageReportData } from '../model/index.js';
import { checkFinite, checkInteger } from '../numeric/internal.js';
import { checkRenderOptions } from './format.js';

/**
 * Options shared by the charts.
 *
 * @category Report
 */
export interface ChartOptions {
  /** Width of the SVG, px; default 760. */
  readonly width?: number;
  /** Height of the SVG, px; default depends on the chart. */
  readonly height?: number;
  /** Display names by country code; codes are shown otherwise. */
  readonly names?: Readonly<Record<string, string>>;
  /** A title; each chart has a default. */
  readonly title?: string;
  /**
   * Assumptions the figures rest on, one statement each, listed in the caption under
   * "Assumptions behind these figures:" and in the SVG `<desc>`; the stage charts add the
   * report's own (fallback years, denominators) to these.
   */
  readonly assumptions?: readonly string[];
}

/**
 * Options of {@link stageSankeyChart}.
 *
 * @category Report
 */
export interface SankeyChartOptions extends ChartOptions {
  /**
   * What to do with links that no sourcing table of the report records (every link between two
   * stages is otherwise inferred from the two stages' shares): `'omit'` (default) leaves them
   * out and counts them in the caption; `'dashed'` draws them as dashed bands, with a legend
   * entry saying they are inferred.
   */
  readonly unobserved?: 'omit' | 'dashed';
}

const STAGE_NAMES: Record<Stage, string> = {
  mining: 'Mining',
  separation: 'Separation',
  metal: 'Metal',
  magnet: 'Magnets',
};
// China first (the subject of most questions), then a colour-blind-safe palette (Okabe & Ito).
const FIXED: Record<string, string> = { CHN: '#c0392b', other: '#b7b7b7' };
/** The palette after China and 'other'. @internal */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#6b6b6b',
  '#8e44ad',
  '#16a085',
];

/** Escape text for SVG. @internal */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function colours(codes: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let next = 0;
  for (const code of codes) {
    if (out.has(code)) continue;
    out.set(code, FIXED[code] ?? PALETTE[next++ % PALETTE.length] ?? '#777');
  }
  return out;
}

/** A chart's width and height, checked. @internal */
export function size(
  fn: string,
  options: ChartOptions,
  height: number,
): { width: number; height: number } {
  const width = options.width ?? 760;
  const h = options.height ?? height;
  checkInteger(fn, ['options', 'width'], width, 200);
  checkInteger(fn, ['options', 'height'], h, 150);
  return { width, height: h };
}

// Average advance of a character, in em, used to wrap and place text (generous for common
// sans-serif faces, so that wrapped text stays inside the chart).
/** @internal */
export const EM_PER_CHAR = 0.6;

/** Wrap text to lines of at most `perLine` characters, breaking at spaces. @internal */
export function wrap(text: string, perLine: number, indent = ''): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > perLine) {
    const cut = rest.lastIndexOf(' ', perLine);
    const at = cut <= indent.length ? perLine : cut;
    lines.push(rest.slice(0, at));
    rest = `${indent}${rest.slice(at).trimStart()}`;
  }
  lines.push(rest);
  return lines;
}

/**
 * The SVG document: title, body, then a caption (the footer and the assumptions, wrapped to the
 * width) below `height`, the document growing to hold it; the footer and the assumptions are
 * also the `<desc>`.
 *
 * @internal
 */
export function frame(
  width: number,
  height: number,
  title: string,
  body: string[],
  footer: string,
  assumptions: readonly string[] = [],
): string {
  const perLine = Math.max(30, Math.floor((width - 32) / (10 * EM_PER_CHAR)));
  const lines = wrap(footer, perLine);
  if (assumptions.length > 0) {
    lines.push('Assumptions behind these figures:');
    for (const statement of assumptions) lines.push(...wrap(`• ${statement}`, perLine, '  '));
  }
  // A title too long for the width wraps, and the chart moves down by the extra lines.
  const titleLines = wrap(title, Math.max(20, Math.floor((width - 32) / (16 * EM_PER_CHAR))));
  const shift = 20 * (titleLines.length - 1);
  const total = height + shift + 14 * (lines.length - 1);
  const desc = [footer, ...assumptions.map((a) => `Assumption: ${a}`)].join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    ...titleLines.map(
      (line, k) =>
        `<text x="16" y="${26 + 20 * k}" font-size="16" font-weight="600" fill="#111">${escapeXml(line)}</text>`,
    ),
    ...(shift === 0 ? body : [`<g transform="translate(0 ${shift})">`, ...body, '</g>']),
    ...lines.map(
      (line, k) =>
        `<text x="16" y="${height + shift - 10 + 14 * k}" font-size="10" fill="#444">${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('\n');
}

/** The year for a stage chart's title: one year only when every stage's table is of that year. */
function titleYear(report: StageReportData): string {
  const years = new Set(report.stages.map((s) => s.year));
  return years.size === 1 ? `${[...years][0]}` : 'latest year per stage';
}

/**
 * The assumptions a stage chart rests on: the report's statements about the stages shown
 * (fallback years, denominators, tables left out), or, for a report written before those were
 * recorded, the same read off each stage's table choice and denominator.
 */
function stageAssumptions(report: StageReportData): string[] {
  const shown = new Set<string>(report.stages.map((s) => s.stage));
  if (report.assumptions !== undefined)
    return report.assumptions.filter((a) => shown.has(a.slice(0, a.indexOf(':'))));
  return report.stages.flatMap((s) => [
    ...(s.tableChoice?.fallbackYear === undefined
      ? []
      : [`${s.stage}: fallback year: ${s.tableChoice.fallbackYear.why}.`]),
    ...(s.denominator === undefined ? [] : [`${s.stage}: ${s.denominator.note}`]),
  ]);
}

/** A chart's `data.years`: a non-empty array of increasing integer years. @internal */
export function checkYears(fn: string, years: unknown): asserts years is readonly number[] {
  if (!Array.isArray(years) || years.length === 0)
    invalidArgument(fn, ['data', 'years'], 'a non-empty array of years', years);
  years.forEach((year: unknown, i) => {
    checkInteger(fn, ['data', 'years', i], year, -100000);
    if (i > 0 && (year as number) <= (years[i - 1] as number))
      invalidArgument(fn, ['data', 'years', i], `a year after ${years[i - 1]}`, year);
  });
}

/** One finite value per year of a chart, at `path`. @internal */
export function checkValues(
  fn: string,
  path: readonly (string | number)[],
  values: unknown,
  length: number,
): void {
  if (!Array.isArray(values) || values.length !== length)
    invalidArgument(fn, path, `${length} values, one per year`, values);
  values.forEach((v: unknown, j) => {
    checkFinite(fn, [...path, j], v);
  });
}

/** A coordinate to two decimals. @internal */
export function fmt(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/**
 * A time chart's year labels below the axis at `y0` (at most about eight, the last always) and
 * its unit above the plot at `y1`, as SVG elements. @internal
 */
export function yearAxis(
  years: readonly number[],
  xAt: (j: number) => number,
  at: { readonly x0: number; readonly y0: number; readonly y1: number },
  unit: string,
): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.ceil(years.length / 8));
  years.forEach((year, j) => {
    if (j % step === 0 || j === years.length - 1)
      out.push(
        `<text x="${fmt(xAt(j))}" y="${at.y0 + 16}" text-anchor="middle" font-size="10" fill="#555">${year}</text>`,
      );
  });
  out.push(
    `<text x="${at.x0}" y="${at.y1 - 16}" font-size="11" fill="#333">${escapeXml(unit)}</text>`,
  );
  return out;
}

/**
 * A 100% stacked bar chart of each stage's country shares, as an SVG string (no DOM needed):
 * one bar per stage with data, the largest countries coloured (China in red, the residual in
 * grey), labels inside segments wide enough to hold them, a legend and the sources.
 *
 * @category Report
 * @param report - a stage report from {@link stageReport}
 * @param options - `width`, `height`, country `names`, `title`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for a non-integer or too small size
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { stageReport, stageSharesChart } from 'rare-earths/report';
 *
 * const svg = stageSharesChart(stageReport(baseline, { year: 2024 }));
 * svg.startsWith('<svg'); // => true
 * svg.includes('Magnets'); // => true
 * ```
 */
export function stageSharesChart(report: StageReportData, options: ChartOptions = {}): string {
  const fn = 'stageSharesChart';
  checkRenderOptions(fn, options);
  const rowHeight = 56;
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const codes = report.stages.flatMap((s) => s.top.map((t) => t.country));
  const palette = colours(codes);
  const left = 16;
  const width = options.width ?? 760;
  const right = width - 16;
  // The legend, laid out first so that the chart is tall enough for every entry.
  const legend: { code: string; fill: string; x: number; row: number }[] = [];
  let lx = left;
  let row = 0;
  for (const [code, fill] of palette) {
    const advance = 24 + name(code).length * 11 * EM_PER_CHAR;
    if (lx > left && lx + advance > right) {
      lx = left;
      row += 1;
    }
    legend.push({ code, fill, x: lx, row });
    lx += advance;
  }
  const { height } = size(
    fn,
    options,
    48 + rowHeight * Math.max(1, report.stages.length) + 18 * (row + 1) + 40,
  );
  const body: string[] = [];
  report.stages.forEach((s, i) => {
    const y = 48 + i * rowHeight + 18;
    // Each bar carries its own year and source: stages come from tables of different years.
    body.push(
      `<text x="${left}" y="${y - 5}" fill="#222" font-weight="600">${escapeXml(`${STAGE_NAMES[s.stage]} ${s.year}`)}<tspan font-weight="400" fill="#666" font-size="10">${escapeXml(`  ${s.source}${s.tableChoice?.fallbackYear === undefined ? '' : `, standing for ${s.tableChoice.fallbackYear.requested}`}`)}</tspan></text>`,
    );
    let x = left;
    const total = s.top.reduce((sum, t) => sum + t.share, 0);
    const rows = total < 0.9999 ? [...s.top, { country: 'rest', share: 1 - total }] : s.top;
    for (const t of rows) {
      const w = (right - left) * t.share;
      const fill = t.country === 'rest' ? '#dddddd' : (palette.get(t.country) ?? '#999');
      body.push(
        `<rect x="${fmt(x)}" y="${y}" width="${fmt(Math.max(0, w))}" height="28" fill="${fill}"><title>${escapeXml(`${name(t.country)}: ${(t.share * 100).toFixed(1)}%`)}</title></rect>`,
      );
      const label = `${t.country === 'rest' ? 'others' : t.country} ${(t.share * 100).toFixed(0)}%`;
      if (w > 12 + label.length * 11 * EM_PER_CHAR)
        body.push(
          `<text x="${fmt(x + 6)}" y="${y + 18}" fill="#fff" font-size="11">${escapeXml(label)}</text>`,
        );
      x += w;
    }
  });
  const legendY = 48 + report.stages.length * rowHeight + 10;
  for (const entry of legend) {
    const y = legendY + 18 * entry.row;
    body.push(
      `<rect x="${fmt(entry.x)}" y="${y}" width="10" height="10" fill="${entry.fill}"/>`,
      `<text x="${fmt(entry.x + 14)}" y="${y + 9}" fill="#333" font-size="11">${escapeXml(name(entry.code))}</text>`,
    );
  }
  const when = titleYear(report);
  const sources = [...new Set(report.stages.map((s) => s.source))].join(', ');
  return frame(
    width,
    height,
    options.title ?? `Who supplies each stage of the rare-earth chain (${when})`,
    body,
    `Shares of each stage's world output, each bar in the year of its own table. Sources: ${sources}.`,
    [...stageAssumptions(report), ...(options.assumptions ?? [])],
  );
}

interface SankeyNodeInput {
  readonly id: string;
  readonly stage: Stage;
  readonly country: string;
}

interface SankeyLinkInput {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly observed: boolean;
}

/**
 * A Sankey diagram of the stages, country by country (mining → separation → metal → magnets),
 * as an SVG string, laid out with d3-sankey. Node heights are each country's share of its
 * stage. Country-level data do not observe flows between stages: a link is *observed* only when
 * a sourcing table of the report names the upstream country as a supplier of the downstream
 * country at the upstream stage (for example the EU's sourcing at extraction); every other link
 * is *inferred*. Inferred links are left out by default and counted in the caption and the
 * `<desc>`; `unobserved: 'dashed'` draws them dashed, with a legend entry. Every link is drawn in
 * proportion to the two stages' shares (share at one stage × share at the next), which the
 * caption states with the report's assumptions (fallback years, denominators). Stages without
 * data are left out and named.
 *
 * @category Report
 * @param report - a stage report from {@link stageReport}
 * @param options - `width`, `height`, country `names`, `title`, `assumptions`, `unobserved`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) when fewer than two stages have data, for a bad size, or an `unobserved` other than `'omit'` or `'dashed'`
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { stageReport, stageSankeyChart } from 'rare-earths/report';
 *
 * const report = stageReport(baseline, { year: 2024 });
 * stageSankeyChart(report).includes('stroke-dasharray'); // => false
 * stageSankeyChart(report, { unobserved: 'dashed' }).includes('stroke-dasharray'); // => true
 * ```
 */
export function stageSankeyChart(
  report: StageReportData,
  options: SankeyChartOptions = {},
): string {
  const fn = 'stageSankeyChart';
  checkRenderOptions(fn, options);
  const unobserved = options.unobserved ?? 'omit';
  if (unobserved !== 'omit' && unobserved !== 'dashed')
    invalidArgument(fn, ['options', 'unobserved'], "'omit' or 'dashed'", unobserved);
  if (report.stages.length < 2)
    invalidArgument(fn, ['report', 'stages'], 'at least two stages with data', report.stages);
  const { width, height } = size(fn, options, 460);
  const name = (code: string) => (code === 'other' ? 'other' : (options.names?.[code] ?? code));
  const nodes: SankeyNodeInput[] = [];
  const shareOf = new Map<string, number>();
  for (const s of report.stages) {
    const total = s.top.reduce((sum, t) => sum + t.share, 0);
    const rows = total < 0.9999 ? [...s.top, { country: 'other', share: 1 - total }] : s.top;
    const merged = new Map<string, number>();
    for (const t of rows) merged.set(t.country, (merged.get(t.country) ?? 0) + t.share);
    for (const [country, share] of merged) {
      const id = `${s.stage}:${country}`;
      nodes.push({ id, stage: s.stage, country });
      shareOf.set(id, share);
    }
  }
  // A link is observed when an importer's sourcing table at the upstream stage names the
  // upstream country among its suppliers.
  const observed = new Set<string>();
  for (const importer of report.sourcing)
    for (const table of importer.tables)
      for (const supplier of table.shares)
        if (table.stage !== undefined && supplier.share > 0 && supplier.country !== 'other')
          observed.add(`${table.stage}:${supplier.country}>${importer.importer}`);
  const links: SankeyLinkInput[] = [];
  for (let i = 0; i + 1 < report.stages.length; i++) {
    const from = nodes.filter((n) => n.stage === report.stages[i]?.stage);
    const to = nodes.filter((n) => n.stage === report.stages[i + 1]?.stage);
    for (const a of from)
      for (const b of to)
        links.push({
          source: a.id,
          target: b.id,
          value: (shareOf.get(a.id) ?? 0) * (shareOf.get(b.id) ?? 0),
          observed: observed.has(`${a.id}>${b.country}`),
        });
  }
  const drawn = links.filter((l) => l.value > 0);
  const inferred = drawn.filter((l) => !l.observed).length;
  const top = 60;
  const bottom = height - 40 - (unobserved === 'dashed' && inferred > 0 ? 22 : 0);
  // Every link takes part in the layout (so that nodes sit in the same place whichever links are
  // drawn); node heights are fixed at the stage shares.
  const layout = sankey<SankeyNodeInput, SankeyLinkInput>()
    .nodeId((d) => d.id)
    .nodeWidth(14)
    .nodePadding(8)
    .nodeSort(null)
    .extent([
      [16, top],
      [width - 16, bottom],
    ]);
  const graph = layout({
    nodes: nodes.map((n) => ({ ...n, fixedValue: shareOf.get(n.id) ?? 0 })),
    links: drawn.map((l) => ({ ...l })),
  });
  const palette = colours(nodes.map((n) => n.country));
  const path = sankeyLinkHorizontal();
  const body: string[] = [];
  for (const link of graph.links) {
    if (!link.observed && unobserved === 'omit') continue;
    const source = link.source as SankeyNodeInput;
    const target = link.target as SankeyNodeInput;
    const dashes = link.observed ? '' : ' stroke-dasharray="6 4"';
    body.push(
      `<path d="${path(link) ?? ''}" fill="none" stroke="${palette.get(source.country) ?? '#999'}" stroke-opacity="${link.observed ? '0.35' : '0.22'}" stroke-width="${fmt(Math.max(1, link.width ?? 1))}"${dashes}><title>${escapeXml(`${STAGE_NAMES[source.stage]} ${name(source.country)} → ${STAGE_NAMES[target.stage]} ${name(target.country)}: ${link.observed ? 'recorded in a sourcing table' : 'inferred, not observed'}`)}</title></path>`,
    );
  }
  const lastStage = report.stages[report.stages.length - 1]?.stage;
  for (const node of graph.nodes) {
    const x0 = node.x0 ?? 0;
    const x1 = node.x1 ?? 0;
    const y0 = node.y0 ?? 0;
    const h = (node.y1 ?? 0) - y0;
    body.push(
      `<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(x1 - x0)}" height="${fmt(Math.max(0.5, h))}" fill="${palette.get(node.country) ?? '#999'}"><title>${escapeXml(`${STAGE_NAMES[node.stage]}: ${name(node.country)} ${((shareOf.get(node.id) ?? 0) * 100).toFixed(1)}%`)}</title></rect>`,
    );
    // Labels right of the node, except in the last column, where they sit on its left.
    const last = node.stage === lastStage;
    if (h >= 11)
      body.push(
        `<text x="${fmt(last ? x0 - 4 : x1 + 4)}" y="${fmt(y0 + h / 2 + 4)}"${last ? ' text-anchor="end"' : ''} font-size="11" fill="#222">${escapeXml(`${name(node.country)} ${((shareOf.get(node.id) ?? 0) * 100).toFixed(0)}%`)}</text>`,
      );
  }
  report.stages.forEach((s) => {
    const column = graph.nodes.find((n) => n.stage === s.stage);
    const last = s.stage === lastStage;
    body.push(
      `<text x="${fmt((last ? column?.x1 : column?.x0) ?? 0)}" y="52"${last ? ' text-anchor="end"' : ''} font-size="12" font-weight="600" fill="#333">${escapeXml(`${STAGE_NAMES[s.stage]} ${s.year}`)}</text>`,
    );
  });
  if (unobserved === 'dashed' && inferred > 0)
    body.push(
      `<line x1="16" x2="44" y1="${bottom + 16}" y2="${bottom + 16}" stroke="#777" stroke-width="6" stroke-opacity="0.5" stroke-dasharray="6 4"/>`,
      `<text x="50" y="${bottom + 20}" font-size="11" fill="#333">inferred link: not in any sourcing table, sized from the two stages' shares</text>`,
    );
  const missing = report.missingStages.map((m) => m.stage).join(', ');
  const linksNote =
    inferred === 0
      ? 'Every link is recorded in a sourcing table.'
      : unobserved === 'omit'
        ? `${inferred} inferred ${inferred === 1 ? 'link' : 'links'} (not in any sourcing table) left out; ${drawn.length - inferred} observed drawn.`
        : `${inferred} inferred ${inferred === 1 ? 'link' : 'links'} (not in any sourcing table) drawn dashed; ${drawn.length - inferred} observed drawn solid.`;
  const footer = `Node height: share of the stage's world output. ${linksNote}${missing === '' ? '' : ` No data: ${missing}.`}`;
  const when = titleYear(report);
  return frame(
    width,
    height,
    options.title ?? `The rare-earth chain by country (${when})`,
    body,
    footer,
    [
      ...(drawn.length - (unobserved === 'omit' ? inferred : 0) > 0
        ? [
            "links: widths are the share at one stage times the share at the next (flows between countries are not observed at the stage level); a link's solid or dashed line says whether a sourcing table records the pair.",
          ]
        : []),
      ...stageAssumptions(report),
      ...(options.assumptions ?? []),
    ],
  );
}

/**
 * A series for {@link timeSeriesChart}.
 *
 * @category Report
 */
export interface ChartSeries {
  /** The series' name in the legend. */
  readonly name: string;
  /** One value per year of the chart, in the chart's unit. */
  readonly values: readonly number[];
  /** `'area'` (stacked with the other areas, default) or `'line'` (drawn on top, not stacked). */
  readonly kind?: 'area' | 'line';
  /** Colour (any SVG colour); a palette colour by default. */
  readonly color?: string;
}

/**
 * A stacked-area chart over years with optional lines, as an SVG string: for example the net
 * primary demand stack of a scenario (primary demand, recycling and substitution stacked, total
 * demand as a line).
 *
 * @category Report
 * @param data - `years` (increasing integers), `series` (one value per year each), `unit` (axis label)
 * @param options - `width`, `height`, `title`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for no years, years out of order, a series of the wrong length, or a non-finite value
 * @example
 * ```ts
 * import { timeSeriesChart } from 'rare-earths/report';
 *
 * const svg = timeSeriesChart({
 *   years: [2025, 2030, 2035],
 *   unit: 't Nd',
 *   series: [
 *     { name: 'primary', values: [100, 110, 115] },
 *     { name: 'recycled', values: [1, 8, 20] },
 *     { name: 'demand', values: [101, 118, 135], kind: 'line' },
 *   ],
 * });
 * svg.includes('recycled'); // => true
 * ```
 */
export function timeSeriesChart(
  data: {
    readonly years: readonly number[];
    readonly series: readonly ChartSeries[];
    readonly unit: string;
  },
  options: ChartOptions = {},
): string {
  const fn = 'timeSeriesChart';
  checkRenderOptions(fn, options);
  if (typeof data !== 'object' || data === null) {
    invalidArgument(fn, ['data'], 'an object { years, series, unit }', data);
  }
  const { years, series, unit } = data;
  checkYears(fn, years);
  series.forEach((s, i) => {
    checkValues(fn, ['data', 'series', i, 'values'], s.values, years.length);
  });
  const { width, height } = size(fn, options, 380);
  // A series that is zero in every year draws nothing, so it is left out of the drawing and the
  // legend, and the caption names it.
  const zero = series.filter((s) => s.values.every((v) => v === 0));
  const areas = series.filter((s) => s.kind !== 'line' && !zero.includes(s));
  const lines = series.filter((s) => s.kind === 'line' && !zero.includes(s));
  const stacked = years.map((_, j) =>
    areas.reduce((sum, s) => sum + Math.max(0, s.values[j] ?? 0), 0),
  );
  // The axis ends on a round tick above the largest value, so the top of the chart can be read.
  const peak = Math.max(1e-9, ...stacked, ...lines.flatMap((s) => s.values));
  const max = nice(0, peak, 4)[1];
  const [x0, x1, y0, y1] = [72, width - 150, height - 48, 60];
  const xAt = (j: number) =>
    years.length === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * j) / (years.length - 1);
  const yAt = (v: number) => y0 - ((y0 - y1) * v) / max;
  const palette = PALETTE;
  const body: string[] = [];
  // Round ticks (1, 2 or 5 times a power of ten) from d3-array, about four of them.
  for (const v of ticks(0, max, 4)) {
    body.push(
      `<line x1="${x0}" x2="${x1}" y1="${fmt(yAt(v))}" y2="${fmt(yAt(v))}" stroke="#e5e5e5"/>`,
      `<text x="${x0 - 6}" y="${fmt(yAt(v) + 4)}" text-anchor="end" font-size="10" fill="#555">${escapeXml(v.toLocaleString('en-US'))}</text>`,
    );
  }
  const base = years.map(() => 0);
  areas.forEach((s, i) => {
    const top = base.map((b, j) => b + Math.max(0, s.values[j] ?? 0));
    const upper = years.map((_, j) => `${fmt(xAt(j))},${fmt(yAt(top[j] ?? 0))}`);
    const lower = years.map((_, j) => `${fmt(xAt(j))},${fmt(yAt(base[j] ?? 0))}`).reverse();
    body.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color ?? palette[i % palette.length]}" fill-opacity="0.75"><title>${escapeXml(s.name)}</title></polygon>`,
    );
    top.forEach((v, j) => {
      base[j] = v;
    });
  });
  lines.forEach((s, i) => {
    const points = s.values.map((v, j) => `${fmt(xAt(j))},${fmt(yAt(v))}`).join(' ');
    body.push(
      `<polyline points="${points}" fill="none" stroke="${s.color ?? '#111'}" stroke-width="2" stroke-dasharray="${i === 0 ? '' : '5 3'}"><title>${escapeXml(s.name)}</title></polyline>`,
    );
  });
  body.push(...yearAxis(years, xAt, { x0, y0, y1 }, unit));
  series
    .filter((s) => !zero.includes(s))
    .forEach((s, i) => {
      const ly = y1 + i * 18;
      const colour =
        s.kind === 'line'
          ? (s.color ?? '#111')
          : (s.color ?? palette[areas.indexOf(s) % palette.length]);
      body.push(
        s.kind === 'line'
          ? `<line x1="${x1 + 14}" x2="${x1 + 28}" y1="${ly + 5}" y2="${ly + 5}" stroke="${colour}" stroke-width="2"/>`
          : `<rect x="${x1 + 14}" y="${ly}" width="12" height="10" fill="${colour}"/>`,
        ...wrap(s.name, Math.floor((width - x1 - 40) / (11 * EM_PER_CHAR)), '').map(
          (line, k) =>
            `<text x="${x1 + 32}" y="${ly + 9 + 12 * k}" font-size="11" fill="#333">${escapeXml(line)}</text>`,
        ),
      );
    });
  return frame(
    width,
    height,
    options.title ?? 'Over time',
    body,
    `${years[0]}–${years[years.length - 1]}.${zero.length === 0 ? '' : ` Zero throughout, so not drawn: ${zero.map((s) => s.name).join(', ')}.`}`,
    options.assumptions ?? [],
  );
}
