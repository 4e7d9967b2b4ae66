import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { parseStageReport, RareEarthsError } from '../../src/index.js';
import {
  renderStageReport,
  stageReport,
  stageSankeyChart,
  stageSharesChart,
  timeSeriesChart,
} from '../../src/report/index.js';

const report = stageReport(baseline, { year: 2024 });
const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));

describe('stageReport', () => {
  test('holds the stage picture of the baseline and validates against its own schema', () => {
    expect(parseStageReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.stages.map((s) => [s.stage, s.year, s.source])).toEqual([
      ['mining', 2024, 'usgs-mcs-2026'],
      ['separation', 2024, 'iea-commentary-2025-10'],
      ['magnet', 2024, 'iea-commentary-2025-10'],
    ]);
    expect(report.stages[0]?.total).toEqual({ amount: '384000', unit: 't', basis: 'REO' });
    expect(report.stages[0]?.top.map((t) => t.country)).toEqual([
      'CHN',
      'USA',
      'AUS',
      'MMR',
      'IND',
      'other',
    ]);
    expect(report.chokepoint?.stage).toBe('magnet');
    expect(report.reliance).toEqual([
      {
        country: 'USA',
        commodity: 'compounds and metals',
        source: 'usgs-mcs-2026',
        computed: expect.closeTo(0.5227524972253053, 15),
        method: expect.any(String),
        published: 0.53,
      },
    ]);
    expect(report.sourcing.map((s) => [s.importer, s.tables.length])).toEqual([
      ['USA', 1],
      ['EU27', 5],
      ['JPN', 0],
    ]);
    expect(report.sources.map((s) => s.id).sort()).toEqual([
      'eu-crm-2023',
      'iea-commentary-2025-10',
      'usgs-mcs-2026',
    ]);
  });

  test('the default year is the latest with stage data', () => {
    expect(stageReport(baseline).year).toBe(2025);
  });

  test('bad options and datasets', () => {
    expect(() => stageReport(baseline, { year: 1800 })).toThrow(
      'stageReport: options.year: expected an integer of at least 1900, got 1800',
    );
    expect(() => stageReport({ ...baseline, stageOutputs: [] })).toThrow(
      'stageReport: dataset.stageOutputs: expected a dataset with stage outputs',
    );
    expect(() => stageReport(baseline, null as never)).toThrow(
      'stageReport: options: expected an options object, got null',
    );
  });

  test('parseStageReport refuses what the report never contains', () => {
    const bad = JSON.parse(JSON.stringify(report)) as { stages: { hhi: number }[] };
    (bad.stages[0] as { hhi: number }).hhi = 1.5;
    expect(() => parseStageReport(bad)).toThrow(RareEarthsError);
    expect(() => parseStageReport(bad)).toThrow(
      /stages\[0\]\.hhi: expected a fraction between 0 and 1/,
    );
    expect(() => parseStageReport(JSON.parse('{"__proto__":{}}'))).toThrow(
      'parseStageReport: __proto__',
    );
  });
});

