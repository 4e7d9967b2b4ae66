import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  type Dataset,
  datasetJsonSchema,
  datasetSchema,
  isRareEarthsError,
  parseDataset,
  parseScenario,
  RareEarthsError,
  safeParseDataset,
  scenarioJsonSchema,
  scenarioSchema,
} from '../../src/index.js';
import { fullDataset, fullScenario } from './fixtures.js';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The full fixture with the four rules it breaks on purpose mended: a valid dataset. */
function validDataset(): Dataset {
  const data = clone(fullDataset) as unknown as Record<string, unknown> & {
    stageOutputs: Record<string, unknown>[];
    facilities: { feedstock: Record<string, unknown>[] }[];
  };
  delete data.stageOutputs[0]?.share;
  data.stageOutputs[0] = {
    ...data.stageOutputs[0],
    quantity: { amount: '270000', unit: 't', basis: 'REO' },
  };
  delete data.facilities[0]?.feedstock[0]?.country;
  const reserves = data.reserves as { quantity: Record<string, unknown> }[];
  if (reserves[0]) reserves[0].quantity = { amount: '44000000', unit: 't', basis: 'REO' };
  const flows = data.tradeFlows as Record<string, unknown>[];
  delete flows[0]?.period;
  if (flows[0]) flows[0].quantity = { amount: '8120', unit: 't', basis: 'REO' };
  const deposits = data.deposits as {
    estimates: { ore: Record<string, unknown>; contained: Record<string, unknown> }[];
  }[];
  const estimate = deposits[0]?.estimates[0];
  if (estimate) {
    estimate.ore = { amount: '106600000', unit: 't', basis: 'product', product: 'ore' };
    estimate.contained = { amount: '4390000', unit: 't', basis: 'REO' };
  }
  const balances = data.balances as Record<string, unknown>[];
  if (balances[0]) balances[0].quantity = { amount: '8120', unit: 't', basis: 'REO' };
  const demand = data.demand as Record<string, unknown>[];
  if (demand[0]) demand[0].quantity = { amount: '93000', unit: 't', basis: 'REO' };
  const totals = data.worldTotals as Record<string, unknown>[];
  if (totals[0]) totals[0].quantity = { amount: '390000', unit: 't', basis: 'REO' };
  // Stated uncertainties must hold the mended numbers, and a bound carries none.
  const range = (low: number, high: number) => ({ kind: 'uniform', low, high, basis: 'b' });
  if (data.stageOutputs[0]) data.stageOutputs[0].uncertainty = range(260000, 280000);
  if (flows[0]) flows[0].uncertainty = range(8000, 8200);
  if (totals[0]) totals[0].uncertainty = range(385000, 395000);
  if (demand[0]) demand[0].uncertainty = { kind: 'lognormal', mean: 93000, sd: 5000, basis: 'b' };
  if (balances[0]) delete balances[0].uncertainty;
  const outlooks = data.outlooks as Record<string, unknown>[];
  if (outlooks[0]) delete outlooks[0].quantity;
  const facilities = data.facilities as unknown as {
    capacity: Record<string, unknown>[];
    output: Record<string, unknown>[];
  }[];
  for (const figure of [...(facilities[0]?.capacity ?? []), ...(facilities[0]?.output ?? [])]) {
    figure.quantity = { amount: '10500', unit: 't', basis: 'REO' };
  }
  return data as unknown as Dataset;
}

