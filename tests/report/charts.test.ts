// The charts must not mislead (issue 15, finding 8). Each test says what main did before.
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate, type StageReportData } from '../../src/index.js';
import {
  fanChart,
  scenarioDemandChart,
  stageReport,
  stageSankeyChart,
  stageSharesChart,
  timeSeriesChart,
  tornadoChart,
} from '../../src/report/index.js';

const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));
// The default year: mining has a 2025 table, separation and magnets only 2024 ones.
const latest = stageReport(baseline, {});
const same = stageReport(baseline, { year: 2024 });
const recycling = evaluate(baseline, presets.find((p) => p.id === 'recycling-scale-up')!);

const texts = (svg: string) =>
  [...svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)].map((m) => {
    const attrs = m[1] as string;
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs)?.[1];
    return {
      x: Number(attr('x')),
      y: Number(attr('y')),
      anchor: attr('text-anchor') ?? 'start',
      size: Number(attr('font-size') ?? 12),
      // The characters shown, tspans included, entities counted as one character.
      text: (m[2] as string).replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/g, '_'),
    };
  });
const viewBox = (svg: string) => {
  const [, , w, h] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
  return { width: w as number, height: h as number };
};

describe('no text is clipped', () => {
  // Text extents approximated as 0.6 em a character (wider than the average of common
  // sans-serif faces, bold included), from 0.8 em above the baseline to 0.25 em below it.
  const charts: [string, string][] = [
    ['stage shares, latest year', stageSharesChart(latest, { names })],
    ['stage shares, 2024', stageSharesChart(same, { names })],
    ['stage shares, narrow (the title wraps)', stageSharesChart(latest, { names, width: 480 })],
    ['sankey', stageSankeyChart(latest, { names })],
    ['sankey, dashed', stageSankeyChart(latest, { names, unobserved: 'dashed' })],
    ['demand', scenarioDemandChart(recycling)],
    [
      'fan',
      fanChart({
        years: [2025, 2026, 2027, 2028],
        unit: 't/yr (negative: shortfall)',
        series: [
          {
            name: 'United States Y',
            value: [-210, -210, -210, -210],
            low: [-211, -211, -211, -211],
            high: [-208, -208, -208, -208],
          },
          {
            name: 'A series with a long name that has to wrap in the legend',
            value: [0, 1, 2, 3],
            low: [0, 0, 1, 2],
            high: [1, 2, 3, 4],
            median: [0, 1, 2, 3],
          },
        ],
      }),
    ],
    [
      'tornado',
      tornadoChart({
        metric: 'United States Y balance in 2035',
        unit: 't/yr',
        value: -210,
        bars: [
          {
            name: "China's share of United States imports of yttrium alloys, compounds and metals, 2021-2024 (rounding)",
            atLow: -208.6,
            atHigh: -211.5,
          },
          { name: 'usgs-mcs-2025 vs usgs-mcs-2026 (26 figures)', atLow: -210, atHigh: -209.5 },
        ],
      }),
    ],
  ];
  for (const [label, svg] of charts)
    test(label, () => {
      const box = viewBox(svg);
      const all = texts(svg);
      expect(all.length).toBeGreaterThan(5);
      for (const t of all) {
        const w = t.text.length * t.size * 0.6;
        const start = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
        const where = `${label}: "${t.text}" at ${t.x},${t.y}`;
        expect(start, where).toBeGreaterThanOrEqual(0);
        expect(start + w, where).toBeLessThanOrEqual(box.width);
        expect(t.y - 0.8 * t.size, where).toBeGreaterThanOrEqual(0);
        expect(t.y + 0.25 * t.size, where).toBeLessThanOrEqual(box.height);
      }
    });
  // On main, "Separation 2024" ended at x = 100 (anchored end, 12 px): about 108 px wide, so
  // it began left of the chart; the title of the latest-year chart also ran past 760 px.
});

describe('stageSharesChart: every bar carries its own year', () => {
  test('the title claims one year only when every bar has it', () => {
    // On main the title said "(2025)" while two of three bars were 2024 tables.
    const svg = stageSharesChart(latest, { names });
    expect(svg).toContain('(latest year per stage)</text>');
    expect(svg).not.toContain('(2025)');
    expect(stageSharesChart(same, { names })).toContain('rare-earth chain (2024)</text>');
  });
  test("each bar's label holds its stage, its year and its source", () => {
    const svg = stageSharesChart(latest, { names });
    expect(svg).toContain('>Mining 2025<tspan');
    expect(svg).toContain('>Separation 2024<tspan');
    expect(svg).toContain('iea-commentary-2025-10, standing for 2025</tspan>');
  });
  test('the legend wraps instead of dropping entries', () => {
    // On main the legend stopped at the right edge and left the remaining countries out.
    const svg = stageSharesChart(latest, { names, width: 300 });
    for (const label of ['China', 'United States', 'Australia', 'Myanmar', 'other countries'])
      expect(svg).toContain(`font-size="11">${label}</text>`);
  });
});