describe('renderStageReport', () => {
  test('Markdown: headings, aligned tables, every source cited', () => {
    const text = renderStageReport(report, { names });
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Rare-earth supply chain, 2024');
    expect(text).toContain('| Mining     | 2024 | China 70.3% |');
    expect(text).toContain('Chokepoint: magnet (HHI 8,836, 555 points above separation).');
    expect(text).toContain('Limiting stage: magnet.');
    expect(text).toContain(
      '| United States | compounds and metals |    52.3% |       53% | usgs-mcs-2026 |',
    );
    expect(text).toContain('### Japan\n\nNo sourcing data in the dataset.');
    for (const source of report.sources) expect(text).toContain(`- ${source.id}: `);
    const table = lines.filter((line) => line.startsWith('| Stage      | Year | Leader'));
    expect(table).toHaveLength(1);
    // Aligned: every row of the first table has the same width.
    const first = lines.slice(
      lines.indexOf(table[0] as string),
      lines.indexOf(table[0] as string) + 5,
    );
    expect(new Set(first.map((line) => line.length)).size).toBe(1);
    expect(text).not.toContain('\u001b[');
    expect(renderStageReport(report, { names, color: true })).toContain(
      '\u001b[1m# Rare-earth supply chain, 2024\u001b[22m',
    );
  });

  test('CSV: one figure per row, every row with eight fields', () => {
    const rows = renderStageReport(report, { format: 'csv' }).trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,stage,year,subject,metric,value,unit,source');
    expect(rows).toContain('concentration,mining,2024,CHN,share,0.703125,fraction,usgs-mcs-2026');
    expect(rows).toContain('concentration,mining,2024,all,total,384000,t REO,usgs-mcs-2026');
    expect(rows).toContain(
      'reliance,,2024,USA,net-import-reliance-published,0.53,fraction,usgs-mcs-2026',
    );
    const quoted = rows.filter((row) => row.includes('"'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.replace(/"[^"]*"/g, 'x').split(',')).toHaveLength(8);
  });

  test('JSON is the report itself; unknown formats are refused', () => {
    expect(JSON.parse(renderStageReport(report, { format: 'json' }))).toEqual(report);
    expect(() => renderStageReport(report, { format: 'xml' as 'md' })).toThrow(
      "renderStageReport: options.format: expected 'md', 'csv' or 'json', got \"xml\"",
    );
  });
});

describe('charts', () => {
  const wellFormed = (svg: string) => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const tags = svg.match(/<(rect|text|path|polygon|polyline|line|title)(\s[^>]*)?>/g) ?? [];
    const opened = tags.filter((tag) => !tag.endsWith('/>')).length;
    const closed = (svg.match(/<\/(rect|text|path|polygon|polyline|line|title)>/g) ?? []).length;
    expect(opened).toBe(closed);
  };

  test('stage shares: one bar per stage, China in red, names escaped', () => {
    const svg = stageSharesChart(report, { names: { ...names, USA: 'United States <USA> & co' } });
    wellFormed(svg);
    expect(svg).toContain('Mining 2024');
    expect(svg).toContain('fill="#c0392b"');
    expect(svg).toContain('United States &lt;USA&gt; &amp; co');
    expect(svg).toContain('Sources: usgs-mcs-2026, iea-commentary-2025-10.');
  });

  test('Sankey: nodes per stage and country, inferred flows drawn only when asked', () => {
    const svg = stageSankeyChart(report, { names });
    wellFormed(svg);
    expect((svg.match(/<rect /g) ?? []).length).toBeGreaterThan(5);
    expect((svg.match(/<path /g) ?? []).length).toBe(0);
    const dashed = stageSankeyChart(report, { names, unobserved: 'dashed' });
    wellFormed(dashed);
    expect((dashed.match(/<path /g) ?? []).length).toBeGreaterThan(5);
    expect(dashed).toContain(
      'links: widths are the share at one stage times the share at the next'.replace('&apos;', "'"),
    );
    expect(svg).toContain('No data: metal.');
    expect(() => stageSankeyChart({ ...report, stages: report.stages.slice(0, 1) })).toThrow(
      'stageSankeyChart: report.stages: expected at least two stages with data',
    );
  });

  test('time series: stacked areas and lines, with checks', () => {
    const svg = timeSeriesChart({
      years: [2025, 2026, 2027],
      unit: 't',
      series: [
        { name: 'a', values: [1, 2, 3] },
        { name: 'b', values: [1, 1, 1] },
        { name: 'total', values: [2, 3, 4], kind: 'line' },
      ],
    });
    wellFormed(svg);
    expect((svg.match(/<polygon /g) ?? []).length).toBe(2);
    expect((svg.match(/<polyline /g) ?? []).length).toBe(1);
    expect(() => timeSeriesChart({ years: [], unit: 't', series: [] })).toThrow(
      'timeSeriesChart: data.years: expected a non-empty array of years',
    );
    expect(() => timeSeriesChart({ years: [2026, 2025], unit: 't', series: [] })).toThrow(
      'timeSeriesChart: data.years[1]: expected a year after 2026, got 2025',
    );
    expect(() =>
      timeSeriesChart({ years: [2025], unit: 't', series: [{ name: 'x', values: [1, 2] }] }),
    ).toThrow('timeSeriesChart: data.series[0].values: expected 1 values, one per year');
    expect(() =>
      timeSeriesChart({ years: [2025], unit: 't', series: [{ name: 'x', values: [Number.NaN] }] }),
    ).toThrow('timeSeriesChart: data.series[0].values[0]: expected a finite number, got NaN');
    expect(() => stageSharesChart(report, { width: 50 })).toThrow(
      'stageSharesChart: options.width: expected an integer of at least 200, got 50',
    );
  });
});

describe('stageReport: what each stage rests on (issue 15)', () => {
  test('finding 3: with an element, only tables scoped to it; the rest are missing, and why', () => {
    const dy = stageReport(baseline, { year: 2024, element: 'Dy' });
    // The old report showed usgs-mcs-2026 (China 70.3%, all rare earths) as Dy's mining.
    expect(dy.stages.map((s) => [s.stage, s.year, s.source, s.tableChoice?.used.elements])).toEqual(
      [
        ['mining', 2023, 'eu-crm-2023', ['Tb', 'Dy']],
        // EU CRM 2023 processing shares for the heavy rare earths, Y and Eu–Lu.
        [
          'separation',
          2023,
          'eu-crm-2023',
          ['Y', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu'],
        ],
      ],
    );
    expect(dy.assumptions?.[0]).toBe(
      "Only tables scoped to Dy are used; a table of all rare earths is never shown as Dy's, so a stage without one is listed as missing.",
    );
    expect(dy.assumptions).toContain(
      "mining: left out the tables of all rare earths, never relabelled as Dy's: usgs-mcs-2025 (2024, 2023), usgs-mcs-2026 (2024), iea-gcmo-2024 (2023).",
    );
    expect(dy.missingStages.map((m) => m.stage)).toEqual(['metal', 'magnet']);
    expect(parseStageReport(JSON.parse(JSON.stringify(dy)))).toEqual(dy);
  });

  test('findings 5 and 6: table choice and denominator per stage, in JSON, Markdown and CSV', () => {
    expect(report.stages[0]?.tableChoice).toEqual({
      used: { source: 'usgs-mcs-2026', year: 2024, rows: 13 },
      leftOut: [
        expect.objectContaining({ source: 'usgs-mcs-2025', year: 2024, reason: 'older-source' }),
      ],
    });
    expect(report.stages[1]?.denominator?.used).toBe('publishedShares');
    const md = renderStageReport(report, { names });
    expect(md).toContain('## Which tables, and what the figures assume');
    expect(md).toContain(
      "- mining: Shares of the sum of the rows, 384,000 t; the published world total is 380,000 t (rounded), the other denominator (denominator: 'publishedWorldTotal').",
    );
    const csv = renderStageReport(report, { format: 'csv' }).split('\r\n');
    expect(csv.filter((row) => row.startsWith('assumption,')).length).toBe(
      report.assumptions?.length,
    );
    const world = stageReport(baseline, { year: 2024, denominator: 'publishedWorldTotal' });
    // 270,000 / 380,000 (MCS 2026 p. 153, World total (rounded)).
    expect(world.stages[0]?.leader.share).toBeCloseTo(270_000 / 380_000, 12);
    expect(world.stages[0]?.cr1).toBeCloseTo(270_000 / 380_000, 12);
    // The HHI stays on the rows' own composition.
    expect(world.stages[0]?.hhi).toBeCloseTo(report.stages[0]?.hhi ?? Number.NaN, 12);
  });

  test('a report written before these fields still parses', () => {
    const { assumptions: _a, ...old } = report;
    const stages = old.stages.map(({ tableChoice: _t, denominator: _d, ...stage }) => stage);
    expect(parseStageReport({ ...old, stages }).stages).toEqual(stages);
  });
});

describe('estimates are named as estimates', () => {
  test('the 2025 mining table, all USGS "e" figures, says so in the assumptions and the Markdown', () => {
    // MCS 2026 p. 153 marks every 2025 mine-production figure "e" (13 rows in the dataset);
    // before, the report listed them as plain figures.
    const latest = stageReport(baseline, { year: 2025 });
    const line =
      'mining: all 13 figures of the table are estimates, not measured output; estimated by U.S. Geological Survey (marked e in the source).';
    expect(latest.assumptions).toContain(line);
    expect(renderStageReport(latest)).toContain(line);
  });

  test('a stage whose rows are all reported gets no such line', () => {
    const latest = stageReport(baseline, { year: 2025 });
    expect(
      latest.assumptions?.some((a) => a.startsWith('separation:') && a.includes('estimates')),
    ).toBe(false);
  });
});
