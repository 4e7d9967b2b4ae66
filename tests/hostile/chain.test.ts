// Hostile datasets and options for the chain functions. They take a dataset as parseDataset
// returns it, but from untyped JavaScript anything can arrive: each gets a RareEarthsError that
// names the path, never a TypeError from deep inside.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  controlVsLocation,
  type Dataset,
  importReliance,
  importSources,
  stageConcentration,
  stageShares,
  stageTable,
  supplyWithout,
  traceOrigins,
} from '../../src/index.js';
import { stageReport } from '../../src/report/index.js';
import { tinyDataset } from '../chain/helpers.js';
import { anything, refusal, replaceAt, resultOrRefusal, wrongValues } from './corpus.js';

type Call = (dataset: never, options: never) => unknown;
const calls: [string, Call, unknown][] = [
  ['stageShares', stageShares, { stage: 'mining', year: 2024 }],
  ['stageTable', stageTable, { stage: 'mining', year: 2024 }],
  ['stageConcentration', stageConcentration, { year: 2024 }],
  ['supplyWithout', supplyWithout, { excluded: ['CHN'], year: 2024 }],
  ['importReliance', importReliance, { country: 'USA', year: 2024 }],
  ['importSources', importSources, { importer: 'USA', year: 2024 }],
  ['traceOrigins', traceOrigins, { stage: 'separation', country: 'MYS', year: 2024 }],
  ['controlVsLocation', controlVsLocation, { stage: 'separation', year: 2024 }],
  ['stageReport', stageReport, { year: 2024 }],
];

