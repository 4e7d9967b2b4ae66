import { describe, expect, test } from 'vitest';
import {
  inflowDrivenStock,
  type RecyclingOffsetInput,
  recyclingOffset,
  stockDrivenStock,
} from '../../src/index.js';
import reference from '../fixtures/dsm-reference.json' with { type: 'json' };
import { refusal as error } from '../support/refusal.js';

const base: RecyclingOffsetInput = {
  sales: { start: 2020, values: [100, 100, 100, 100, 100] },
  lifetime: { kind: 'fixed', mean: 2 },
  timing: 'end',
  content: { Nd: 0.3 },
  collection: 0.5,
  preprocessing: 0.8,
  processing: 0.9,
};

describe('recyclingOffset', () => {
  test('matches flodym plus numpy on the worked example, with a content that falls by cohort', () => {
    // tests/stocks/dsm_reference.py: flodym's InflowDrivenDSM ('middle'), then numpy for the
    // element flows. Dysprosium content falls from 4% (2020) to 1.5% (2030) by year of sale.
    const r = reference.recycling;
    const result = recyclingOffset({
      sales: { start: 2015, values: r.sales },
      lifetime: { kind: 'logNormal', mean: 15, sd: 5 },
      content: {
        Nd: 0.23,
        Dy: { kind: 'table', values: { '2020': 0.04, '2030': 0.015 }, between: 'linear' },
      },
      collection: {
        kind: 'ramp',
        from: { year: 2025, value: 0.05 },
        to: { year: 2040, value: 0.5 },
      },
      preprocessing: 0.8,
      processing: 0.95,
    });
    expect(result.years).toEqual(r.years);
    expect(Object.keys(result.elements)).toEqual(['Nd', 'Dy']);
    for (const element of ['Nd', 'Dy'] as const) {
      const ours = result.elements[element];
      const theirs = r.elements[element];
      for (const key of ['endOfLife', 'secondary', 'demand'] as const) {
        ours?.[key].forEach((v, k) => {
          expect(Math.abs(v - (theirs[key][k] as number))).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(theirs[key][k] as number)),
          );
        });
      }
    }
  });

  test('reports every stage of the chain and the rate against its own demand', () => {
    const result = recyclingOffset(base);
    const nd = result.elements.Nd;
    expect(result.product.sales).toEqual([100, 100, 100, 100, 100]);
    expect(result.product.stock).toEqual([100, 200, 200, 200, 200]);
    expect(result.product.endOfLife).toEqual([0, 0, 100, 100, 100]);
    expect(nd?.demand).toEqual([30, 30, 30, 30, 30]);
    expect(nd?.endOfLife).toEqual([0, 0, 30, 30, 30]);
    expect(nd?.collected).toEqual([0, 0, 15, 15, 15]);
    expect(nd?.preprocessed).toEqual([0, 0, 12, 12, 12]);
    expect(nd?.secondary.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0, 10.8, 10.8, 10.8]);
    expect(
      nd?.eolRecyclingInputRate.map((v) => (v === null ? v : Math.round(v * 1e9) / 1e9)),
    ).toEqual([0, 0, 0.36, 0.36, 0.36]);
  });

  test('reads content by the year of sale and the rates by the year of end of life', () => {
    const result = recyclingOffset({
      ...base,
      content: { Nd: { kind: 'table', values: { '2020': 0.3, '2021': 0.2 } } },
      collection: { kind: 'table', values: { '2020': 1, '2023': 0.5 } },
      preprocessing: 1,
      processing: 1,
    });
    // Cohort 2020 (content 0.3) leaves in 2022, later cohorts (0.2) from 2023.
    expect(result.elements.Nd?.endOfLife).toEqual([0, 0, 30, 20, 20]);
    expect(result.elements.Nd?.secondary).toEqual([0, 0, 30, 10, 10]);
    expect(result.elements.Nd?.demand).toEqual([30, 20, 20, 20, 20]);
  });

  test('a stock-driven application solves for its sales first', () => {
    const stock = { start: 2020, values: [100, 200, 200, 200, 150] };
    const result = recyclingOffset({
      ...base,
      sales: undefined,
      stock,
      negativeInflow: 'retire',
    } as unknown as RecyclingOffsetInput);
    const model = stockDrivenStock({
      stock: stock.values,
      lifetime: { kind: 'fixed', mean: 2 },
      timing: 'end',
      negativeInflow: 'retire',
    });
    expect(result.product.sales).toEqual(model.inflow);
    expect(result.product.endOfLife).toEqual(model.outflow);
    expect(result.elements.Nd?.endOfLife).toEqual(model.outflow.map((v) => v * 0.3));
    const { sales: _, ...withoutSales } = base;
    expect(recyclingOffset({ ...withoutSales, stock }).product.sales).toEqual(
      stockDrivenStock({ stock: stock.values, lifetime: { kind: 'fixed', mean: 2 }, timing: 'end' })
        .inflow,
    );
  });

  test('an initial stock reaches end of life with the content of its own year', () => {
    const result = recyclingOffset({
      ...base,
      sales: { start: 2020, values: [0, 0] },
      initialStock: { byAge: [10, 20] },
      content: { Nd: { kind: 'table', values: { '2018': 0.5, '2019': 0.1 } } },
      collection: 1,
      preprocessing: 1,
      processing: 1,
    });
    // Age 1 (sold 2018, content 0.5) leaves in 2020; age 0 (2019, content 0.1) in 2021.
    expect(result.elements.Nd?.endOfLife).toEqual([10, 1]);
    expect(result.elements.Nd?.eolRecyclingInputRate).toEqual([null, null]);
    const model = inflowDrivenStock({
      inflow: [0, 0],
      lifetime: { kind: 'fixed', mean: 2 },
      timing: 'end',
      initialStock: { byAge: [10, 20] },
    });
    expect(result.product.endOfLife).toEqual(model.outflow);
  });

  test('measures the rate against a given market demand', () => {
    const result = recyclingOffset({
      ...base,
      demand: { Nd: { start: 2018, values: [1, 1, 60, 60, 60, 60, 60, 99] } },
    });
    expect(result.elements.Nd?.demand).toEqual([60, 60, 60, 60, 60]);
    expect(result.elements.Nd?.eolRecyclingInputRate.map((v) => (v ?? 0) * 60)).toEqual(
      result.elements.Nd?.secondary,
    );
  });

  test('refuses bad input with the path and what was expected', () => {
    expect(error(() => recyclingOffset(null as never)).message).toBe(
      'recyclingOffset: (input): expected an object { sales or stock, lifetime, content, … }, got null',
    );
    expect(
      error(() => recyclingOffset({ ...base, stock: { start: 2020, values: [1] } })).message,
    ).toBe(
      'recyclingOffset: sales: expected either sales or stock (one of the two), got an object',
    );
    const { sales: _, ...noSeries } = base;
    expect(error(() => recyclingOffset(noSeries)).message).toBe(
      'recyclingOffset: sales: expected either sales or stock (one of the two), got undefined',
    );
    expect(error(() => recyclingOffset({ ...base, collection: 1.2 })).message).toBe(
      'recyclingOffset: collection: expected a fraction between 0 and 1 in every year (2020 included), got 1.2',
    );
    expect(
      error(() =>
        recyclingOffset({
          ...base,
          processing: {
            kind: 'ramp',
            from: { year: 2021, value: 0.9 },
            to: { year: 2023, value: -0.1 },
          },
        }),
      ).message,
    ).toBe(
      'recyclingOffset: processing: expected a fraction between 0 and 1 in every year (2023 included), got -0.1',
    );
    expect(error(() => recyclingOffset({ ...base, preprocessing: Number.NaN })).message).toBe(
      'recyclingOffset: preprocessing: expected a finite number, got NaN',
    );
    expect(error(() => recyclingOffset({ ...base, content: { Nd: 2 } })).message).toBe(
      'recyclingOffset: content.Nd: expected a fraction between 0 and 1 in every year (2020 included), got 2',
    );
    expect(error(() => recyclingOffset({ ...base, content: { Fe: 0.6 } as never })).message).toBe(
      'recyclingOffset: content.Fe: expected a rare-earth element symbol such as Nd or Dy, got "Fe"',
    );
    expect(error(() => recyclingOffset({ ...base, content: {} })).message).toBe(
      'recyclingOffset: content: expected at least one element, got an object',
    );
    expect(error(() => recyclingOffset({ ...base, content: [0.3] as never })).message).toBe(
      'recyclingOffset: content: expected an object keyed by element symbol, e.g. { Nd: … }, got an array of length 1',
    );
    expect(
      error(() =>
        recyclingOffset({ ...base, demand: { Nd: { start: 2021, values: [1, 1, 1, 1, 1] } } }),
      ).message,
    ).toBe('recyclingOffset: demand.Nd: expected a series covering 2020–2024, got "2021–2025"');
    expect(
      error(() => recyclingOffset({ ...base, demand: { Nd: { start: 2019, values: [1, 1, 1] } } }))
        .message,
    ).toBe('recyclingOffset: demand.Nd: expected a series covering 2020–2024, got "2019–2021"');
    expect(
      error(() => recyclingOffset({ ...base, sales: { start: 2020.5, values: [1] } })).message,
    ).toBe('recyclingOffset: sales.start: expected an integer year, got 2020.5');
    expect(
      error(() => recyclingOffset({ ...base, sales: { start: 2020, values: [] } })).message,
    ).toBe(
      'recyclingOffset: sales.values: expected a non-empty array of numbers, got an array of length 0',
    );
    expect(
      error(() => recyclingOffset({ ...base, sales: { start: 2020, values: [1, -1] } })).message,
    ).toBe('recyclingOffset: sales.values[1]: expected a finite non-negative number, got -1');
    expect(error(() => recyclingOffset({ ...base, sales: 5 as never })).message).toBe(
      'recyclingOffset: sales: expected a year series { start, values }, got 5',
    );
    expect(
      error(() => recyclingOffset({ ...base, lifetime: { kind: 'fixed', mean: 0 } })).message,
    ).toBe('recyclingOffset: lifetime.mean: expected a positive mean lifetime in years, got 0');
  });

  test('does not modify its input', () => {
    const input = JSON.parse(JSON.stringify(base)) as RecyclingOffsetInput;
    recyclingOffset(input);
    expect(input).toEqual(base);
  });
});