describe('dataset schema', () => {
  test('accepts every field of every record, and changes nothing', () => {
    const result = datasetSchema().safeParse(clone(fullDataset));
    expect(result.success).toBe(true);
    expect(result.data).toEqual(clone(fullDataset));
  });

  test('the full fixture breaks exactly the cross-record rules it was written to break', () => {
    const result = safeParseDataset(clone(fullDataset));
    expect(result.success).toBe(false);
    const lines = result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(lines).toEqual([
      'stageOutputs.0: expected exactly one of quantity and share, got both',
      'stageOutputs.0.quantity.oxide: expected an oxide only on a single-element REO mass',
      'outlooks.0: expected exactly one of quantity and share, got both',
      'outlooks.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'worldTotals.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'reserves.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'deposits.0.estimates.0.ore.oxide: expected an oxide only on a single-element REO mass',
      'deposits.0.estimates.0.contained.product: expected no product name for a \'REO\' mass, got "x"',
      'facilities.0.capacity.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'facilities.0.output.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'facilities.0.feedstock.0: expected exactly one of facility and country, got both',
      'tradeFlows.0: expected exactly one of year and period, got both',
      'tradeFlows.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      "balances.0.uncertainty: expected no uncertainty on a bound (a figure given as 'greater-than' is not a value to draw), got one",
      'balances.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
      'demand.0.quantity.product: expected no product name for a \'REO\' mass, got "x"',
    ]);
  });

  test('a valid dataset parses and round-trips through JSON unchanged', () => {
    const data = validDataset();
    const parsed = parseDataset(data);
    expect(parsed).toEqual(data);
    expect(parseDataset(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  test('parsing never mutates its input', () => {
    const frozen = deepFreeze(validDataset());
    expect(() => parseDataset(frozen)).not.toThrow();
  });

  test("'refining' is read as separation in a dataset (issue 15, finding 10b)", () => {
    const data = clone(validDataset()) as unknown as { stageOutputs: { stage: string }[] };
    (data.stageOutputs[0] as { stage: string }).stage = 'refining';
    expect(parseDataset(data).stageOutputs?.[0]?.stage).toBe('separation');
  });

  test('zero and "+5" are non-negative quantities', () => {
    const data = clone(validDataset()) as unknown as {
      stageOutputs: { quantity: { amount: unknown } }[];
      reserves: { quantity: { amount: unknown } }[];
    };
    (data.stageOutputs[0] as { quantity: { amount: unknown } }).quantity.amount = 0;
    delete (data.stageOutputs[0] as { uncertainty?: unknown }).uncertainty;
    (data.reserves[0] as { quantity: { amount: unknown } }).quantity.amount = '+5';
    expect(parseDataset(data).reserves?.[0]?.quantity.amount).toBe('+5');
  });

  test('the same provenance object shared by two records is not a cycle', () => {
    const shared = { source: 'src-a', tag: 'reported' } as const;
    const data = {
      ...validDataset(),
      reserves: [
        {
          country: 'CHN',
          year: 2024,
          quantity: { amount: 1, unit: 't', basis: 'REO' },
          provenance: shared,
        },
        {
          country: 'AUS',
          year: 2024,
          quantity: { amount: 1, unit: 't', basis: 'REO' },
          provenance: shared,
        },
      ],
    } as Dataset;
    expect(parseDataset(data).reserves).toHaveLength(2);
  });
});

describe('malformed datasets: each gets a clear error naming the path', () => {
  // Mutations poke at arbitrary JSON; a precise type for every path would be noise here.
  // biome-ignore lint/suspicious/noExplicitAny: test drafts of untyped JSON
  type Draft = Record<string, any>;
  type Mutation = (d: Draft) => unknown;
  const base = (): Draft => clone(validDataset()) as unknown as Draft;
  const cases: [string, Mutation, string][] = [
    ['not an object', () => 42, '(input): expected a dataset object, got 42'],
    ['null', () => null, '(input): expected a dataset object, got null'],
    ['an array', () => [], '(input): expected a dataset object, got an array of length 0'],
    [
      'JSON text',
      () => '{"schemaVersion":1}',
      'expected a parsed object, got a string (parse the JSON text first with JSON.parse)',
    ],
    [
      'wrong version',
      (d) => ({ ...d, schemaVersion: 2 }),
      'schemaVersion: expected schemaVersion 1, got 2',
    ],
    [
      'missing name',
      (d) => {
        delete d.name;
        return d;
      },
      'name: expected a non-empty string, got nothing (the field is missing)',
    ],
    ['empty name', (d) => ({ ...d, name: '' }), 'name: expected a non-empty string, got ""'],
    [
      'unknown top-level field',
      (d) => ({ ...d, mines: [] }),
      'mines: expected no such field (unknown field)',
    ],
    [
      'sources not an array',
      (d) => ({ ...d, sources: {} }),
      'sources: expected an array of sources, got an object',
    ],
    [
      'bad source id',
      (d) => {
        d.sources[0].id = 'a b';
        return d;
      },
      'sources[0].id: expected an id of letters, digits',
    ],
    [
      'bad source url',
      (d) => {
        d.sources[0].url = 'not a url';
        return d;
      },
      'sources[0].url: expected a URL, got "not a url"',
    ],
    [
      'bad doi',
      (d) => {
        d.sources[0].doi = 'doi:10.1/x';
        return d;
      },
      'sources[0].doi: expected a DOI such as',
    ],
    [
      'bad published date',
      (d) => {
        d.sources[0].published = '27/05/2026';
        return d;
      },
      'sources[0].published: expected a date YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'year as a string',
      (d) => {
        d.sources[0].year = '2026';
        return d;
      },
      'sources[0].year: expected a year between 1900 and 2100 (an integer), got "2026"',
    ],
    [
      'fractional year',
      (d) => {
        d.stageOutputs[0].year = 2024.5;
        return d;
      },
      'stageOutputs[0].year: expected a year between 1900 and 2100 (an integer), got 2024.5',
    ],
    [
      'year out of range',
      (d) => {
        d.stageOutputs[0].year = 1850;
        return d;
      },
      'stageOutputs[0].year: expected a year between 1900 and 2100',
    ],
    [
      'alpha-2 country',
      (d) => {
        d.countries[0].code = 'CN';
        return d;
      },
      'countries[0].code: expected an ISO 3166-1 alpha-3 country code such as "CHN", got "CN"',
    ],
    [
      'duplicate country',
      (d) => {
        d.countries[1].code = 'CHN';
        return d;
      },
      'countries[1].code: expected a unique country code, got "CHN" again (first at countries[0])',
    ],
    [
      'unknown country',
      (d) => {
        d.stageOutputs[0].country = 'FRA';
        return d;
      },
      'stageOutputs[0].country: expected a country listed in countries, got "FRA"',
    ],
    [
      'unknown stage',
      (d) => {
        d.stageOutputs[0].stage = 'smelting';
        return d;
      },
      "stageOutputs[0].stage: expected a stage: 'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet', got \"smelting\"",
    ],
    [
      'share above 1',
      (d) => {
        delete d.stageOutputs[0].quantity;
        d.stageOutputs[0].share = 1.7;
        return d;
      },
      'stageOutputs[0].share: expected a fraction between 0 and 1, got 1.7',
    ],
    [
      'share as percent string',
      (d) => {
        delete d.stageOutputs[0].quantity;
        d.stageOutputs[0].share = '69%';
        return d;
      },
      'stageOutputs[0].share: expected a fraction between 0 and 1, got "69%"',
    ],
    [
      'neither quantity nor share',
      (d) => {
        delete d.stageOutputs[0].quantity;
        return d;
      },
      'stageOutputs[0]: expected exactly one of quantity and share, got neither',
    ],
    [
      'shares of a table above 1',
      (d) => {
        d.stageOutputs = [0.7, 0.5].map((share, i) => ({
          stage: 'mining',
          country: i === 0 ? 'CHN' : 'AUS',
          year: 2024,
          measure: 'production',
          share,
          provenance: { source: 'src-a', tag: 'reported' },
        }));
        return d;
      },
      'expected the shares of one table to sum to at most 1, got 1.2',
    ],
    [
      'duplicate stage row',
      (d) => {
        d.stageOutputs.push(clone(d.stageOutputs[0]));
        return d;
      },
      'stageOutputs[1].country: expected a unique row per source',
    ],
    [
      'amount NaN-like string',
      (d) => {
        d.stageOutputs[0].quantity.amount = 'NaN';
        return d;
      },
      'stageOutputs[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5"), got "NaN"',
    ],
    [
      'amount with exponent',
      (d) => {
        d.stageOutputs[0].quantity.amount = '2.7e5';
        return d;
      },
      'stageOutputs[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string',
    ],
    [
      'unknown unit',
      (d) => {
        d.stageOutputs[0].quantity.unit = 'Mt';
        return d;
      },
      "stageOutputs[0].quantity.unit: expected one of 't', 'kg', got \"Mt\"",
    ],
    [
      'unknown basis',
      (d) => {
        d.stageOutputs[0].quantity.basis = 'TREO';
        return d;
      },
      "stageOutputs[0].quantity.basis: expected one of 'REO', 'metal', 'product', got \"TREO\"",
    ],
    [
      'unknown element',
      (d) => {
        d.stageOutputs[0].elements = ['Nd', 'Fe'];
        return d;
      },
      'stageOutputs[0].elements[1]: expected a rare-earth element symbol',
    ],
    [
      'empty element list',
      (d) => {
        d.stageOutputs[0].elements = [];
        return d;
      },
      'stageOutputs[0].elements: expected a non-empty array of element symbols',
    ],
    [
      'unknown source reference',
      (d) => {
        d.stageOutputs[0].provenance.source = 'usgs-mcs-2099';
        return d;
      },
      'stageOutputs[0].provenance.source: expected the id of a source in sources, got "usgs-mcs-2099"',
    ],
    [
      'bad evidence tag',
      (d) => {
        d.stageOutputs[0].provenance.tag = 'guess';
        return d;
      },
      "stageOutputs[0].provenance.tag: expected one of 'reported', 'derived', 'estimate', got \"guess\"",
    ],
    [
      'derived without derivation',
      (d) => {
        d.stageOutputs[0].provenance = { source: 'src-a', tag: 'derived' };
        return d;
      },
      "stageOutputs[0].provenance.derivation: expected how the figure was derived (required when tag is 'derived'), got nothing",
    ],
    [
      'estimate without estimator',
      (d) => {
        d.stageOutputs[0].provenance = { source: 'src-a', tag: 'estimate' };
        return d;
      },
      "stageOutputs[0].provenance.estimatedBy: expected who made the estimate (required when tag is 'estimate'), got nothing",
    ],
    [
      'grade above 1',
      (d) => {
        d.deposits[0].estimates[0].grade = 4.12;
        return d;
      },
      'deposits[0].estimates[0].grade: expected a fraction between 0 and 1, got 4.12',
    ],
    [
      'distribution above 100%',
      (d) => {
        d.deposits[0].distribution.shares = { Ce: 0.6, La: 0.3, Nd: 0.2 };
        return d;
      },
      'deposits[0].distribution.shares: expected element shares of TREO summing to at most 1, got 1.1',
    ],
    [
      'stakes above 100%',
      (d) => {
        d.deposits[0].owners = [
          { name: 'A', homeCountry: 'AUS', stake: 0.6 },
          { name: 'B', homeCountry: 'CHN', stake: 0.5 },
        ];
        return d;
      },
      'deposits[0].owners: expected owner stakes summing to at most 1, got 1.1',
    ],
    [
      'owner home unknown',
      (d) => {
        d.deposits[0].owners[0].homeCountry = 'VGB';
        return d;
      },
      'deposits[0].owners[0].homeCountry: expected a country listed in countries, got "VGB"',
    ],
    [
      'latitude out of range',
      (d) => {
        d.deposits[0].location.latitude = 128;
        return d;
      },
      'deposits[0].location.latitude: expected a latitude between −90 and 90, got 128',
    ],
    [
      'unknown deposit type',
      (d) => {
        d.deposits[0].type = 'laterite';
        return d;
      },
      'deposits[0].type: expected one of',
    ],
    [
      'deposit links unknown facility',
      (d) => {
        d.deposits[0].facilities = ['nope'];
        return d;
      },
      'deposits[0].facilities[0]: expected the id of a facility, got "nope"',
    ],
    [
      'duplicate facility id',
      (d) => {
        d.facilities[1].id = 'fac-a';
        return d;
      },
      'facilities[1].id: expected a unique facility id, got "fac-a" again (first at facilities[0])',
    ],
    [
      'feedstock from downstream',
      (d) => {
        d.facilities[1].stage = 'magnet';
        return d;
      },
      'facilities[0].feedstock[0].facility: expected a facility at or before the separation stage, got "fac-b" (magnet)',
    ],
    [
      'feedstock cycle',
      (d) => {
        d.facilities[1].stage = 'separation';
        d.facilities[1].feedstock = [{ facility: 'fac-a' }];
        return d;
      },
      'expected feedstock links without a cycle, got fac-a <- fac-b <- fac-a',
    ],
    [
      'unknown feedstock facility',
      (d) => {
        d.facilities[0].feedstock[0].facility = 'ghost';
        return d;
      },
      'facilities[0].feedstock[0].facility: expected the id of a facility, got "ghost"',
    ],
    [
      'trade importer unknown',
      (d) => {
        d.tradeFlows[0].importer = 'JPN';
        return d;
      },
      'tradeFlows[0].importer: expected a country or region listed in the dataset, got "JPN"',
    ],
    [
      'trade without figures',
      (d) => {
        delete d.tradeFlows[0].quantity;
        delete d.tradeFlows[0].value;
        delete d.tradeFlows[0].share;
        return d;
      },
      'tradeFlows[0]: expected at least one of quantity, value and share, got none',
    ],
    [
      'bad HS code',
      (d) => {
        d.tradeFlows[0].commodity.hs = '28-46';
        return d;
      },
      'tradeFlows[0].commodity.hs: expected an HS code such as "2846.90", got "28-46"',
    ],
    [
      'bad currency',
      (d) => {
        d.tradeFlows[0].value.currency = 'dollars';
        return d;
      },
      'tradeFlows[0].value.currency: expected an ISO 4217 currency code such as "USD", got "dollars"',
    ],
    [
      'region collides with a country',
      (d) => {
        d.regions[0].code = 'CHN';
        return d;
      },
      'regions[0].code: expected a code that is not a country\'s, got "CHN"',
    ],
    [
      'governance scaled inconsistent',
      (d) => {
        d.countries[1].governance.scaled = 4;
        return d;
      },
      'countries[1].governance.scaled: expected (2.5 − mean) × 2 = 3, got 4',
    ],
    [
      'governance mean inconsistent',
      (d) => {
        d.countries[1].governance.mean = 0.5;
        d.countries[1].governance.scaled = 4;
        return d;
      },
      'countries[1].governance.mean: expected the mean of the six estimates, 1, got 0.5',
    ],
    [
      'WGI estimate out of range',
      (d) => {
        d.countries[1].governance.estimates.ruleOfLaw = 7;
        return d;
      },
      'countries[1].governance.estimates.ruleOfLaw: expected a WGI estimate between −3 and 3, got 7',
    ],
    [
      'balance NIR without share',
      (d) => {
        d.balances[0].item = 'net-import-reliance';
        delete d.balances[0].share;
        return d;
      },
      'balances[0].share: expected a share (or netExporter: true) for net import reliance, got nothing',
    ],
    [
      'balance without quantity',
      (d) => {
        delete d.balances[0].quantity;
        return d;
      },
      'balances[0].quantity: expected a quantity for imports, got nothing',
    ],
    [
      'unknown lifetime kind',
      (d) => {
        d.applications[0].lifetime.distribution = { kind: 'gamma', mean: 10 };
        return d;
      },
      'applications[0].lifetime.distribution.kind: expected one of "fixed", "normal", "foldedNormal", "logNormal", "weibull", got "gamma"',
    ],
    [
      'negative lifetime',
      (d) => {
        d.applications[0].lifetime.distribution = { kind: 'weibull', shape: -2, scale: 15 };
        return d;
      },
      'applications[0].lifetime.distribution.shape: expected a finite positive number, got -2',
    ],
    [
      'collection rate above 1',
      (d) => {
        d.applications[0].recycling.collectionRate = 1.5;
        return d;
      },
      'applications[0].recycling.collectionRate: expected a fraction between 0 and 1, got 1.5',
    ],
    [
      'schedule with bad year key',
      (d) => {
        d.applications[0].recycling.collectionRate = { kind: 'table', values: { soon: 0.5 } };
        return d;
      },
      'applications[0].recycling.collectionRate: expected a fraction, a table',
    ],
    [
      'content above 100%',
      (d) => {
        d.applications[0].content = [
          { element: 'Nd', fraction: 0.7, provenance: { source: 'src-a', tag: 'reported' } },
          { element: 'Pr', fraction: 0.4, provenance: { source: 'src-a', tag: 'reported' } },
        ];
        return d;
      },
      'applications[0].content: expected element fractions summing to at most 1, got 1.1',
    ],
    [
      'intensity change below -1',
      (d) => {
        d.applications[0].substitutions[0].intensityChange = { Nd: -2 };
        return d;
      },
      'applications[0].substitutions[0].intensityChange.Nd: expected a relative change of at least −1, got -2',
    ],
    [
      'demand for unknown application',
      (d) => {
        d.demand[0].application = 'hdd';
        return d;
      },
      'demand[0].application: expected the id of an application, got "hdd"',
    ],
    [
      'end use with bad NACE',
      (d) => {
        d.endUses[0].sector.code = '25';
        return d;
      },
      'endUses[0].sector.code: expected a NACE Rev. 2 code such as "C25", got "25"',
    ],
    [
      'price per pound',
      (d) => {
        d.prices[0].price.per = 'lb';
        return d;
      },
      "prices[0].price.per: expected one of 't', 'kg', got \"lb\"",
    ],
    [
      'duplicate criticality row',
      (d) => {
        d.criticality.push(clone(d.criticality[0]));
        return d;
      },
      'criticality[1].material: expected a unique material per assessment, got "EU CRM 2023|Nd" again',
    ],
    [
      '__proto__ key',
      (d) =>
        JSON.parse(
          JSON.stringify(d).replace('"name":"full"', '"__proto__":{"polluted":true},"name":"full"'),
        ),
      '__proto__: expected no "__proto__" key (it could reach an object prototype)',
    ],
    [
      'constructor key deep inside',
      (d) => {
        d.deposits[0].distribution.shares = JSON.parse('{"constructor": 0.1}');
        return d;
      },
      'deposits[0].distribution.shares.constructor: expected no "constructor" key',
    ],
    [
      'a cycle',
      (d) => {
        d.sources[0].self = d.sources[0];
        return d;
      },
      'sources[0].self: expected plain data, got an object that contains itself (a cycle)',
    ],
    // Issue 15, finding 5: negative quantities passed validation and failed deep in report.
    [
      'negative stage output',
      (d) => {
        d.stageOutputs[0].quantity.amount = -10000;
        return d;
      },
      'stageOutputs[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5"), got -10000',
    ],
    [
      'negative stage output as a decimal string',
      (d) => {
        d.stageOutputs[0].quantity.amount = '-0.5';
        return d;
      },
      'stageOutputs[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5"), got "-0.5"',
    ],
    [
      'negative facility capacity',
      (d) => {
        d.facilities[0].capacity[0].quantity.amount = -5000;
        return d;
      },
      'facilities[0].capacity[0].quantity.amount: expected a finite non-negative quantity',
    ],
    [
      'negative reserve',
      (d) => {
        d.reserves[0].quantity.amount = '-1';
        return d;
      },
      'reserves[0].quantity.amount: expected a finite non-negative quantity',
    ],
    [
      'negative world total',
      (d) => {
        d.worldTotals[0].quantity.amount = -390000;
        return d;
      },
      'worldTotals[0].quantity.amount: expected a finite non-negative quantity',
    ],
    [
      'two world totals for one table',
      (d) => {
        d.worldTotals.push({ ...d.worldTotals[0] });
        return d;
      },
      'worldTotals[1].year: expected a unique total per source, stage, measure, year and elements, got "src-a|mining|production|2024|Ce" again (first at worldTotals[0])',
    ],
    [
      'deep nesting',
      (d) => {
        let deep: unknown = 1;
        for (let i = 0; i < 40; i++) deep = [deep];
        d.extra = deep;
        return d;
      },
      'expected at most 32 levels of nesting, got deeper',
    ],
  ];

  test(`a corpus of ${cases.length} malformed inputs`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, mutate, message] of cases) {
    test(name, () => {
      let caught: unknown;
      try {
        parseDataset(mutate(base()));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RareEarthsError);
      expect((caught as RareEarthsError).code).toBe('invalid-input');
      expect((caught as RareEarthsError).message).toContain(message);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  test('random garbage never escapes as a raw TypeError (property)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withMap: true,
          withSet: true,
        }),
        (value) => {
          const result = safeParseDataset(value);
          return !result.success && isRareEarthsError(result.error);
        },
      ),
    );
  });

  test('thousands of problems are reported readably', () => {
    const data = base();
    data.stageOutputs = Array.from({ length: 500 }, () => ({ stage: 'x' }));
    const result = safeParseDataset(data);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(51);
      expect(result.error.issues[50]?.message).toMatch(/^and \d+ more problems$/);
    }
  });
});

