// Charts of uncertainty: a fan chart (a time series with its band) and a tornado chart (what each
// input's range does to one result). Plain numbers in, SVG strings out, like the other charts, so
// that they take the output of rare-earths/uncertainty or of any other Monte Carlo.
import { nice, tickStep, ticks } from 'd3-array';
import { invalidArgument } from '../errors/index.js';
import { checkFinite, checkInteger } from '../numeric/internal.js';
import {
  type ChartOptions,
  checkValues,
  checkYears,
  EM_PER_CHAR,
  escapeXml,
  fmt,
  frame,
  PALETTE,
  size,
  wrap,
  yearAxis,
} from './charts.js';
import { checkRenderOptions } from './format.js';

/**
 * One series of a {@link fanChart}: a figure over the years with its band.
 *
 * @category Report
 */
export interface FanSeries {
  /** The series' name in the legend. */
  readonly name: string;
  /** The figure on the data as is, one per year of the chart (the solid line), in the chart's unit. */
  readonly value: readonly number[];
  /** The band's lower edge (P5 by default), one per year, in the chart's unit. */
  readonly low: readonly number[];
  /** The band's upper edge (P95 by default), one per year, in the chart's unit; never below `low`. */
  readonly high: readonly number[];
  /** The median (P50), one per year (the dashed line); left out when absent. */
  readonly median?: readonly number[];
  /** Colour (any SVG colour); a palette colour by default. */
  readonly color?: string;
}

/**
 * The data of a {@link fanChart}.
 *
 * @category Report
 */
export interface FanChartData {
  /** The years, increasing integers. */
  readonly years: readonly number[];
  /** The series, each with one value per year. */
  readonly series: readonly FanSeries[];
  /** The unit of every value, shown on the axis (e.g. `'t/yr'`). */
  readonly unit: string;
}

/**
 * Options of {@link fanChart}.
 *
 * @category Report
 */
export interface FanChartOptions extends ChartOptions {
  /** What the band is, for the legend and caption; default `'P5–P95'`. */
  readonly bandLabel?: string;
}

/**
 * One input's bar of a {@link tornadoChart}.
 *
 * @category Report
 */
export interface TornadoChartBar {
  /** The input's name, shown beside its bar. */
  readonly name: string;
  /** The result with the input at its low end, in the chart's unit. */
  readonly atLow: number;
  /** The result with the input at its high end, in the chart's unit. */
  readonly atHigh: number;
}

/**
 * The data of a {@link tornadoChart}; the `tornado` of `rare-earths/uncertainty` gives `value`
 * and the bars (its `group` as `name`).
 *
 * @category Report
 */
export interface TornadoChartData {
  /** What the result is, in words (e.g. `"China's 2024 mining share"`). */
  readonly metric: string;
  /** The unit of the result (e.g. `'fraction'`, `'t/yr'`). */
  readonly unit: string;
  /** The result on the data as is, in `unit` (the vertical line). */
  readonly value: number;
  /** One bar per input, drawn in the order given (largest swing first, as `tornado` sorts them). */
  readonly bars: readonly TornadoChartBar[];
}

/**
 * Options of {@link tornadoChart}.
 *
 * @category Report
 */
export interface TornadoChartOptions extends ChartOptions {
  /** The most bars drawn, an integer ≥ 1; the rest are counted in the caption. Default 12. */
  readonly maxBars?: number;
}

/** A number for a label: whole above 10,000 (grouped), a decimal or two below, three significant digits under 1. */
function label(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 10_000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (a >= 1) return x.toFixed(2).replace(/\.?0+$/, '');
  return Number(x.toPrecision(3)).toString();
}

/** Axis ticks with labels to the decimals the step needs, so that no two labels read the same. */
function axis(lo: number, hi: number, count: number): [number, string][] {
  const step = Math.abs(tickStep(lo, hi, count));
  // Intl formats at most 20 decimals; a step that small is labelled to 20.
  const decimals = step > 0 ? Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  return ticks(lo, hi, count).map((v) => [
    v,
    (v === 0 ? 0 : v).toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }),
  ]);
}

