/**
 * zod schemas for datasets and scenarios. Every schema is built inside a function, never at
 * module scope, so importing anything else from the library never constructs (or bundles) zod.
 * Messages follow the library's form: `expected …, got …`.
 *
 * @packageDocumentation
 */
import * as z from 'zod';
import { elementSymbols } from '../elements/index.js';
import { describeValue } from '../errors/index.js';
import type { Scenario } from './scenario-types.js';
import { STAGES, stageNamesExpected } from './stages.js';
import type { Dataset, LifetimeParameters } from './types.js';

/** The message maker for one phrase: `expected <phrase>, got <value>`. */
function expected(phrase: string): (issue: { input?: unknown }) => string {
  return (issue) => `expected ${phrase}, got ${describeInput(issue.input)}`;
}

/** Describe a received value; a missing field says so. @internal */
export function describeInput(value: unknown): string {
  return value === undefined ? 'nothing (the field is missing)' : describeValue(value);
}

function text() {
  const error = expected('a non-empty string');
  return z.string({ error }).min(1, { error });
}

function id() {
  const error = expected('an id of letters, digits, ".", "_" or "-" (at most 100 characters)');
  return z
    .string({ error })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error })
    .max(100, { error });
}

function finite() {
  return z.number({ error: expected('a finite number') });
}

function nonNegative() {
  const error = expected('a finite non-negative number');
  return z.number({ error }).min(0, { error });
}

function positive() {
  const error = expected('a finite positive number');
  return z.number({ error }).positive({ error });
}

function fraction() {
  const error = expected('a fraction between 0 and 1');
  return z.number({ error }).min(0, { error }).max(1, { error });
}

function year() {
  const error = expected('a year between 1900 and 2100 (an integer)');
  return z.number({ error }).int({ error }).min(1900, { error }).max(2100, { error });
}

function numeric() {
  const error = expected('a finite number or a plain decimal string such as "12.5"');
  return z.union(
    [
      z.number({ error }),
      z
        .string({ error })
        .regex(/^[+-]?\d+(\.\d+)?$/, { error })
        .max(400, { error }),
    ],
    {
      error,
    },
  );
}

