import { invalidArgument } from '../errors/index.js';
import type { Stage, StageReportData } from '../model/index.js';
import { checkRenderOptions, csvTable, markdownTable } from './format.js';

/**
 * Options for {@link renderStageReport}.
 *
 * @category Report
 */
export interface RenderOptions {
  /** `'md'` (default: Markdown with aligned columns, readable in a terminal), `'csv'` (long format) or `'json'`. */
  readonly format?: 'md' | 'csv' | 'json';
  /** Display names by country code (e.g. from a dataset's `countries`); codes are shown otherwise. */
  readonly names?: Readonly<Record<string, string>>;
  /** Emphasise headings with ANSI bold, for a colour terminal; default `false`. */
  readonly color?: boolean;
}

const STAGE_NAMES: Record<Stage, string> = {
  mining: 'Mining',
  separation: 'Separation',
  metal: 'Metal',
  magnet: 'Magnet',
};

function percent(value: number | undefined, digits = 1): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
}

function points(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * Render a stage report as text: Markdown (tables with aligned columns, readable in a terminal
 * and on the web), CSV in long format (one row per figure: section, stage, year, subject,
 * metric, value, unit, source, so it opens in a spreadsheet and pivots), or JSON (the report
 * data itself, which `parseStageReport` reads back). Markdown and CSV list the report's
 * assumptions (which table each stage uses, fallback years, denominators, tables left out). Shares print as percentages with one
 * decimal, HHI in points.
 *
 * @category Report
 * @param report - the report data from {@link stageReport}
 * @param options - `format`, country `names`, `color`
 * @returns the rendered report, ending with a newline
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an unknown format
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { renderStageReport, stageReport } from 'rare-earths/report';
 *
 * const report = stageReport(baseline, { year: 2024 });
 * const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));
 * const text = renderStageReport(report, { names });
 * text.split('\n')[0]; // => '# Rare-earth supply chain, 2024'
 * renderStageReport(report, { format: 'csv' }).split('\r\n')[0]; // => 'section,stage,year,subject,metric,value,unit,source'
 * ```
 */
export function renderStageReport(report: StageReportData, options: RenderOptions = {}): string {
  checkRenderOptions('renderStageReport', options);
  const format = options.format ?? 'md';
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return `${renderCsv(report)}\r\n`;
  if (format !== 'md')
    return invalidArgument(
      'renderStageReport',
      ['options', 'format'],
      "'md', 'csv' or 'json'",
      format,
    );
  const name = (code: string) =>
    code === 'other' ? 'other countries' : (options.names?.[code] ?? code);
  const bold = (text: string) => (options.color === true ? `\u001b[1m${text}\u001b[22m` : text);
  const out: string[] = [];
  const heading = (level: number, text: string) =>
    out.push(bold(`${'#'.repeat(level)} ${text}`), '');
  heading(
    1,
    `Rare-earth supply chain, ${report.year}${report.element === undefined ? '' : ` (${report.element})`}`,
  );
  out.push(
    `Dataset: ${report.dataset}. Each stage uses its latest table at or before ${report.year}.`,
    '',
  );

  heading(2, 'Concentration by stage');
  out.push(
    markdownTable(
      [
        'Stage',
        'Year',
        'Leader',
        'Largest producers',
        'HHI (points)',
        'Band',
        'Effective suppliers',
        'Source',
      ],
      report.stages.map((s) => [
        STAGE_NAMES[s.stage],
        String(s.year),
        `${name(s.leader.country)} ${percent(s.leader.share)}`,
        s.top
          .slice(0, 4)
          .map((t) => `${name(t.country)} ${percent(t.share)}`)
          .join(', '),
        s.hhiUpper - s.hhi < 0.00005
          ? points(s.hhiPoints)
          : `${points(s.hhiPoints)}–${points(s.hhiUpper * 10_000)}`,
        s.band,
        s.effectiveSuppliers.toFixed(1),
        s.source,
      ]),
      ['left', 'right', 'left', 'left', 'right', 'left', 'right', 'left'],
    ),
    '',
  );
  if (report.chokepoint !== undefined) {
    const c = report.chokepoint;
    const next =
      c.next === undefined
        ? ''
        : `, ${points(c.next.margin * 10_000)} points above ${c.next.stage}`;
    out.push(`Chokepoint: ${c.stage} (HHI ${points(c.hhi * 10_000)}${next}).`);
  }
  for (const m of report.missingStages) out.push(`No data: ${m.stage} (${m.reason}).`);
  out.push(
    'HHI bands are the US DOJ/FTC 2023 merger-guideline thresholds, borrowed as reference bands. A range counts the residual "other countries" as many small producers (low) or as one (high).',
    '',
  );
  if (report.assumptions !== undefined && report.assumptions.length > 0) {
    heading(2, 'Which tables, and what the figures assume');
    for (const line of report.assumptions) out.push(`- ${line}`);
    out.push('');
  }

  heading(2, `Without ${report.without.excluded.map(name).join(', ')}`);
  out.push(
    markdownTable(
      ['Stage', 'Year', 'Share of world output outside'],
      report.without.stages.map((s) => [
        STAGE_NAMES[s.stage],
        String(s.year),
        percent(s.shareOutside),
      ]),
    ),
    '',
  );
  if (report.without.limiting !== undefined) {
    out.push(
      `Limiting stage: ${report.without.limiting.stage}. Without ${report.without.excluded.map(name).join(', ')}, the rest of the world could finish at most ${percent(report.without.limiting.shareOutside)} of today's world output through every stage (if each stage's output matches the next one's need).`,
      '',
    );
  }

  heading(2, 'Net import reliance');
  if (report.reliance.length === 0) out.push('No supply-balance data in the dataset.', '');
  else {
    out.push(
      markdownTable(
        ['Country', 'Commodity', 'Computed', 'Published', 'Source'],
        report.reliance.map((r) => [
          name(r.country),
          r.commodity,
          percent(r.computed),
          percent(r.published, 0),
          r.source,
        ]),
      ),
      '',
      'Net import reliance = (imports − exports) / apparent consumption (USGS); computed from the balance rows, beside the published figure.',
      '',
    );
  }

  heading(2, 'Where supply comes from');
  for (const importer of report.sourcing) {
    heading(3, name(importer.importer));
    if (importer.tables.length === 0) {
      out.push('No sourcing data in the dataset.', '');
      continue;
    }
    out.push(
      markdownTable(
        ['Commodity', 'Stage', 'Period', 'Sources', 'HHI (points)', 'Source'],
        importer.tables.map((t) => [
          t.commodity,
          t.stage ?? '–',
          t.period.from === t.period.to ? String(t.period.from) : `${t.period.from}–${t.period.to}`,
          t.shares
            .slice(0, 4)
            .map((s) => `${name(s.country)} ${percent(s.share, 0)}`)
            .join(', '),
          points(t.hhi * 10_000),
          t.source,
        ]),
        ['left', 'left', 'left', 'left', 'right', 'left'],
      ),
      '',
    );
  }

  heading(2, 'Sources');
  for (const s of report.sources) {
    const edition = [s.edition, s.version].filter((x) => x !== undefined).join(', ');
    out.push(
      `- ${s.id}: ${s.publisher} (${s.year}). ${s.title}.${edition === '' ? '' : ` ${edition}.`}${s.url === undefined ? '' : ` ${s.url}`}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function renderCsv(report: StageReportData): string {
  const rows: string[][] = [];
  const add = (
    section: string,
    stage: string,
    year: number | string,
    subject: string,
    metric: string,
    value: number | string | undefined,
    unit: string,
    source: string,
  ) => {
    if (value !== undefined)
      rows.push([section, stage, String(year), subject, metric, String(value), unit, source]);
  };
  for (const s of report.stages) {
    for (const t of s.top)
      add('concentration', s.stage, s.year, t.country, 'share', t.share, 'fraction', s.source);
    add('concentration', s.stage, s.year, 'all', 'hhi', s.hhi, 'fraction', s.source);
    add('concentration', s.stage, s.year, 'all', 'hhi-upper', s.hhiUpper, 'fraction', s.source);
    add('concentration', s.stage, s.year, 'all', 'cr3', s.cr3, 'fraction', s.source);
    add(
      'concentration',
      s.stage,
      s.year,
      'all',
      'effective-suppliers',
      s.effectiveSuppliers,
      'count',
      s.source,
    );
    if (s.total !== undefined)
      add(
        'concentration',
        s.stage,
        s.year,
        'all',
        'total',
        s.total.amount,
        `${s.total.unit} ${s.total.basis}`,
        s.source,
      );
  }
  for (const line of report.assumptions ?? [])
    add('assumption', '', report.year, 'all', 'assumption', line, '', '');
  for (const s of report.without.stages)
    add(
      'without',
      s.stage,
      s.year,
      report.without.excluded.join('+'),
      'share-outside',
      s.shareOutside,
      'fraction',
      '',
    );
  for (const r of report.reliance) {
    add(
      'reliance',
      '',
      report.year,
      r.country,
      'net-import-reliance-computed',
      r.computed,
      'fraction',
      r.source,
    );
    add(
      'reliance',
      '',
      report.year,
      r.country,
      'net-import-reliance-published',
      r.published,
      'fraction',
      r.source,
    );
  }
  for (const i of report.sourcing) {
    for (const t of i.tables) {
      const period = `${t.period.from}-${t.period.to}`;
      for (const s of t.shares)
        add(
          'sourcing',
          t.stage ?? '',
          period,
          `${i.importer}<-${s.country}`,
          `share (${t.commodity})`,
          s.share,
          'fraction',
          t.source,
        );
    }
  }
  return csvTable(
    ['section', 'stage', 'year', 'subject', 'metric', 'value', 'unit', 'source'],
    rows,
  );
}