/**
 * A fan chart, as an SVG string: each series over the years as a shaded band (P5–P95 unless
 * `bandLabel` says otherwise), a dashed median and a solid line for the figure on the data as
 * is. For example the bands that `simulate` of `rare-earths/uncertainty` gives every row of an
 * evaluation. The axis includes zero, so a shortfall (a negative balance) reads as one. The
 * solid line can sit at the edge of the band or outside it: when a band comes from two editions
 * of a source, the data as is holds the newest edition, one end of the range; the caption says so.
 *
 * @category Report
 * @param data - `years` (increasing integers), `series` (value, low, high and optionally median per year), `unit`
 * @param options - `width`, `height`, `title`, `assumptions`, `bandLabel`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for no years, years out of order,
 *   no series, a series of the wrong length, a non-finite value, or a low edge above the high one
 * @example
 * ```ts
 * import { fanChart } from 'rare-earths/report';
 *
 * const svg = fanChart({
 *   years: [2025, 2026, 2027],
 *   unit: 't/yr',
 *   series: [
 *     { name: 'US yttrium balance', value: [0, -210, -210], low: [0, -211, -212], high: [0, -208, -207] },
 *   ],
 * });
 * svg.includes('P5–P95'); // => true
 * ```
 */
export function fanChart(data: FanChartData, options: FanChartOptions = {}): string {
  const fn = 'fanChart';
  checkRenderOptions(fn, options);
  if (typeof data !== 'object' || data === null)
    invalidArgument(fn, ['data'], 'an object { years, series, unit }', data);
  const { years, series, unit } = data;
  checkYears(fn, years);
  if (!Array.isArray(series as unknown) || series.length === 0)
    invalidArgument(fn, ['data', 'series'], 'a non-empty array of series', series);
  const bandLabel = options.bandLabel ?? 'P5–P95';
  if (typeof bandLabel !== 'string' || bandLabel === '')
    invalidArgument(fn, ['options', 'bandLabel'], 'a non-empty string', bandLabel);
  series.forEach((s, i) => {
    const at = ['data', 'series', i];
    if (typeof s?.name !== 'string')
      invalidArgument(fn, [...at, 'name'], 'a string', (s as { name?: unknown } | undefined)?.name);
    checkValues(fn, [...at, 'value'], s.value, years.length);
    checkValues(fn, [...at, 'low'], s.low, years.length);
    checkValues(fn, [...at, 'high'], s.high, years.length);
    if (s.median !== undefined) checkValues(fn, [...at, 'median'], s.median, years.length);
    s.low.forEach((low, j) => {
      const high = s.high[j] as number;
      if (low > high) invalidArgument(fn, [...at, 'high', j], `a number ≥ low (${low})`, high);
    });
  });
  if (typeof unit !== 'string') invalidArgument(fn, ['data', 'unit'], 'a string', unit);
  const { width, height } = size(fn, options, 380);
  const all = series.flatMap((s) => [...s.value, ...s.low, ...s.high, ...(s.median ?? [])]);
  let [lo, hi] = [Math.min(0, ...all), Math.max(0, ...all)];
  // The axis runs through 0; a range d3 cannot step through (all zero, or subnormal numbers
  // below 1e-300) is drawn on 0–1 from its low end.
  if (!(hi - lo >= 1e-300)) hi = lo + 1;
  [lo, hi] = nice(lo, hi, 5);
  const [x0, x1, y0, y1] = [72, width - 170, height - 48, 60];
  const xAt = (j: number) =>
    years.length === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * j) / (years.length - 1);
  const yAt = (v: number) => y0 - ((y0 - y1) * (v - lo)) / (hi - lo);
  const colour = (s: FanSeries, i: number) => s.color ?? PALETTE[i % PALETTE.length] ?? '#0072b2';
  const body: string[] = [];
  for (const [v, text] of axis(lo, hi, 5)) {
    body.push(
      `<line x1="${x0}" x2="${x1}" y1="${fmt(yAt(v))}" y2="${fmt(yAt(v))}" stroke="${v === 0 ? '#888' : '#e5e5e5'}"/>`,
      `<text x="${x0 - 6}" y="${fmt(yAt(v) + 4)}" text-anchor="end" font-size="10" fill="#555">${escapeXml(text)}</text>`,
    );
  }
  const path = (values: readonly number[]) =>
    values.map((v, j) => `${fmt(xAt(j))},${fmt(yAt(v))}`).join(' ');
  // The lower edge, right to left, so that the polygon goes round the band.
  const lower = (values: readonly number[]) => path(values).split(' ').reverse().join(' ');
  series.forEach((s, i) => {
    const c = colour(s, i);
    // A band of one year is a vertical bar; of several, a polygon between the edges.
    if (years.length === 1)
      body.push(
        `<rect x="${fmt(xAt(0) - 8)}" y="${fmt(yAt(s.high[0] as number))}" width="16" height="${fmt(Math.max(1, yAt(s.low[0] as number) - yAt(s.high[0] as number)))}" fill="${c}" fill-opacity="0.25"><title>${escapeXml(`${s.name}: ${bandLabel}`)}</title></rect>`,
      );
    else
      body.push(
        `<polygon points="${path(s.high)} ${lower(s.low)}" fill="${c}" fill-opacity="0.25" stroke="${c}" stroke-opacity="0.4" stroke-width="0.5"><title>${escapeXml(`${s.name}: ${bandLabel}`)}</title></polygon>`,
      );
  });
  series.forEach((s, i) => {
    const c = colour(s, i);
    if (s.median !== undefined)
      body.push(
        `<polyline points="${path(s.median)}" fill="none" stroke="${c}" stroke-width="1.5" stroke-dasharray="5 3"><title>${escapeXml(`${s.name}: median`)}</title></polyline>`,
      );
    body.push(
      years.length === 1
        ? `<circle cx="${fmt(xAt(0))}" cy="${fmt(yAt(s.value[0] as number))}" r="3" fill="${c}"><title>${escapeXml(s.name)}</title></circle>`
        : `<polyline points="${path(s.value)}" fill="none" stroke="${c}" stroke-width="2"><title>${escapeXml(s.name)}</title></polyline>`,
    );
  });
  body.push(...yearAxis(years, xAt, { x0, y0, y1 }, unit));
  const perLine = Math.floor((width - x1 - 44) / (11 * EM_PER_CHAR));
  let ly = y1;
  series.forEach((s, i) => {
    const c = colour(s, i);
    const lines = wrap(s.name, perLine, '');
    body.push(
      `<rect x="${x1 + 14}" y="${ly}" width="14" height="10" fill="${c}" fill-opacity="0.25" stroke="${c}"/>`,
      ...lines.map(
        (line, k) =>
          `<text x="${x1 + 34}" y="${ly + 9 + 12 * k}" font-size="11" fill="#333">${escapeXml(line)}</text>`,
      ),
    );
    // The last year's numbers, so that a band too narrow to see at the axis' scale can be read.
    const j = years.length - 1;
    const last = `${years[j]}: ${label(s.value[j] as number)} (${label(s.low[j] as number)} to ${label(s.high[j] as number)})`;
    const small = wrap(last, Math.floor((width - x1 - 44) / (10 * EM_PER_CHAR)), '  ');
    body.push(
      ...small.map(
        (line, k) =>
          `<text x="${x1 + 34}" y="${ly + 9 + 12 * (lines.length + k)}" font-size="10" fill="#555">${escapeXml(line)}</text>`,
      ),
    );
    ly += 12 * (lines.length + small.length) + 8;
  });
  const key: [string, string][] = [
    ['', `shaded: ${bandLabel}`],
    ['', 'solid: the data as is'],
    ...(series.some((s) => s.median !== undefined)
      ? ([['5 3', 'dashed: median']] as [string, string][])
      : []),
  ];
  key.forEach(([dash, text], k) => {
    const y = ly + 6 + 16 * k;
    body.push(
      ...(k === 0
        ? []
        : [
            `<line x1="${x1 + 14}" x2="${x1 + 28}" y1="${y + 5}" y2="${y + 5}" stroke="#333" stroke-width="1.5" stroke-dasharray="${dash}"/>`,
          ]),
      `<text x="${x1 + (k === 0 ? 14 : 34)}" y="${y + 9}" font-size="10" fill="#555">${escapeXml(text)}</text>`,
    );
  });
  const flat = series.filter((s) => s.low.every((l, j) => l === s.high[j]));
  return frame(
    width,
    height,
    options.title ?? `Over time, with ${bandLabel}`,
    body,
    `${years[0]}–${years[years.length - 1]}. Shaded: ${bandLabel} (in the legend, the last year's value and band). Solid: the figure on the data as is, which can sit at the band's edge or outside it when it is one end of its range (the newest of two editions, a ban whose cut may be lower).${flat.length === 0 ? '' : ` No spread (band of zero width): ${flat.map((s) => s.name).join(', ')}.`}`,
    options.assumptions ?? [],
  );
}