// A quantity in a dataset (an output, a capacity, a reserve, a flow) cannot be negative; a
// negative one would pass here and only fail deep inside an index, far from the record.
function nonNegativeNumeric() {
  const error = expected(
    'a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5")',
  );
  return z.union(
    [
      z.number({ error }).min(0, { error }),
      z
        .string({ error })
        .regex(/^\+?\d+(\.\d+)?$/, { error })
        .max(400, { error }),
    ],
    { error },
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.map((v) => `'${v}'`).join(', ')}`) });
}

function countryCode() {
  const error = expected('an ISO 3166-1 alpha-3 country code such as "CHN"');
  return z.string({ error }).regex(/^[A-Z]{3}$/, { error });
}

function supplierCode() {
  const error = expected('an ISO 3166-1 alpha-3 country code or "other"');
  return z.string({ error }).regex(/^([A-Z]{3}|other)$/, { error });
}

function importerCode() {
  const error = expected('a country or region code such as "USA" or "EU27"');
  return z.string({ error }).regex(/^[A-Z][A-Z0-9]{1,7}$/, { error });
}

function currencyCode() {
  const error = expected('an ISO 4217 currency code such as "USD"');
  return z.string({ error }).regex(/^[A-Z]{3}$/, { error });
}

function elementSymbol() {
  const symbols = elementSymbols() as [string, ...string[]];
  return z.enum(symbols as unknown as readonly [ElementLiteral, ...ElementLiteral[]], {
    error: expected(`a rare-earth element symbol (${symbols.join(', ')})`),
  });
}

type ElementLiteral = ReturnType<typeof elementSymbols>[number];

function elements() {
  const error = expected('a non-empty array of element symbols');
  return z.array(elementSymbol(), { error }).min(1, { error });
}

// 'refining' is the everyday word for separation (StageName): read as 'separation'.
function stage() {
  return z
    .enum([...STAGES, 'refining'], {
      error: expected(`a stage: ${stageNamesExpected()}`),
    })
    .transform((name) => (name === 'refining' ? 'separation' : name));
}

function stages() {
  const error = expected('a non-empty array of stages');
  return z.array(stage(), { error }).min(1, { error });
}

function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: expected(`an array of ${what}`) });
}

function yearKey() {
  const error = expected('a year (four digits) as key');
  return z.string({ error }).regex(/^\d{4}$/, { error });
}

function provenance() {
  return z.strictObject(
    {
      source: id(),
      tag: oneOf(['reported', 'derived', 'estimate']),
      locator: text().exactOptional(),
      derivation: text().exactOptional(),
      estimatedBy: text().exactOptional(),
      note: text().exactOptional(),
    },
    { error: expected('a provenance object { source, tag }') },
  );
}

function uncertaintyShape() {
  const basis = {
    basis: text(),
    source: id().exactOptional(),
    group: id().exactOptional(),
  };
  const bounds = { low: finite(), mode: finite(), high: finite() };
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('uniform'), low: finite(), high: finite(), ...basis }),
      z.strictObject({ kind: z.literal('triangular'), ...bounds, ...basis }),
      z.strictObject({ kind: z.literal('pert'), ...bounds, ...basis }),
      z.strictObject({ kind: z.literal('normal'), mean: finite(), sd: nonNegative(), ...basis }),
      z.strictObject({
        kind: z.literal('lognormal'),
        mean: positive(),
        sd: nonNegative(),
        ...basis,
      }),
      z.strictObject({
        kind: z.literal('values'),
        values: z
          .array(finite(), { error: expected('an array of at least two numbers') })
          .min(2, { error: expected('an array of at least two numbers') }),
        ...basis,
      }),
    ],
    {
      error: expected(
        "an uncertainty with kind 'uniform', 'triangular', 'pert', 'normal', 'lognormal' or 'values'",
      ),
    },
  );
}

function massValue(sign: 'non-negative' | 'signed' = 'non-negative') {
  return z.strictObject(
    {
      amount: sign === 'signed' ? numeric() : nonNegativeNumeric(),
      unit: oneOf(['t', 'kg']),
      basis: oneOf(['REO', 'metal', 'product']),
      element: elementSymbol().exactOptional(),
      oxide: text().exactOptional(),
      product: text().exactOptional(),
    },
    { error: expected('a mass { amount, unit, basis }') },
  );
}

function moneyValue() {
  return z.strictObject(
    { amount: numeric(), currency: currencyCode() },
    { error: expected('money { amount, currency }') },
  );
}

// A schedule of numbers or of fractions: one builder, so the two cannot drift apart.
function scheduleOf(value: () => z.ZodNumber, noun: 'number' | 'fraction') {
  const error = expected(
    `a ${noun}, a table { kind: "table", values } or a ramp { kind: "ramp", from, to }`,
  );
  const point = z.strictObject(
    { year: year(), value: value() },
    { error: expected('{ year, value }') },
  );
  return z.union(
    [
      value(),
      z.strictObject({
        kind: z.literal('table'),
        values: z.record(yearKey(), value(), {
          error: expected(
            `an object of ${noun === 'number' ? 'values' : 'fractions'} keyed by year`,
          ),
        }),
        between: oneOf(['step', 'linear']).exactOptional(),
      }),
      z.strictObject({ kind: z.literal('ramp'), from: point, to: point }),
    ],
    { error },
  );
}

function schedule() {
  return scheduleOf(finite, 'number');
}

function fractionSchedule() {
  return scheduleOf(fraction, 'fraction');
}

function location() {
  const latitude = expected('a latitude between −90 and 90');
  const longitude = expected('a longitude between −180 and 180');
  return z.strictObject({
    latitude: z
      .number({ error: latitude })
      .min(-90, { error: latitude })
      .max(90, { error: latitude }),
    longitude: z
      .number({ error: longitude })
      .min(-180, { error: longitude })
      .max(180, { error: longitude }),
  });
}

function owner() {
  return z.strictObject({
    name: text(),
    homeCountry: countryCode(),
    stake: fraction().exactOptional(),
    via: text().exactOptional(),
    provenance: provenance().exactOptional(),
  });
}

function source() {
  return z.strictObject({
    id: id(),
    title: text(),
    publisher: text(),
    year: year(),
    authors: list(text(), 'names').exactOptional(),
    edition: text().exactOptional(),
    version: text().exactOptional(),
    published: z
      .string({ error: expected('a date YYYY, YYYY-MM or YYYY-MM-DD') })
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: expected('a date YYYY, YYYY-MM or YYYY-MM-DD') })
      .exactOptional(),
    url: z.url({ error: expected('a URL') }).exactOptional(),
    doi: z
      .string({ error: expected('a DOI such as "10.2873/725585"') })
      .regex(/^10\.\d{4,9}\/\S+$/, { error: expected('a DOI such as "10.2873/725585"') })
      .exactOptional(),
    copy: z
      .strictObject({ kind: oneOf(['primary', 'secondary']), description: text() })
      .exactOptional(),
    note: text().exactOptional(),
  });
}

function country() {
  const estimate = () => {
    const error = expected('a WGI estimate between −3 and 3');
    return z.number({ error }).min(-3, { error }).max(3, { error });
  };
  const scaledError = expected('a scaled governance value between 0 and 11');
  return z.strictObject({
    code: countryCode(),
    name: text(),
    groups: list(text(), 'group names').exactOptional(),
    governance: z
      .strictObject({
        estimates: z
          .strictObject({
            voiceAndAccountability: estimate(),
            politicalStability: estimate(),
            governmentEffectiveness: estimate(),
            regulatoryQuality: estimate(),
            ruleOfLaw: estimate(),
            controlOfCorruption: estimate(),
          })
          .exactOptional(),
        mean: estimate(),
        scaled: z
          .number({ error: scaledError })
          .min(0, { error: scaledError })
          .max(11, { error: scaledError }),
        year: year(),
        provenance: provenance(),
      })
      .exactOptional(),
  });
}

function region() {
  return z.strictObject({
    code: importerCode(),
    name: text(),
    members: list(countryCode(), 'country codes'),
  });
}

function stageOutput() {
  return z.strictObject({
    stage: stage(),
    country: supplierCode(),
    year: year(),
    elements: elements().exactOptional(),
    measure: oneOf(['production', 'capacity']),
    quantity: massValue().exactOptional(),
    share: fraction().exactOptional(),
    uncertainty: uncertaintyShape().exactOptional(),
    provenance: provenance(),
  });
}

function stageOutlook() {
  return z.strictObject({
    stage: stage(),
    country: supplierCode(),
    year: year(),
    case: text(),
    elements: elements().exactOptional(),
    measure: oneOf(['production', 'capacity']),
    quantity: massValue().exactOptional(),
    share: fraction().exactOptional(),
    provenance: provenance(),
  });
}

function worldTotal() {
  return z.strictObject({
    stage: stage(),
    year: year(),
    elements: elements().exactOptional(),
    measure: oneOf(['production', 'capacity']),
    quantity: massValue(),
    rounded: z.boolean({ error: expected('true or false') }).exactOptional(),
    uncertainty: uncertaintyShape().exactOptional(),
    provenance: provenance(),
  });
}

function reserve() {
  return z.strictObject({
    country: supplierCode(),
    year: year(),
    quantity: massValue(),
    provenance: provenance(),
  });
}

function status() {
  return oneOf([
    'producing',
    'construction',
    'commissioning',
    'development',
    'feasibility',
    'exploration',
    'permitted',
    'care-and-maintenance',
    'stalled',
    'closed',
  ]);
}

function facility() {
  const figure = z.strictObject({
    year: year().exactOptional(),
    quantity: massValue(),
    elements: elements().exactOptional(),
    provenance: provenance(),
  });
  return z.strictObject({
    id: id(),
    name: text(),
    country: countryCode(),
    stage: stage(),
    operator: text().exactOptional(),
    owners: list(owner(), 'owners').exactOptional(),
    status: status(),
    startYear: year().exactOptional(),
    location: location().exactOptional(),
    capacity: list(figure, 'capacity figures').exactOptional(),
    output: list(figure, 'output figures').exactOptional(),
    feedstock: list(
      z.strictObject({
        facility: id().exactOptional(),
        country: countryCode().exactOptional(),
        share: fraction().exactOptional(),
        provenance: provenance().exactOptional(),
      }),
      'feedstock links',
    ).exactOptional(),
    provenance: provenance(),
    note: text().exactOptional(),
  });
}

function deposit() {
  const estimate = z.strictObject({
    kind: oneOf(['resource', 'reserve']),
    category: oneOf([
      'measured',
      'indicated',
      'inferred',
      'measured-indicated',
      'total',
      'proved',
      'probable',
      'proved-probable',
    ]),
    ore: massValue(),
    grade: fraction(),
    contained: massValue().exactOptional(),
    cutOff: fraction().exactOptional(),
    year: year(),
    code: text().exactOptional(),
    provenance: provenance(),
  });
  return z.strictObject({
    id: id(),
    name: text(),
    country: countryCode(),
    location: location().exactOptional(),
    type: oneOf([
      'carbonatite',
      'ion-adsorption-clay',
      'monazite-placer',
      'alkaline-igneous',
      'peralkaline-igneous',
      'hydrothermal',
      'iron-oxide',
      'phosphorite',
      'other',
    ]),
    status: status(),
    operator: text().exactOptional(),
    owners: list(owner(), 'owners').exactOptional(),
    estimates: list(estimate, 'resource estimates').exactOptional(),
    distribution: z
      .strictObject({
        shares: z.partialRecord(elementSymbol(), fraction(), {
          error: expected('fractions of TREO keyed by element'),
        }),
        provenance: provenance(),
      })
      .exactOptional(),
    facilities: list(id(), 'facility ids').exactOptional(),
    provenance: provenance(),
    note: text().exactOptional(),
  });
}

function commodity() {
  const hsError = expected('an HS code such as "2846.90"');
  return z.strictObject({
    hs: z
      .string({ error: hsError })
      .regex(/^\d{4}(\.\d{2}(\.?\d{2,4})?)?$/, { error: hsError })
      .exactOptional(),
    stage: stage().exactOptional(),
    description: text(),
  });
}

function tradeFlow() {
  return z.strictObject({
    year: year().exactOptional(),
    period: z.strictObject({ from: year(), to: year() }).exactOptional(),
    exporter: supplierCode(),
    importer: importerCode(),
    commodity: commodity(),
    elements: elements().exactOptional(),
    quantity: massValue().exactOptional(),
    value: moneyValue().exactOptional(),
    share: fraction().exactOptional(),
    uncertainty: uncertaintyShape().exactOptional(),
    provenance: provenance(),
  });
}

function balance() {
  return z.strictObject({
    country: countryCode(),
    year: year(),
    commodity: commodity(),
    elements: elements().exactOptional(),
    item: oneOf([
      'production',
      'imports',
      'exports',
      'apparent-consumption',
      'net-import-reliance',
    ]),
    quantity: massValue().exactOptional(),
    share: fraction().exactOptional(),
    bound: oneOf(['greater-than', 'less-than']).exactOptional(),
    netExporter: z.boolean({ error: expected('true or false') }).exactOptional(),
    uncertainty: uncertaintyShape().exactOptional(),
    provenance: provenance(),
  });
}

/** The lifetime parameters (years). @internal */
export function lifetimeSchema(): z.ZodType<LifetimeParameters> {
  return lifetimeShape();
}

/** The lifetime schema with its inferred type, for the type-equality test. @internal */
export function lifetimeShape() {
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('fixed'), mean: nonNegative() }),
      z.strictObject({ kind: z.literal('normal'), mean: positive(), sd: positive() }),
      z.strictObject({ kind: z.literal('foldedNormal'), mean: finite(), sd: positive() }),
      z.strictObject({ kind: z.literal('logNormal'), mean: positive(), sd: positive() }),
      z.strictObject({ kind: z.literal('weibull'), shape: positive(), scale: positive() }),
    ],
    {
      error: expected(
        "a lifetime with kind 'fixed', 'normal', 'foldedNormal', 'logNormal' or 'weibull'",
      ),
    },
  );
}

function intensityChange() {
  const error = expected('a relative change of at least −1');
  return z.partialRecord(elementSymbol(), z.number({ error }).min(-1, { error }), {
    error: expected('changes keyed by element'),
  });
}

function application() {
  return z.strictObject({
    id: id(),
    name: text(),
    category: oneOf([
      'ev-traction-motors',
      'wind-turbines',
      'industrial-motors',
      'consumer-electronics',
      'catalysts',
      'glass-polishing',
      'metallurgy',
      'batteries',
      'ceramics',
      'other',
    ]),
    product: text().exactOptional(),
    content: list(
      z.strictObject({ element: elementSymbol(), fraction: fraction(), provenance: provenance() }),
      'element contents',
    ).exactOptional(),
    lifetime: z
      .strictObject({ distribution: lifetimeSchema(), provenance: provenance() })
      .exactOptional(),
    recycling: z
      .strictObject({
        collectionRate: fractionSchedule(),
        preprocessingYield: fractionSchedule(),
        processingYield: fractionSchedule(),
        provenance: provenance(),
      })
      .exactOptional(),
    substitutions: list(
      z.strictObject({
        id: id(),
        substitute: text(),
        shareSwitchable: fraction(),
        intensityChange: intensityChange(),
        performancePenalty: fraction().exactOptional(),
        costPenalty: nonNegative().exactOptional(),
        provenance: provenance(),
      }),
      'substitution options',
    ).exactOptional(),
    note: text().exactOptional(),
  });
}

function demandRecord() {
  return z.strictObject({
    year: year(),
    application: id().exactOptional(),
    elements: elements().exactOptional(),
    quantity: massValue(),
    scenario: text().exactOptional(),
    uncertainty: uncertaintyShape().exactOptional(),
    provenance: provenance(),
  });
}

function endUse() {
  return z.strictObject({
    element: elementSymbol(),
    use: text(),
    application: id().exactOptional(),
    share: fraction(),
    sector: z
      .strictObject({
        code: z
          .string({ error: expected('a NACE Rev. 2 code such as "C25"') })
          .regex(/^[A-U]\d{0,2}$/, { error: expected('a NACE Rev. 2 code such as "C25"') }),
        valueAdded: moneyValue().exactOptional(),
      })
      .exactOptional(),
    provenance: provenance(),
  });
}

function priceRecord() {
  return z.strictObject({
    product: text(),
    form: oneOf(['oxide', 'metal', 'alloy', 'concentrate', 'mischmetal', 'magnet']),
    elements: elements(),
    year: year(),
    price: z.strictObject({ amount: numeric(), currency: currencyCode(), per: oneOf(['t', 'kg']) }),
    provenance: provenance(),
  });
}

function exchangeRateRecord() {
  return z.strictObject({
    from: currencyCode(),
    to: currencyCode(),
    year: year(),
    rate: numeric(),
    provenance: provenance(),
  });
}

function criticalityResult() {
  return z.strictObject({
    assessment: text(),
    material: text(),
    supplyRisk: nonNegative(),
    economicImportance: nonNegative(),
    bottleneck: oneOf(['extraction', 'processing']).exactOptional(),
    supplyRiskExtraction: nonNegative().exactOptional(),
    supplyRiskProcessing: nonNegative().exactOptional(),
    substitutionIndexEi: fraction().exactOptional(),
    substitutionIndexSr: fraction().exactOptional(),
    importRelianceExtraction: fraction().exactOptional(),
    importRelianceProcessing: fraction().exactOptional(),
    eolRecyclingInputRate: fraction().exactOptional(),
    critical: z.boolean({ error: expected('true or false') }).exactOptional(),
    provenance: provenance(),
  });
}

function hsCode() {
  const error = expected('a tariff code such as "2846.90" or "2805.30.0050"');
  return z.strictObject({
    code: z.string({ error }).regex(/^\d{4}(\.\d{2}(\.?\d{2,4})?)?$/, { error }),
    nomenclature: oneOf(['HS', 'HTS-US', 'CN']),
    description: text(),
    scope: oneOf(['rare-earth', 'proxy']),
    provenance: provenance(),
  });
}

/**
 * The zod schema of a {@link Dataset}: the shape of every collection. Cross-record rules
 * (references, duplicate ids, shares and stakes that add up) are checked by
 * {@link parseDataset}, not by the schema alone.
 *
 * @category Model
 * @returns a fresh zod schema (built on each call; nothing is built at import time)
 * @example
 * ```ts
 * import { datasetSchema } from 'rare-earths';
 *
 * datasetSchema().safeParse({ schemaVersion: 1, name: 'empty', sources: [], countries: [] }).success; // => true
 * ```
 */
export function datasetSchema(): z.ZodType<Dataset> {
  return datasetShape();
}

/**
 * The dataset schema with the type zod infers, unannotated, so that a test can check that the
 * inferred type equals {@link Dataset} both ways. @internal
 */
export function datasetShape() {
  return z.strictObject(
    {
      schemaVersion: z.literal(1, { error: expected('schemaVersion 1') }),
      name: text(),
      description: text().exactOptional(),
      sources: list(source(), 'sources'),
      countries: list(country(), 'countries'),
      regions: list(region(), 'regions').exactOptional(),
      stageOutputs: list(stageOutput(), 'stage outputs').exactOptional(),
      worldTotals: list(worldTotal(), 'world totals').exactOptional(),
      outlooks: list(stageOutlook(), 'stage outlooks').exactOptional(),
      reserves: list(reserve(), 'reserves').exactOptional(),
      deposits: list(deposit(), 'deposits').exactOptional(),
      facilities: list(facility(), 'facilities').exactOptional(),
      tradeFlows: list(tradeFlow(), 'trade flows').exactOptional(),
      balances: list(balance(), 'balance records').exactOptional(),
      applications: list(application(), 'applications').exactOptional(),
      demand: list(demandRecord(), 'demand records').exactOptional(),
      endUses: list(endUse(), 'end-use shares').exactOptional(),
      prices: list(priceRecord(), 'prices').exactOptional(),
      exchangeRates: list(exchangeRateRecord(), 'exchange rates').exactOptional(),
      criticality: list(criticalityResult(), 'criticality results').exactOptional(),
      hsCodes: list(hsCode(), 'tariff codes').exactOptional(),
    },
    { error: expected('a dataset object') },
  );
}

function interventionBase() {
  return {
    id: id(),
    label: text().exactOptional(),
    note: text().exactOptional(),
    provenance: provenance().exactOptional(),
    uncertainty: z
      .record(z.string(), uncertaintyShape(), {
        error: expected("an object of uncertainties by the number's path (e.g. { cut: … })"),
      })
      .exactOptional(),
  };
}

function adoptionCurve() {
  const error = expected(
    'an adoption curve: { kind: "logistic", midpoint, rate, ceiling?, floor? }, a share, a table or a ramp',
  );
  return z.union(
    [
      z.strictObject({
        kind: z.literal('logistic'),
        midpoint: year(),
        rate: positive(),
        ceiling: fraction().exactOptional(),
        floor: fraction().exactOptional(),
      }),
      fractionSchedule(),
    ],
    { error },
  );
}

function intervention() {
  const exportRestriction = z.strictObject({
    ...interventionBase(),
    kind: z.literal('exportRestriction'),
    country: countryCode(),
    elements: elements().exactOptional(),
    stages: stages().exactOptional(),
    partners: list(importerCode(), 'country or region codes').exactOptional(),
    cut: fraction(),
    from: year(),
    to: year().exactOptional(),
  });
  const capacityChange = z.strictObject({
    ...interventionBase(),
    kind: z.literal('capacityChange'),
    facility: id().exactOptional(),
    country: countryCode().exactOptional(),
    stage: stage().exactOptional(),
    change: massValue('signed'),
    elements: elements().exactOptional(),
    ramp: z.strictObject({ from: year(), to: year() }),
  });
  const demandGrowth = z.strictObject({
    ...interventionBase(),
    kind: z.literal('demandGrowth'),
    application: id(),
    rate: schedule().exactOptional(),
    demand: schedule().exactOptional(),
    from: year(),
  });
  const recyclingPolicy = z.strictObject({
    ...interventionBase(),
    kind: z.literal('recyclingPolicy'),
    application: id(),
    from: year(),
    collectionRate: fractionSchedule().exactOptional(),
    preprocessingYield: fractionSchedule().exactOptional(),
    processingYield: fractionSchedule().exactOptional(),
    lifetime: lifetimeSchema().exactOptional(),
  });
  const substitution = z.strictObject({
    ...interventionBase(),
    kind: z.literal('substitution'),
    application: id(),
    substitute: text(),
    adoption: adoptionCurve(),
    intensityChange: intensityChange(),
  });
  const stockpile = z.strictObject({
    ...interventionBase(),
    kind: z.literal('stockpile'),
    holder: importerCode(),
    elements: elements().exactOptional(),
    stage: stage().exactOptional(),
    initial: massValue('signed').exactOptional(),
    build: z
      .strictObject({ perYear: massValue('signed'), from: year(), to: year() })
      .exactOptional(),
    release: z
      .strictObject({
        maxPerYear: massValue('signed'),
        trigger: z.literal('shortfall', { error: expected("'shortfall'") }),
        from: year(),
        to: year().exactOptional(),
      })
      .exactOptional(),
  });
  return z.discriminatedUnion(
    'kind',
    [exportRestriction, capacityChange, demandGrowth, recyclingPolicy, substitution, stockpile],
    {
      error: expected(
        "an intervention with kind 'exportRestriction', 'capacityChange', 'demandGrowth', 'recyclingPolicy', 'substitution' or 'stockpile'",
      ),
    },
  );
}

/**
 * The zod schema of a {@link Scenario}. Rules that need context (years inside the horizon,
 * references to the dataset, parents without cycles) are checked by {@link parseScenario}.
 *
 * @category Model
 * @returns a fresh zod schema
 * @example
 * ```ts
 * import { scenarioSchema } from 'rare-earths';
 *
 * const result = scenarioSchema().safeParse({ id: 'base', name: 'Baseline', horizon: { from: 2024, to: 2030 }, interventions: [] });
 * result.success; // => true
 * ```
 */
export function scenarioSchema(): z.ZodType<Scenario> {
  return scenarioShape();
}

/** The scenario schema with the type zod infers, for the type-equality test. @internal */
export function scenarioShape() {
  return z.strictObject(
    {
      id: id(),
      name: text(),
      description: text().exactOptional(),
      parent: id().exactOptional(),
      horizon: z.strictObject({ from: year(), to: year() }),
      interventions: list(intervention(), 'interventions'),
    },
    { error: expected('a scenario object') },
  );
}
