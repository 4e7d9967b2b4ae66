/**
 * A cheap check, at the boundary of each chain function, that the dataset argument has the shape
 * the function reads. The chain functions take a dataset as `parseDataset` returns it (or
 * `baseline`) and do not validate its contents again; but from untyped JavaScript a wrong value
 * (`null`, a number where an array belongs, a record without provenance, a BigInt year) would
 * otherwise surface as a `TypeError` deep inside. This walks the collections a function reads
 * once, checking only the fields it dereferences or computes with, so that such a value gets a
 * {@link RareEarthsError} naming its path.
 *
 * @internal
 * @packageDocumentation
 */
import { invalidArgument } from '../errors/index.js';
import type { Dataset } from '../model/index.js';

/** The collections a chain function may read. @internal */
export type ChainCollection = 'stageOutputs' | 'balances' | 'tradeFlows' | 'facilities';

/** What a field must hold; a `records` kind is an array of records (or nothing) with these fields. */
type Kind =
  | 'string'
  | 'string?'
  | 'number'
  | 'number?'
  | 'object'
  | 'object?'
  | 'strings?'
  | 'provenance'
  | { readonly records: Spec };
type Spec = readonly (readonly [string, Kind])[];

const FIGURES: Kind = {
  records: [
    ['year', 'number?'],
    ['quantity', 'object'],
    ['elements', 'strings?'],
  ],
};

// The fields of a source that tables, notes and the newest-source rule read.
const SOURCE: Spec = [
  ['id', 'string'],
  ['title', 'string'],
  ['year', 'number'],
  ['edition', 'string?'],
  ['published', 'string?'],
];

// The fields each collection's records must have for the chain functions to read them.
const FIELDS: Readonly<Record<ChainCollection, Spec>> = {
  stageOutputs: [
    ['country', 'string'],
    ['year', 'number'],
    ['share', 'number?'],
    ['elements', 'strings?'],
    ['provenance', 'provenance'],
  ],
  balances: [
    ['country', 'string'],
    ['year', 'number'],
    ['share', 'number?'],
    ['commodity', 'object'],
    ['provenance', 'provenance'],
  ],
  tradeFlows: [
    ['exporter', 'string'],
    ['importer', 'string'],
    ['year', 'number?'],
    ['share', 'number?'],
    ['commodity', 'object'],
    ['elements', 'strings?'],
    ['period', 'object?'],
    ['provenance', 'provenance'],
  ],
  facilities: [
    ['id', 'string'],
    ['country', 'string'],
    [
      'owners',
      {
        records: [
          ['homeCountry', 'string'],
          ['stake', 'number?'],
          ['via', 'string?'],
        ],
      },
    ],
    ['capacity', FIGURES],
    ['output', FIGURES],
    [
      'feedstock',
      {
        records: [
          ['facility', 'string?'],
          ['country', 'string?'],
          ['share', 'number?'],
        ],
      },
    ],
    ['provenance', 'provenance'],
  ],
};

const EXPECTED: Readonly<Record<Exclude<Kind, { readonly records: Spec }>, string>> = {
  string: 'a string',
  'string?': 'a string or nothing',
  number: 'a number',
  'number?': 'a number or nothing',
  object: 'an object',
  'object?': 'an object or nothing',
  'strings?': 'an array of strings or nothing',
  provenance: 'a provenance object with a source id',
};

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value fits a plain (non-records) kind. */
function fits(kind: Exclude<Kind, { readonly records: Spec }>, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'object':
      return isObject(value);
    case 'provenance':
      return isObject(value) && typeof value.source === 'string';
    case 'strings?':
      return (
        value === undefined ||
        (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      );
    default:
      // 'string?', 'number?', 'object?': absent, or of the kind without the question mark.
      return value === undefined || fits(kind.slice(0, -1) as 'string', value);
  }
}

function checkRecords(
  fn: string,
  path: readonly (string | number)[],
  records: unknown,
  spec: Spec,
): void {
  if (records === undefined) return;
  if (!Array.isArray(records)) {
    invalidArgument(fn, path, 'an array of records or nothing', records);
  }
  records.forEach((record: unknown, i) => {
    if (!isObject(record)) invalidArgument(fn, [...path, i], 'a record', record);
    for (const [field, kind] of spec) {
      const value = record[field];
      if (typeof kind === 'object') checkRecords(fn, [...path, i, field], value, kind.records);
      else if (!fits(kind, value)) invalidArgument(fn, [...path, i, field], EXPECTED[kind], value);
    }
  });
}

/**
 * Check that `dataset` is shaped like a dataset where a chain function reads it: an object whose
 * `sources` are records with an id and a title, and whose `collections` are absent or arrays of records with
 * the fields the chain reads. Throws a {@link RareEarthsError} (`invalid-argument`) naming the
 * first path that is wrong.
 *
 * @internal
 */
export function checkDataset(
  fn: string,
  dataset: unknown,
  collections: readonly ChainCollection[],
): asserts dataset is Dataset {
  if (!isObject(dataset)) {
    invalidArgument(fn, ['dataset'], 'a dataset (as parseDataset returns it)', dataset);
  }
  const { sources } = dataset;
  if (!Array.isArray(sources)) {
    invalidArgument(fn, ['dataset', 'sources'], 'an array of sources', sources);
  }
  checkRecords(fn, ['dataset', 'sources'], sources, SOURCE);
  for (const collection of collections) {
    checkRecords(fn, ['dataset', collection], dataset[collection], FIELDS[collection]);
  }
}