/**
 * A tornado chart, as an SVG string: one horizontal bar per input, from the result with that
 * input at its low end to the result with it at its high end, every other input held; a vertical
 * line at the result on the data as is. The part of a bar from the line to the low-end result and
 * the part to the high-end result have their own colours, so a reader sees which way each input
 * pushes. The data of `tornado` in `rare-earths/uncertainty` fits it (its `group` as `name`).
 *
 * @category Report
 * @param data - `metric` (in words), `unit`, `value`, and the `bars` (name, atLow, atHigh)
 * @param options - `width`, `height`, `title`, `assumptions`, `maxBars`
 * @returns an SVG document
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for no bars, a non-finite number, or
 *   `maxBars` that is not an integer ≥ 1
 * @example
 * ```ts
 * import { tornadoChart } from 'rare-earths/report';
 *
 * const svg = tornadoChart({
 *   metric: "China's 2024 mining share",
 *   unit: 'fraction',
 *   value: 0.703,
 *   bars: [{ name: 'USGS MCS 2025 vs 2026', atLow: 0.703, atHigh: 0.686 }],
 * });
 * svg.includes('USGS MCS 2025 vs 2026'); // => true
 * ```
 */
export function tornadoChart(data: TornadoChartData, options: TornadoChartOptions = {}): string {
  const fn = 'tornadoChart';
  checkRenderOptions(fn, options);
  if (typeof data !== 'object' || data === null)
    invalidArgument(fn, ['data'], 'an object { metric, unit, value, bars }', data);
  if (typeof data.metric !== 'string' || data.metric === '')
    invalidArgument(fn, ['data', 'metric'], 'a non-empty string', data.metric);
  if (typeof data.unit !== 'string') invalidArgument(fn, ['data', 'unit'], 'a string', data.unit);
  const value = checkFinite(fn, ['data', 'value'], data.value);
  if (!Array.isArray(data.bars as unknown) || data.bars.length === 0)
    invalidArgument(fn, ['data', 'bars'], 'a non-empty array of bars', data.bars);
  data.bars.forEach((b, i) => {
    if (typeof b?.name !== 'string')
      invalidArgument(fn, ['data', 'bars', i, 'name'], 'a string', (b as { name?: unknown })?.name);
    checkFinite(fn, ['data', 'bars', i, 'atLow'], b.atLow);
    checkFinite(fn, ['data', 'bars', i, 'atHigh'], b.atHigh);
  });
  const maxBars = options.maxBars ?? 12;
  checkInteger(fn, ['options', 'maxBars'], maxBars, 1);
  // An input that does not move the result has no bar; it is counted in the caption.
  const moving = data.bars.filter((b) => b.atLow !== b.atHigh);
  const shown = moving.slice(0, maxBars);
  const top = 70;
  const { width } = size(fn, options, 150);
  const labelWidth = Math.round(width * 0.34);
  const perLine = Math.max(10, Math.floor((labelWidth - 8) / (11 * EM_PER_CHAR)));
  // Names wrap to at most three lines; the rows are as tall as the longest name needs.
  const nameLines = shown.map((b) => {
    const lines = wrap(b.name, perLine, '');
    return lines.length <= 3
      ? lines
      : [...lines.slice(0, 2), `${(lines[2] as string).slice(0, perLine - 1)}…`];
  });
  const rowHeight = Math.max(26, 12 * Math.max(0, ...nameLines.map((l) => l.length)) + 10);
  const height = options.height ?? top + rowHeight * Math.max(1, shown.length) + 90;
  const [x0, x1] = [labelWidth + 24, width - 70];
  let [lo, hi] = [
    Math.min(value, ...shown.flatMap((b) => [b.atLow, b.atHigh])),
    Math.max(value, ...shown.flatMap((b) => [b.atLow, b.atHigh])),
  ];
  // A span too small to step through at the numbers' magnitude (no swing, or one below a
  // billionth of the result) is drawn around the result, ±10% of it (±1 near zero).
  if (!(hi - lo > 1e-9 * Math.max(Math.abs(lo), Math.abs(hi)) && hi - lo >= 1e-300)) {
    const pad = Math.abs(value) / 10 >= 1e-300 ? Math.abs(value) / 10 : 1;
    [lo, hi] = [Math.min(lo, value - pad), Math.max(hi, value + pad)];
  }
  [lo, hi] = nice(lo, hi, 5);
  const xAt = (v: number) => x0 + ((x1 - x0) * (v - lo)) / (hi - lo);
  const LOW = '#0072b2';
  const HIGH = '#e69f00';
  const body: string[] = [];
  const bottom = top + rowHeight * Math.max(1, shown.length);
  if (shown.length === 0)
    body.push(
      `<text x="${fmt((x0 + x1) / 2)}" y="${top + 16}" text-anchor="middle" font-size="11" fill="#555">No input moves the result.</text>`,
    );
  for (const [v, text] of axis(lo, hi, 5)) {
    body.push(
      `<line x1="${fmt(xAt(v))}" x2="${fmt(xAt(v))}" y1="${top - 6}" y2="${bottom}" stroke="#e5e5e5"/>`,
      `<text x="${fmt(xAt(v))}" y="${bottom + 14}" text-anchor="middle" font-size="10" fill="#555">${escapeXml(text)}</text>`,
    );
  }
  shown.forEach((b, i) => {
    const y = top + rowHeight * i;
    const lines = nameLines[i] ?? [];
    lines.forEach((line, k) => {
      body.push(
        `<text x="${labelWidth + 16}" y="${fmt(y + rowHeight / 2 + 4 + 12 * (k - (lines.length - 1) / 2))}" text-anchor="end" font-size="11" fill="#333">${escapeXml(line)}</text>`,
      );
    });
    const part = (end: number, c: string, what: string) => {
      const [a, z] = end < value ? [xAt(end), xAt(value)] : [xAt(value), xAt(end)];
      return `<rect x="${fmt(a)}" y="${y + rowHeight / 2 - 9}" width="${fmt(Math.max(z - a, end === value ? 0 : 1))}" height="18" fill="${c}"><title>${escapeXml(`${b.name}, ${what}: ${label(end)} ${data.unit}`)}</title></rect>`;
    };
    body.push(
      part(b.atLow, LOW, 'input at its low end'),
      part(b.atHigh, HIGH, 'input at its high end'),
    );
    const right = Math.max(b.atLow, b.atHigh, value);
    const swing = Math.abs(b.atHigh - b.atLow);
    body.push(
      `<text x="${fmt(xAt(right) + 4)}" y="${fmt(y + rowHeight / 2 + 4)}" font-size="10" fill="#555">${escapeXml(`±${label(swing / 2)}`)}</text>`,
    );
  });
  body.push(
    `<line x1="${fmt(xAt(value))}" x2="${fmt(xAt(value))}" y1="${top - 10}" y2="${bottom + 2}" stroke="#111" stroke-width="1.5"/>`,
    `<text x="${fmt(xAt(value))}" y="${top - 14}" text-anchor="middle" font-size="10" fill="#111">${escapeXml(`as is: ${label(value)}`)}</text>`,
    `<text x="${fmt((x0 + x1) / 2)}" y="${bottom + 30}" text-anchor="middle" font-size="11" fill="#333">${escapeXml(`${data.metric} (${data.unit})`)}</text>`,
    `<rect x="${x0}" y="${bottom + 40}" width="12" height="10" fill="${LOW}"/>`,
    `<text x="${x0 + 16}" y="${bottom + 49}" font-size="10" fill="#555">input at its low end</text>`,
    `<rect x="${x0 + 150}" y="${bottom + 40}" width="12" height="10" fill="${HIGH}"/>`,
    `<text x="${x0 + 166}" y="${bottom + 49}" font-size="10" fill="#555">input at its high end</text>`,
  );
  const hidden = moving.length - shown.length;
  const still = data.bars.length - moving.length;
  return frame(
    width,
    height,
    options.title ?? `What moves ${data.metric}`,
    body,
    `Each bar moves one input from its low end to its high end, every other input at its value; the vertical line is the result on the data as is. ±: half the swing.${hidden === 0 ? '' : ` ${hidden} more input${hidden === 1 ? '' : 's'} with smaller swings not drawn.`}${still === 0 ? '' : ` ${still} input${still === 1 ? '' : 's'} with no swing, not drawn.`}`,
    options.assumptions ?? [],
  );
}