describe('recyclingOffset, edges', () => {
  test('counts what leaves in its own year (normal lifetime under end timing)', () => {
    const result = recyclingOffset({
      ...base,
      lifetime: { kind: 'normal', mean: 1, sd: 1 },
      collection: 1,
      preprocessing: 1,
      processing: 1,
    });
    const model = inflowDrivenStock({
      inflow: [100, 100, 100, 100, 100],
      lifetime: { kind: 'normal', mean: 1, sd: 1 },
      timing: 'end',
    });
    expect(result.elements.Nd?.endOfLife[0]).toBeCloseTo((model.outflow[0] as number) * 0.3, 12);
    expect(result.elements.Nd?.endOfLife[0]).toBeGreaterThan(0);
  });

  test('passes the timing and the negative-inflow policy on to the stock model', () => {
    const start = recyclingOffset({ ...base, timing: 'start' });
    expect(start.product.endOfLife).toEqual([0, 100, 100, 100, 100]);
    const stock = { start: 2020, values: [100, 200, 200, 200, 50] };
    const { sales: _, ...rest } = base;
    expect(recyclingOffset({ ...rest, stock }).product.sales).toEqual([100, 100, 100, 100, -50]);
    expect(recyclingOffset({ ...rest, stock, negativeInflow: 'retire' }).product.sales).toEqual([
      100, 100, 100, 100, 0,
    ]);
    expect(error(() => recyclingOffset({ ...rest, stock, negativeInflow: 'throw' })).message).toBe(
      "recyclingOffset: stock[4]: expected a stock no smaller than what is still in use from earlier years (negativeInflow: 'throw'), got 50 while 100 is still in use",
    );
    expect(
      error(() => recyclingOffset({ ...rest, stock: { start: 2020, values: [-1] } })).message,
    ).toBe('recyclingOffset: stock.values[0]: expected a finite non-negative number, got -1');
  });

  test('reads schedules only over the modelled years, zero rates included', () => {
    const result = recyclingOffset({
      ...base,
      collection: { kind: 'table', values: { '2020': 0, '2024': 0.5, '2025': 7 } },
    });
    expect(result.elements.Nd?.secondary).toEqual([0, 0, 0, 0, 10.8]);
  });

  test('accepts a demand series that covers the years exactly; ignores undefined entries', () => {
    const result = recyclingOffset({
      ...base,
      content: { Nd: 0.3, Dy: undefined } as never,
      demand: { Nd: { start: 2020, values: [10, 10, 10, 10, 10] }, Pr: undefined } as never,
    });
    expect(Object.keys(result.elements)).toEqual(['Nd']);
    expect(result.elements.Nd?.demand).toEqual([10, 10, 10, 10, 10]);
  });

  test('refuses more bad input', () => {
    expect(error(() => recyclingOffset(5 as never)).message).toBe(
      'recyclingOffset: (input): expected an object { sales or stock, lifetime, content, … }, got 5',
    );
    expect(error(() => recyclingOffset({ ...base, sales: null as never })).message).toBe(
      'recyclingOffset: sales: expected a year series { start, values }, got null',
    );
    expect(error(() => recyclingOffset({ ...base, content: null as never })).message).toBe(
      'recyclingOffset: content: expected an object keyed by element symbol, e.g. { Nd: … }, got null',
    );
    expect(error(() => recyclingOffset({ ...base, content: 0.3 as never })).message).toBe(
      'recyclingOffset: content: expected an object keyed by element symbol, e.g. { Nd: … }, got 0.3',
    );
    expect(
      error(() =>
        recyclingOffset({ ...base, demand: { Fe: { start: 2020, values: [1] } } as never }),
      ).message,
    ).toBe(
      'recyclingOffset: demand.Fe: expected a rare-earth element symbol such as Nd or Dy, got "Fe"',
    );
    expect(
      error(() =>
        recyclingOffset({ ...base, demand: { Nd: { start: 2020, values: [1, 1, 1, -1, 1] } } }),
      ).message,
    ).toBe('recyclingOffset: demand.Nd.values[3]: expected a finite non-negative number, got -1');
    expect(
      error(() =>
        recyclingOffset({ ...base, demand: { Nd: { start: 2020, values: [1, 1, 1, 1] } } }),
      ).message,
    ).toBe('recyclingOffset: demand.Nd: expected a series covering 2020–2024, got "2020–2023"');
    expect(
      error(() => recyclingOffset({ ...base, sales: { start: '2020', values: [1] } as never }))
        .message,
    ).toBe('recyclingOffset: sales.start: expected an integer year, got "2020"');
    expect(
      error(() => recyclingOffset({ ...base, sales: { start: 2020, values: [1, '2'] } as never }))
        .message,
    ).toBe('recyclingOffset: sales.values[1]: expected a finite non-negative number, got "2"');
  });
});