describe('JSON Schema export, validated with ajv (an independent validator)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  test('the dataset schema accepts the full fixture and rejects a bad one', () => {
    const validate = ajv.compile(datasetJsonSchema());
    expect(validate(clone(fullDataset))).toBe(true);
    const bad = clone(fullDataset) as unknown as { countries: { code: string }[] };
    (bad.countries[0] as { code: string }).code = 'CN';
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/countries/0/code');
    expect(validate({ ...clone(fullDataset), extra: 1 })).toBe(false);
  });

  test('the dataset schema accepts the embedded baseline, and every preset scenario', () => {
    // A validator of its own: ajv refuses to compile the same $id twice.
    const own = new Ajv2020({ allErrors: true, strict: false });
    addFormats(own);
    const dataset = own.compile(datasetJsonSchema());
    const valid = dataset(JSON.parse(JSON.stringify(baseline)));
    expect(dataset.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const scenario = own.compile(scenarioJsonSchema());
    for (const preset of presets) {
      expect(scenario(JSON.parse(JSON.stringify(preset)))).toBe(true);
    }
  });

  test('the scenario schema accepts the full scenario and rejects a cut of 1.5', () => {
    const validate = ajv.compile(scenarioJsonSchema());
    expect(validate(clone(fullScenario))).toBe(true);
    const bad = clone(fullScenario) as unknown as { interventions: { cut?: number }[] };
    (bad.interventions[0] as { cut: number }).cut = 1.5;
    expect(validate(bad)).toBe(false);
    expect(scenarioSchema().safeParse(clone(fullScenario)).success).toBe(true);
  });

  test("the scenario schema takes an intervention's uncertainty (docs/examples/uncertainty/licences.json) and refuses a malformed one", () => {
    const own = new Ajv2020({ allErrors: true, strict: false });
    addFormats(own);
    const validate = own.compile(scenarioJsonSchema());
    const licences = JSON.parse(
      readFileSync(
        new URL('../../docs/examples/uncertainty/licences.json', import.meta.url),
        'utf8',
      ),
    );
    expect(validate(licences)).toBe(true);
    expect(parseScenario(licences, { dataset: baseline }).interventions[0]?.uncertainty).toEqual(
      licences.interventions[0].uncertainty,
    );
    licences.interventions[0].uncertainty.cut.kind = 'wide';
    expect(validate(licences)).toBe(false);
  });

  test('is draft 2020-12 with an id and a title, and built fresh on each call', () => {
    const schema = datasetJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:rare-earths:schema:dataset:1');
    expect(datasetJsonSchema()).not.toBe(schema);
    expect(datasetJsonSchema()).toEqual(schema);
  });
});