describe('stageSankeyChart: unobserved links', () => {
  test('inferred links are left out by default and counted', () => {
    // On main all 16 links (every mining country to every separation country, and so on) were
    // drawn as if they were flows.
    const svg = stageSankeyChart(latest, { names });
    expect(svg).not.toContain('<path');
    expect(svg).toContain(
      '16 inferred links (not in any sourcing table) left out; 0 observed drawn.',
    );
    expect(/<desc>[^<]*16 inferred links[^<]*left out/.test(svg)).toBe(true);
  });
  test("'dashed' draws them dashed, with a legend entry", () => {
    const svg = stageSankeyChart(latest, { names, unobserved: 'dashed' });
    expect((svg.match(/<path [^>]*stroke-dasharray="6 4"/g) ?? []).length).toBe(16);
    expect(svg).toContain('inferred link: not in any sourcing table');
    expect(svg).toContain('16 inferred links (not in any sourcing table) drawn dashed');
    expect(svg).toContain('China → Separation China: inferred, not observed');
  });
  test('a link a sourcing table records is drawn solid, by default too', () => {
    const recorded: StageReportData = {
      ...latest,
      sourcing: [
        ...latest.sourcing,
        {
          importer: 'CHN',
          tables: [
            {
              commodity: 'ores and concentrates (test)',
              stage: 'mining',
              period: { from: 2024, to: 2024 },
              shares: [{ country: 'MMR', share: 0.5 }],
              hhi: 0.5,
              source: 'test',
            },
          ],
        },
      ],
    };
    const svg = stageSankeyChart(recorded, { names });
    const paths = svg.match(/<path [^>]*>/g) ?? [];
    expect(paths).toHaveLength(1);
    expect(paths[0]).not.toContain('dasharray');
    expect(svg).toContain('Mining Myanmar → Separation China: recorded in a sourcing table');
    expect(svg).toContain(
      '15 inferred links (not in any sourcing table) left out; 1 observed drawn.',
    );
    expect(svg).toContain('links: widths are the share at one stage times the share at the next');
  });
  test('refuses an unknown unobserved mode', () => {
    expect(() => stageSankeyChart(latest, { unobserved: 'faint' as unknown as 'omit' })).toThrow(
      "stageSankeyChart: options.unobserved: expected 'omit' or 'dashed', got",
    );
  });
  test('does not mutate the report', () => {
    const copy = structuredClone(latest);
    stageSankeyChart(latest, { unobserved: 'dashed' });
    expect(latest).toEqual(copy);
  });
});

describe('timeSeriesChart: axes and legend', () => {
  const ticks = (svg: string) =>
    [...svg.matchAll(/text-anchor="end" font-size="10" fill="#555">([^<]*)</g)].map((m) => m[1]);
  test('round ticks from d3-array', () => {
    // On main the demand chart's ticks were max/4 steps: 0, 39,000, 78,000, 117,000, 156,000.
    // Demand peaks near 156,000 t/yr; a step of about 156,000 / 4 rounds to 50,000 (steps are
    // 1, 2 or 5 × 10^k, as in d3-array's tickIncrement), and the axis is extended to the next
    // tick (d3-array's nice), 200,000, so the top of the chart carries a label.
    expect(ticks(scenarioDemandChart(recycling))).toEqual([
      '0',
      '50,000',
      '100,000',
      '150,000',
      '200,000',
    ]);
    const small = timeSeriesChart({
      years: [2025, 2026],
      unit: 't',
      series: [{ name: 'x', values: [0.3, 0.72] }],
    });
    expect(ticks(small)).toEqual(['0', '0.2', '0.4', '0.6', '0.8']);
  });
  test('a series that is zero throughout is left out of the legend and named in the caption', () => {
    // On main the legend listed "substitution", which is zero in every year of this preset.
    const svg = scenarioDemandChart(recycling);
    expect(svg).not.toContain('>substitution</text>');
    expect(svg).toContain('>recycling</text>');
    expect(svg).toContain('Zero throughout, so not drawn: substitution.');
  });
});

describe('every chart lists the assumptions it rests on, in the caption and the <desc>', () => {
  const desc = (svg: string) => /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  test('stage charts: fallback years and denominators from the report', () => {
    // On main neither stage chart mentioned the 2024 tables standing for 2025, nor the
    // denominators, and no chart had a <desc>.
    for (const svg of [stageSharesChart(latest), stageSankeyChart(latest)]) {
      expect(svg).toContain('Assumptions behind these figures:');
      for (const statement of latest.assumptions ?? [])
        expect(desc(svg)).toContain(
          `Assumption: ${statement.replaceAll("'", '&quot;').length > 0 ? statement.slice(0, 40) : ''}`,
        );
      expect(desc(svg)).toContain('separation: fallback year: the 2024 table');
      expect(desc(svg)).toContain('mining: Shares of the sum of the rows');
    }
  });
  test('a report written before assumptions were recorded: read off the stages', () => {
    const { assumptions: _, ...older } = latest;
    const svg = stageSharesChart(older);
    expect(desc(svg)).toContain('Assumption: separation: fallback year: the 2024 table');
    expect(desc(svg)).toContain('Assumption: magnet: Shares as published');
  });
  test('the demand chart: the evaluation assumptions behind the stack, and the caller’s own', () => {
    const svg = scenarioDemandChart(recycling, { assumptions: ['prices held at 2024'] });
    expect(desc(svg)).toContain('Assumption: history:permanent-magnets:');
    expect(desc(svg)).toContain('Assumption: prices held at 2024');
    expect(svg).toContain('• prices held at 2024</text>');
  });
});
