// Fan and tornado charts (issue 18): the band drawn where its numbers put it, the axis through
// zero, labels that can be told apart, inputs without a swing counted rather than drawn.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fanChart, tornadoChart } from '../../src/report/index.js';

const points = (svg: string, tag: 'polygon' | 'polyline') =>
  [...svg.matchAll(new RegExp(`<${tag} points="([^"]*)"`, 'g'))].map((m) =>
    (m[1] as string).split(' ').map((p) => p.split(',').map(Number) as [number, number]),
  );
const texts = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((m) => m[1] as string);

const years = [2024, 2025, 2026, 2027];
const build = {
  name: 'Separation outside China',
  value: [20_000, 22_000, 26_000, 31_000],
  low: [19_000, 20_000, 23_000, 26_000],
  high: [21_000, 23_500, 28_500, 35_000],
  median: [20_000, 21_800, 25_500, 30_500],
};

describe('fanChart', () => {
  test('the band goes along its upper edge left to right and back along its lower edge', () => {
    const svg = fanChart({ years, unit: 't/yr', series: [build] });
    const band = points(svg, 'polygon')[0] as [number, number][];
    expect(band).toHaveLength(8);
    const xs = band.map(([x]) => x);
    // Upper edge: x increasing; lower edge: the same x decreasing (a polygon round the band).
    expect(xs.slice(0, 4)).toEqual([...xs.slice(0, 4)].sort((a, b) => a - b));
    expect(xs.slice(4)).toEqual([...xs.slice(0, 4)].reverse());
    // SVG y grows downwards: the upper edge (high) is above the lower edge (low) in every year.
    for (let j = 0; j < 4; j++)
      expect((band[j] as [number, number])[1]).toBeLessThan((band[7 - j] as [number, number])[1]);
    // The solid line (value) and the dashed median, one point per year each.
    const lines = points(svg, 'polyline');
    expect(lines.map((l) => l.length)).toEqual([4, 4]);
    expect(svg).toContain('stroke-dasharray="5 3"');
  });
  test('a shortfall reads as one: the axis runs through zero, and labels differ', () => {
    const svg = fanChart({
      years,
      unit: 't/yr',
      series: [
        {
          name: 'US Y',
          value: [-210, -210, -210, -210],
          low: [-211.3, -211.3, -211.3, -211.3],
          high: [-208.6, -208.6, -208.6, -208.6],
        },
      ],
    });
    const labels = texts(svg).filter((t) => /^-?[\d,.]+$/.test(t) && !/^20\d\d$/.test(t));
    expect(labels).toContain('0');
    expect(labels.some((t) => t.startsWith('-'))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });
  test('a series of zero width is named in the caption', () => {
    const flat = { name: 'mining', value: [1, 1, 1, 1], low: [1, 1, 1, 1], high: [1, 1, 1, 1] };
    expect(fanChart({ years, unit: 't', series: [flat] })).toContain(
      'No spread (band of zero width): mining.',
    );
  });
  test('one year: a bar for the band and a dot for the value', () => {
    const svg = fanChart({
      years: [2030],
      unit: 't',
      series: [{ name: 'x', value: [5], low: [4], high: [7] }],
    });
    expect(svg).toContain('<rect x=');
    expect(svg).toContain('<circle');
  });
  test('the inputs are not mutated', () => {
    const series = Object.freeze([Object.freeze({ ...build, low: Object.freeze([...build.low]) })]);
    expect(() =>
      fanChart(Object.freeze({ years: Object.freeze([...years]), unit: 't', series })),
    ).not.toThrow();
  });
  test('bad input is refused with its path', () => {
    expect(() => fanChart({ years, unit: 't', series: [] })).toThrow(
      'fanChart: data.series: expected a non-empty array of series',
    );
    expect(() => fanChart({ years, unit: 't', series: [{ ...build, low: [1, 2] }] })).toThrow(
      'fanChart: data.series[0].low: expected 4 values, one per year',
    );
    expect(() =>
      fanChart({
        years,
        unit: 't',
        series: [{ ...build, high: [21_000, 19_000, 28_500, 35_000] }],
      }),
    ).toThrow('fanChart: data.series[0].high[1]: expected a number ≥ low (20000), got 19000');
    expect(() => fanChart({ years: [2025, 2024], unit: 't', series: [build] })).toThrow(
      'fanChart: data.years[1]: expected a year after 2025, got 2024',
    );
    expect(() =>
      fanChart({ years, unit: 't', series: [{ ...build, median: [1, 2, Number.NaN, 4] }] }),
    ).toThrow('fanChart: data.series[0].median[2]');
  });
  test('property: every band point lies between the axis ends, whatever the numbers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            fc.double({ min: 0, max: 1e6, noNaN: true }),
          ),
          { minLength: 2, maxLength: 8 },
        ),
        (pairs) => {
          const ys = pairs.map((_, k) => 2000 + k);
          const low = pairs.map(([a]) => a);
          const high = pairs.map(([a, w]) => a + w);
          const svg = fanChart({
            years: ys,
            unit: 't',
            series: [{ name: 's', value: low, low, high }],
          });
          // The plot runs from y = 60 (top) to y = height − 48 = 332 (bottom).
          for (const [, y] of points(svg, 'polygon')[0] ?? []) {
            expect(y).toBeGreaterThanOrEqual(60 - 1e-6);
            expect(y).toBeLessThanOrEqual(332 + 1e-6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tornadoChart: any numbers', () => {
  test('property: every bar and the result line lie inside the plot, whatever the numbers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.array(
          fc.tuple(
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (value, ends) => {
          const svg = tornadoChart({
            metric: 'm',
            unit: 'u',
            value,
            bars: ends.map(([atLow, atHigh], i) => ({ name: `input ${i}`, atLow, atHigh })),
          });
          // The plot runs from x = 0.34 × 760 + 24 = 282 to 760 − 70 = 690.
          for (const m of svg.matchAll(
            /<rect x="([^"]*)" y="[^"]*" width="([^"]*)" height="18"/g,
          )) {
            expect(Number(m[1])).toBeGreaterThanOrEqual(282 - 1e-6);
            expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(690 + 1.01);
          }
          expect(svg).not.toContain('NaN');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tornadoChart', () => {
  const data = {
    metric: 'Mining HHI 2024',
    unit: 'points',
    value: 5120,
    bars: [
      { name: 'two USGS editions (26 figures)', atLow: 5120, atHigh: 4890 },
      { name: "China's 2023 mining share (rounding)", atLow: 5080, atHigh: 5160 },
      { name: 'a small one', atLow: 5100, atHigh: 5125 },
      { name: 'flat', atLow: 5120, atHigh: 5120 },
    ],
  };
  const rects = (svg: string) =>
    [
      ...svg.matchAll(
        /<rect x="([^"]*)" y="[^"]*" width="([^"]*)" height="18" fill="([^"]*)"><title>([^<]*)</g,
      ),
    ].map((m) => ({ x: Number(m[1]), width: Number(m[2]), fill: m[3], title: m[4] as string }));
  test('each bar spans its two ends, in proportion to its swing', () => {
    const svg = tornadoChart(data);
    const parts = rects(svg);
    // Three moving inputs, two parts each (to the low end, to the high end); "flat" has none.
    expect(parts).toHaveLength(6);
    const swing = (k: number) => (parts[2 * k]?.width ?? 0) + (parts[2 * k + 1]?.width ?? 0);
    // Swings 230, 80 and 25 points: the drawn lengths keep those ratios (to the rounding of 0.01 px).
    expect(swing(0) / swing(1)).toBeCloseTo(230 / 80, 2);
    expect(swing(1) / swing(2)).toBeCloseTo(80 / 25, 2);
    expect(svg).toContain('1 input with no swing, not drawn.');
    expect(svg).toContain('as is: 5,120');
    expect(texts(svg)).toContain('±115');
  });
  test('maxBars: the rest are counted', () => {
    const svg = tornadoChart(data, { maxBars: 1 });
    expect(rects(svg)).toHaveLength(2);
    expect(svg).toContain('2 more inputs with smaller swings not drawn.');
  });
  test('no input moves the result: said, not drawn', () => {
    const svg = tornadoChart({ ...data, bars: [{ name: 'flat', atLow: 1, atHigh: 1 }], value: 1 });
    expect(svg).toContain('No input moves the result.');
    expect(rects(svg)).toHaveLength(0);
  });
  test('bad input is refused with its path', () => {
    expect(() => tornadoChart({ ...data, bars: [] })).toThrow(
      'tornadoChart: data.bars: expected a non-empty array of bars',
    );
    expect(() =>
      tornadoChart({ ...data, bars: [{ name: 'x', atLow: 1, atHigh: Number.POSITIVE_INFINITY }] }),
    ).toThrow('tornadoChart: data.bars[0].atHigh');
    expect(() => tornadoChart(data, { maxBars: 0 })).toThrow('tornadoChart: options.maxBars');
  });
});