describe('a dataset that is not one', () => {
  test('wrong values in place of the dataset', () => {
    for (const [fn, call, options] of calls) {
      for (const bad of wrongValues) {
        const error = refusal(() => call(bad as never, options as never));
        expect(error.message).toMatch(new RegExp(`^${fn}: dataset`));
      }
      expect(refusal(() => call(null as never, options as never)).message).toBe(
        `${fn}: dataset: expected a dataset (as parseDataset returns it), got null`,
      );
      expect(refusal(() => call({} as never, options as never)).message).toBe(
        `${fn}: dataset.sources: expected an array of sources, got undefined`,
      );
      expect(refusal(() => call({ sources: [null] } as never, options as never)).message).toBe(
        `${fn}: dataset.sources[0]: expected a record, got null`,
      );
      expect(refusal(() => call({ sources: [{ id: 7 }] } as never, options as never)).message).toBe(
        `${fn}: dataset.sources[0].id: expected a string, got 7`,
      );
      const source = { id: 's', title: 'T', year: 2024 };
      for (const [field, bad, expected] of [
        ['title', Symbol('t'), 'a string'],
        ['year', '2024', 'a number'],
        ['edition', 2026, 'a string or nothing'],
        ['published', null, 'a string or nothing'],
      ] as const) {
        expect(
          refusal(() =>
            call({ sources: [source, { ...source, [field]: bad }] } as never, options as never),
          ).message,
        ).toMatch(
          new RegExp(`^${fn}: dataset\\.sources\\[1\\]\\.${field}: expected ${expected}, got `),
        );
      }
    }
  });

  test('collections of the wrong type, and records that are not records', () => {
    const read: Record<string, string[]> = {
      stageShares: ['stageOutputs'],
      stageTable: ['stageOutputs'],
      stageConcentration: ['stageOutputs'],
      supplyWithout: ['stageOutputs'],
      importReliance: ['balances', 'tradeFlows'],
      importSources: ['tradeFlows'],
      traceOrigins: ['facilities', 'tradeFlows'],
      controlVsLocation: ['facilities', 'stageOutputs'],
      stageReport: ['stageOutputs', 'balances', 'tradeFlows'],
    };
    for (const [fn, call, options] of calls) {
      for (const collection of read[fn] ?? []) {
        for (const bad of [5, 'rows', {}, null, true]) {
          expect(
            refusal(() => call({ ...baseline, [collection]: bad } as never, options as never))
              .message,
          ).toMatch(
            new RegExp(`^${fn}: dataset\\.${collection}: expected an array of records or nothing`),
          );
        }
        for (const bad of [null, 5, 'row', [], undefined]) {
          expect(
            refusal(() => call({ ...baseline, [collection]: [bad] } as never, options as never))
              .message,
          ).toMatch(new RegExp(`^${fn}: dataset\\.${collection}\\[0\\]: expected a record, got `));
        }
      }
    }
  });

  test('each field a chain function reads, of the wrong type', () => {
    const cases: [string, string, unknown, string][] = [
      ['stageOutputs', 'country', 5, 'a string'],
      ['stageOutputs', 'elements', 'Nd', 'an array of strings or nothing'],
      ['stageOutputs', 'elements', [Symbol('Nd')], 'an array of strings or nothing'],
      ['stageOutputs', 'year', 2024n, 'a number'],
      ['stageOutputs', 'share', '0.5', 'a number or nothing'],
      ['stageOutputs', 'provenance', null, 'a provenance object with a source id'],
      ['stageOutputs', 'provenance', { source: 5 }, 'a provenance object with a source id'],
      ['balances', 'country', null, 'a string'],
      ['balances', 'commodity', 'oxide', 'an object'],
      ['balances', 'year', null, 'a number'],
      ['balances', 'share', {}, 'a number or nothing'],
      ['balances', 'provenance', [], 'a provenance object with a source id'],
      ['tradeFlows', 'exporter', 1, 'a string'],
      ['tradeFlows', 'importer', undefined, 'a string'],
      ['tradeFlows', 'commodity', null, 'an object'],
      ['tradeFlows', 'elements', {}, 'an array of strings or nothing'],
      ['tradeFlows', 'year', '2024', 'a number or nothing'],
      ['tradeFlows', 'share', 1n, 'a number or nothing'],
      ['tradeFlows', 'period', 2024, 'an object or nothing'],
      ['tradeFlows', 'provenance', 'usgs', 'a provenance object with a source id'],
      ['facilities', 'id', 1, 'a string'],
      ['facilities', 'country', [], 'a string'],
      ['facilities', 'owners', {}, 'an array of records or nothing'],
      ['facilities', 'capacity', 7, 'an array of records or nothing'],
      ['facilities', 'output', 'x', 'an array of records or nothing'],
      ['facilities', 'feedstock', null, 'an array of records or nothing'],
      ['facilities', 'provenance', undefined, 'a provenance object with a source id'],
    ];
    const users: Record<string, [string, Call, unknown][]> = {
      stageOutputs: calls.filter(([fn]) =>
        [
          'stageShares',
          'stageTable',
          'stageConcentration',
          'supplyWithout',
          'stageReport',
        ].includes(fn),
      ),
      balances: calls.filter(([fn]) => ['importReliance', 'stageReport'].includes(fn)),
      tradeFlows: calls.filter(([fn]) =>
        ['importReliance', 'importSources', 'traceOrigins', 'stageReport'].includes(fn),
      ),
      facilities: calls.filter(([fn]) => ['traceOrigins', 'controlVsLocation'].includes(fn)),
    };
    const nested: [string, unknown, string][] = [
      ['owners', [null], 'owners\\[0\\]: expected a record'],
      ['owners', [{ homeCountry: 'AUS', stake: '1' }], 'owners\\[0\\]\\.stake: expected a number'],
      ['owners', [{ stake: 1 }], 'owners\\[0\\]\\.homeCountry: expected a string'],
      ['capacity', [1], 'capacity\\[0\\]: expected a record'],
      ['capacity', [{ year: 2024 }], 'capacity\\[0\\]\\.quantity: expected an object'],
      [
        'output',
        [{ year: '2024', quantity: {} }],
        'output\\[0\\]\\.year: expected a number or nothing',
      ],
      [
        'output',
        [{ quantity: {}, elements: [1] }],
        'output\\[0\\]\\.elements: expected an array of strings',
      ],
      ['feedstock', [{ facility: 5 }], 'feedstock\\[0\\]\\.facility: expected a string or nothing'],
      ['feedstock', [{ country: [] }], 'feedstock\\[0\\]\\.country: expected a string or nothing'],
      [
        'feedstock',
        [{ country: 'AUS', share: 'all' }],
        'feedstock\\[0\\]\\.share: expected a number or nothing',
      ],
    ];
    for (const [field, bad, expected] of nested) {
      const hostile = replaceAt(baseline, ['facilities', 2, field], bad);
      for (const [fn, call, options] of users.facilities ?? []) {
        expect(refusal(() => call(hostile as never, options as never)).message).toMatch(
          new RegExp(`^${fn}: dataset\\.facilities\\[2\\]\\.${expected}`),
        );
      }
    }
    for (const [collection, field, bad, expected] of cases) {
      const records = baseline[collection as keyof Dataset] as unknown[];
      const hostile = replaceAt(baseline, [collection, 3, field], bad);
      for (const [fn, call, options] of users[collection] ?? []) {
        expect(refusal(() => call(hostile as never, options as never)).message).toMatch(
          new RegExp(
            `^${fn}: dataset\\.${collection}\\[3\\]\\.${field}: expected ${expected}, got `,
          ),
        );
      }
      expect(records.length).toBeGreaterThan(3);
    }
  });

  test('anything in any record of the tiny dataset: a result or a RareEarthsError (fast-check)', () => {
    const data = tinyDataset();
    const rows = data.stageOutputs?.length ?? 0;
    const fields = ['stage', 'country', 'year', 'measure', 'quantity', 'share', 'elements'];
    fc.assert(
      fc.property(
        fc.nat({ max: rows - 1 }),
        fc.constantFrom(...fields),
        anything,
        fc.constantFrom('mining', 'separation'),
        fc.constantFrom(2022, 2023, 2024),
        (row, field, value, stage, year) => {
          const hostile = replaceAt(data, ['stageOutputs', row, field], value) as Dataset;
          resultOrRefusal(() => stageShares(hostile, { stage, year, yearMatch: 'latest' }));
          resultOrRefusal(() => stageConcentration(hostile, { year }));
          resultOrRefusal(() => stageReport(hostile, { year }));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('options that are not options', () => {
  test('every option of the wrong type is refused by name', () => {
    for (const [fn, call, options] of calls) {
      for (const bad of wrongValues) {
        if (bad === undefined && fn !== 'stageShares') continue;
        resultOrRefusal(() => call(baseline as never, bad as never));
        for (const key of Object.keys(options as object)) {
          // A whole year beyond the data is fine where the latest table at or before it is used.
          // stageReport reads a missing year (null too) as the latest year with data.
          const latest = fn === 'stageReport' && bad === null;
          if (latest || (key === 'year' && Number.isInteger(bad) && (bad as number) >= 1900)) {
            resultOrRefusal(() =>
              call(baseline as never, { ...(options as object), year: bad } as never),
            );
            continue;
          }
          let error: Error;
          try {
            error = refusal(() =>
              call(baseline as never, { ...(options as object), [key]: bad } as never),
            );
          } catch (e) {
            throw new Error(`${fn} options.${key} = ${typeof bad}: ${(e as Error).message}`);
          }
          expect(error.message).toMatch(new RegExp(`^${fn}: options`));
        }
      }
    }
  });

  test("names of Object.prototype's members are not stages, measures or countries", () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const taken: Record<string, string[]> = {
        stageShares: ['stage', 'measure', 'yearMatch'],
        stageTable: ['stage', 'measure', 'yearMatch'],
        stageConcentration: ['yearMatch'],
        supplyWithout: ['measure'],
        importReliance: ['country'],
        importSources: ['importer'],
        traceOrigins: ['stage', 'country'],
        controlVsLocation: ['stage', 'measure'],
      };
      for (const [fn, call, options] of calls) {
        for (const key of taken[fn] ?? []) {
          let error: Error;
          try {
            error = refusal(() =>
              call(baseline as never, { ...(options as object), [key]: name } as never),
            );
          } catch (e) {
            throw new Error(`${fn} options.${key} = ${name}: ${(e as Error).message}`);
          }
          expect(error.message).toMatch(new RegExp(`^${fn}: options`));
        }
      }
      expect(
        refusal(() =>
          traceOrigins(baseline, {
            stage: 'magnet',
            country: 'JPN',
            year: 2024,
            links: [
              {
                from: { stage: name as 'mining', country: 'CHN' },
                to: { stage: 'magnet', country: 'JPN' },
                share: 1,
              },
            ],
          }),
        ).message,
      ).toBe(
        `traceOrigins: options.links[0].from: expected a node { stage, country }, got an object`,
      );
    }
  });

  test('a year of 1e308 or -0 is a clear error, not a search', () => {
    expect(refusal(() => stageShares(baseline, { stage: 'mining', year: 1e308 })).message).toBe(
      'stageShares: options.year: expected a year with production at the mining stage (all rare earths) (2020, 2021, 2022, 2023, 2024, 2025), got 1e+308',
    );
    expect(refusal(() => stageShares(baseline, { stage: 'mining', year: -0 })).message).toBe(
      'stageShares: options.year: expected an integer of at least 1900, got 0',
    );
  });
});
