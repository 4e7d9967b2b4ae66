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
}

const STAGE_NAMES: Record<Stage, string> = {
  mining: 'Mining',
  separation: 'Separation',
  metal: 'Metal',
  magnet: 'Magnets',
};
// China first (the subject of most questions), then a colour-blind-safe palette (Okabe & Ito).
const FIXED: Record<string, string> = { CHN: '#c0392b', other: '#b7b7b7' };
const PALETTE = [
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

function size(
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

function frame(
  width: number,
  height: number,
  title: string,
  body: string[],
  footer: string,
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="#111">${escapeXml(title)}</text>`,
    ...body,
    `<text x="16" y="${height - 10}" font-size="10" fill="#666">${escapeXml(footer)}</text>`,
    '</svg>',
  ].join('\n');
}

function fmt(value: number): string {
  return Number(value.toFixed(2)).toString();
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
  const { width, height } = size(fn, options, 48 + 46 * Math.max(1, report.stages.length) + 64);
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const codes = report.stages.flatMap((s) => s.top.map((t) => t.country));
  const palette = colours(codes);
  const left = 110;
  const right = width - 24;
  const body: string[] = [];
  report.stages.forEach((s, i) => {
    const y = 48 + i * 46;
    body.push(
      `<text x="${left - 10}" y="${y + 20}" text-anchor="end" fill="#222">${escapeXml(`${STAGE_NAMES[s.stage]} ${s.year}`)}</text>`,
    );
    let x = left;
    const total = s.top.reduce((sum, t) => sum + t.share, 0);
    const rows = total < 0.9999 ? [...s.top, { country: 'rest', share: 1 - total }] : s.top;
    for (const t of rows) {
      const w = (right - left) * t.share;
      const fill = t.country === 'rest' ? '#dddddd' : (palette.get(t.country) ?? '#999');
      body.push(
        `<rect x="${fmt(x)}" y="${y}" width="${fmt(Math.max(0, w))}" height="30" fill="${fill}"><title>${escapeXml(`${name(t.country)}: ${(t.share * 100).toFixed(1)}%`)}</title></rect>`,
      );
      if (w > 60)
        body.push(
          `<text x="${fmt(x + 6)}" y="${y + 19}" fill="#fff" font-size="11">${escapeXml(`${t.country === 'rest' ? 'others' : t.country} ${(t.share * 100).toFixed(0)}%`)}</text>`,
        );
      x += w;
    }
  });
  const legendY = 48 + report.stages.length * 46 + 12;
  let lx = left;
  for (const [code, fill] of palette) {
    const label = name(code);
    body.push(
      `<rect x="${fmt(lx)}" y="${legendY}" width="10" height="10" fill="${fill}"/>`,
      `<text x="${fmt(lx + 14)}" y="${legendY + 9}" fill="#333" font-size="11">${escapeXml(label)}</text>`,
    );
    // About 6.6 px per character at 11 px in common sans-serif faces.
    lx += 24 + label.length * 6.6;
    if (lx > right - 80) break;
  }
  const sources = [...new Set(report.stages.map((s) => s.source))].join(', ');
  return frame(
    width,
    height,
    options.title ?? `Who supplies each stage of the rare-earth chain (${report.year})`,
    body,
    `Shares of each stage's world output. Sources: ${sources}.`,
  );
}

interface SankeyNodeInput {
  readonly id: string;
  readonly stage: Stage;
  readonly country: string;
}

/**
 * A Sankey diagram of the stages, country by country (mining → separation → metal → magnets),
 * as an SVG string, laid out with d3-sankey. Node heights are each country's share of its
 * stage. Flows between stages are not observed in country-level data, so each link is drawn in
 * proportion to the two stages' shares (share at one stage × share at the next); the chart says
 * so. Stages without data are left out and named.
 *
 * @category Report
 * @param report - a stage report from {@link stageReport}
 * @param options - `width`, `height`, country `names`, `title`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) when fewer than two stages have data, or for a bad size
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { stageReport, stageSankeyChart } from 'rare-earths/report';
 *
 * const svg = stageSankeyChart(stageReport(baseline, { year: 2024 }));
 * svg.includes('<path'); // => true
 * ```
 */
export function stageSankeyChart(report: StageReportData, options: ChartOptions = {}): string {
  const fn = 'stageSankeyChart';
  checkRenderOptions(fn, options);
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
  const links: { source: string; target: string; value: number }[] = [];
  for (let i = 0; i + 1 < report.stages.length; i++) {
    const from = nodes.filter((n) => n.stage === report.stages[i]?.stage);
    const to = nodes.filter((n) => n.stage === report.stages[i + 1]?.stage);
    for (const a of from)
      for (const b of to)
        links.push({
          source: a.id,
          target: b.id,
          value: (shareOf.get(a.id) ?? 0) * (shareOf.get(b.id) ?? 0),
        });
  }
  const layout = sankey<SankeyNodeInput, { source: string; target: string; value: number }>()
    .nodeId((d) => d.id)
    .nodeWidth(14)
    .nodePadding(8)
    .nodeSort(null)
    .extent([
      [16, 60],
      [width - 110, height - 40],
    ]);
  const graph = layout({
    nodes: nodes.map((n) => ({ ...n })),
    links: links.filter((l) => l.value > 0).map((l) => ({ ...l })),
  });
  const palette = colours(nodes.map((n) => n.country));
  const path = sankeyLinkHorizontal();
  const body: string[] = [];
  for (const link of graph.links) {
    const source = link.source as SankeyNodeInput;
    body.push(
      `<path d="${path(link) ?? ''}" fill="none" stroke="${palette.get(source.country) ?? '#999'}" stroke-opacity="0.28" stroke-width="${fmt(Math.max(1, link.width ?? 1))}"/>`,
    );
  }
  for (const node of graph.nodes) {
    const x0 = node.x0 ?? 0;
    const y0 = node.y0 ?? 0;
    const h = (node.y1 ?? 0) - y0;
    body.push(
      `<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt((node.x1 ?? 0) - x0)}" height="${fmt(Math.max(0.5, h))}" fill="${palette.get(node.country) ?? '#999'}"><title>${escapeXml(`${STAGE_NAMES[node.stage]}: ${name(node.country)} ${((shareOf.get(node.id) ?? 0) * 100).toFixed(1)}%`)}</title></rect>`,
    );
    if (h >= 11)
      body.push(
        `<text x="${fmt((node.x1 ?? 0) + 4)}" y="${fmt(y0 + h / 2 + 4)}" font-size="11" fill="#222">${escapeXml(`${name(node.country)} ${((shareOf.get(node.id) ?? 0) * 100).toFixed(0)}%`)}</text>`,
      );
  }
  report.stages.forEach((s) => {
    const column = graph.nodes.find((n) => n.stage === s.stage);
    body.push(
      `<text x="${fmt(column?.x0 ?? 0)}" y="52" font-size="12" font-weight="600" fill="#333">${escapeXml(`${STAGE_NAMES[s.stage]} ${s.year}`)}</text>`,
    );
  });
  const missing = report.missingStages.map((m) => m.stage).join(', ');
  const footer = `Node height: share of the stage's world output. Flows are drawn in proportion to the stages' shares (not observed).${missing === '' ? '' : ` No data: ${missing}.`}`;
  return frame(
    width,
    height,
    options.title ?? `The rare-earth chain by country (${report.year})`,
    body,
    footer,
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
  if (!Array.isArray(years) || years.length === 0)
    invalidArgument(fn, ['data', 'years'], 'a non-empty array of years', years);
  years.forEach((year, i) => {
    checkInteger(fn, ['data', 'years', i], year, -100000);
    if (i > 0 && year <= (years[i - 1] as number))
      invalidArgument(fn, ['data', 'years', i], `a year after ${years[i - 1]}`, year);
  });
  series.forEach((s, i) => {
    if (!Array.isArray(s.values) || s.values.length !== years.length)
      invalidArgument(
        fn,
        ['data', 'series', i, 'values'],
        `${years.length} values, one per year`,
        s.values,
      );
    s.values.forEach((v, j) => {
      checkFinite(fn, ['data', 'series', i, 'values', j], v);
    });
  });
  const { width, height } = size(fn, options, 380);
  const areas = series.filter((s) => s.kind !== 'line');
  const lines = series.filter((s) => s.kind === 'line');
  const stacked = years.map((_, j) =>
    areas.reduce((sum, s) => sum + Math.max(0, s.values[j] ?? 0), 0),
  );
  const max = Math.max(1e-9, ...stacked, ...lines.flatMap((s) => s.values));
  const [x0, x1, y0, y1] = [64, width - 140, height - 48, 60];
  const xAt = (j: number) =>
    years.length === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * j) / (years.length - 1);
  const yAt = (v: number) => y0 - ((y0 - y1) * v) / max;
  const palette = PALETTE;
  const body: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    body.push(
      `<line x1="${x0}" x2="${x1}" y1="${fmt(yAt(v))}" y2="${fmt(yAt(v))}" stroke="#e5e5e5"/>`,
      `<text x="${x0 - 6}" y="${fmt(yAt(v) + 4)}" text-anchor="end" font-size="10" fill="#555">${escapeXml(Number(v.toPrecision(3)).toLocaleString('en-US'))}</text>`,
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
  const step = Math.max(1, Math.ceil(years.length / 8));
  years.forEach((year, j) => {
    if (j % step === 0 || j === years.length - 1)
      body.push(
        `<text x="${fmt(xAt(j))}" y="${y0 + 16}" text-anchor="middle" font-size="10" fill="#555">${year}</text>`,
      );
  });
  body.push(`<text x="${x0}" y="${y1 - 16}" font-size="11" fill="#333">${escapeXml(unit)}</text>`);
  series.forEach((s, i) => {
    const ly = y1 + i * 18;
    const colour =
      s.kind === 'line'
        ? (s.color ?? '#111')
        : (s.color ?? palette[areas.indexOf(s) % palette.length]);
    body.push(
      s.kind === 'line'
        ? `<line x1="${x1 + 14}" x2="${x1 + 28}" y1="${ly + 5}" y2="${ly + 5}" stroke="${colour}" stroke-width="2"/>`
        : `<rect x="${x1 + 14}" y="${ly}" width="12" height="10" fill="${colour}"/>`,
      `<text x="${x1 + 32}" y="${ly + 9}" font-size="11" fill="#333">${escapeXml(s.name)}</text>`,
    );
  });
  return frame(
    width,
    height,
    options.title ?? 'Over time',
    body,
    `${years[0]}–${years[years.length - 1]}`,
  );
}
