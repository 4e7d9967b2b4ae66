import * as z from 'zod';
import { type ElementSymbol, elementSymbols } from '../elements/index.js';
import { RareEarthsError } from '../errors/index.js';
import { guardInput } from './guard.js';
import type { StageReportData } from './report-types.js';
import { describeInput } from './schema.js';
import { STAGES, stageList } from './stages.js';

function expected(phrase: string): (issue: { input?: unknown }) => string {
  return (issue) => `expected ${phrase}, got ${describeInput(issue.input)}`;
}

/**
 * The zod schema of a {@link StageReportData}: what `rare-earths report --format json` prints.
 *
 * @category Model
 * @returns a fresh zod schema
 * @example
 * ```ts
 * import { stageReportSchema } from 'rare-earths';
 *
 * stageReportSchema().safeParse({ kind: 'stage-report' }).success; // => false
 * ```
 */
export function stageReportSchema(): z.ZodType<StageReportData> {
  return stageReportShape();
}

/** The report schema with the type zod infers, for the type-equality test. @internal */
export function stageReportShape() {
  const fraction = () =>
    z
      .number({ error: expected('a fraction between 0 and 1') })
      .min(0)
      .max(1);
  const nonNegative = () => z.number({ error: expected('a finite non-negative number') }).min(0);
  const year = () =>
    z
      .number({ error: expected('a year') })
      .int()
      .min(1900)
      .max(2100);
  const text = () => z.string({ error: expected('a non-empty string') }).min(1);
  const stage = () =>
    z.enum(STAGES, {
      error: expected(`a stage (${stageList()})`),
    });
  const code = () =>
    z
      .string({ error: expected('a country or region code, or "other"') })
      .regex(/^([A-Z][A-Z0-9]{1,7}|other)$/);
  const share = () => z.strictObject({ country: code(), share: fraction() });
  const element = () =>
    z.enum(elementSymbols() as unknown as readonly [ElementSymbol, ...ElementSymbol[]], {
      error: expected('a rare-earth element symbol'),
    });
  const decimal = () =>
    z.string().regex(/^-?\d+(\.\d+)?$/, { error: expected('a decimal string') });
  const mass = {
    amount: decimal(),
    unit: z.enum(['t', 'kg']),
    basis: z.enum(['REO', 'metal', 'product']),
  };
  const tableRef = {
    source: text(),
    year: year(),
    elements: z.array(element()).exactOptional(),
    rows: nonNegative().int(),
  };
  return z.strictObject({
    kind: z.literal('stage-report', { error: expected("kind 'stage-report'") }),
    version: z.literal(1, { error: expected('version 1') }),
    dataset: text(),
    year: year(),
    element: element().exactOptional(),
    stages: z.array(
      z.strictObject({
        stage: stage(),
        year: year(),
        source: text(),
        basis: z.enum(['quantities', 'shares']),
        total: z.strictObject(mass).exactOptional(),
        leader: share(),
        top: z.array(share()),
        hhi: fraction(),
        hhiUpper: fraction(),
        hhiPoints: nonNegative().max(10_000),
        band: text(),
        cr1: fraction(),
        cr3: fraction(),
        effectiveSuppliers: nonNegative(),
        residualShare: fraction(),
        tableChoice: z
          .strictObject({
            used: z.strictObject(tableRef),
            fallbackYear: z
              .strictObject({ requested: year(), used: year(), why: text() })
              .exactOptional(),
            leftOut: z.array(z.strictObject({ ...tableRef, reason: text(), why: text() })),
          })
          .exactOptional(),
        denominator: z
          .strictObject({
            used: z.enum(['rowSum', 'publishedWorldTotal', 'publishedShares']),
            total: z.strictObject(mass).exactOptional(),
            publishedWorldTotal: z.strictObject({ ...mass, rounded: z.boolean() }).exactOptional(),
            shareSum: nonNegative(),
            note: text(),
          })
          .exactOptional(),
      }),
    ),
    missingStages: z.array(z.strictObject({ stage: stage(), reason: text() })),
    chokepoint: z
      .strictObject({
        stage: stage(),
        hhi: fraction(),
        next: z.strictObject({ stage: stage(), margin: nonNegative() }).exactOptional(),
      })
      .exactOptional(),
    without: z.strictObject({
      excluded: z.array(code()),
      stages: z.array(z.strictObject({ stage: stage(), year: year(), shareOutside: fraction() })),
      limiting: z.strictObject({ stage: stage(), shareOutside: fraction() }).exactOptional(),
    }),
    reliance: z.array(
      z.strictObject({
        country: code(),
        commodity: text(),
        source: text(),
        computed: z.number().exactOptional(),
        method: text(),
        published: fraction().exactOptional(),
      }),
    ),
    sourcing: z.array(
      z.strictObject({
        importer: code(),
        tables: z.array(
          z.strictObject({
            commodity: text(),
            stage: stage().exactOptional(),
            elements: z.array(element()).exactOptional(),
            period: z.strictObject({ from: year(), to: year() }),
            shares: z.array(share()),
            hhi: fraction(),
            source: text(),
          }),
        ),
      }),
    ),
    assumptions: z.array(text()).exactOptional(),
    uncertainty: z
      .strictObject({
        draws: nonNegative().int(),
        seed: z.number().int(),
        quantiles: z.array(fraction()),
        figures: nonNegative().int(),
        groups: nonNegative().int(),
        assumptions: z.array(text()),
        bands: z.array(
          z.strictObject({
            stage: stage(),
            year: year(),
            subject: text(),
            metric: z.enum(['share', 'hhiPoints']),
            unit: z.enum(['fraction', 'points']),
            source: text(),
            band: z.strictObject({
              value: z.number(),
              mean: z.number(),
              min: z.number(),
              max: z.number(),
              quantiles: z.array(z.strictObject({ p: fraction(), value: z.number() })),
            }),
          }),
        ),
      })
      .exactOptional(),
    sources: z.array(
      z.strictObject({
        id: text(),
        title: text(),
        publisher: text(),
        year: year(),
        edition: text().exactOptional(),
        version: text().exactOptional(),
        url: text().exactOptional(),
      }),
    ),
  });
}

/**
 * Validate untrusted data (e.g. the JSON printed by `rare-earths report --format json`) as a
 * {@link StageReportData}.
 *
 * @category Model
 * @param json - a parsed JSON value
 * @returns the report, typed
 * @throws {@link RareEarthsError} (`invalid-input`) listing every problem with its path
 * @example
 * ```ts
 * import { parseStageReport } from 'rare-earths';
 *
 * let message = '';
 * try {
 *   parseStageReport({ kind: 'stage-report', version: 2 });
 * } catch (error) {
 *   message = (error as Error).message.split('\n')[1] ?? '';
 * }
 * message; // => '  version: expected version 1, got 2'
 * ```
 */
export function parseStageReport(json: unknown): StageReportData {
  const guarded = guardInput(json);
  if (guarded.length > 0) throw new RareEarthsError('parseStageReport', 'invalid-input', guarded);
  const result = stageReportSchema().safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  throw new RareEarthsError(
    'parseStageReport',
    'invalid-input',
    result.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message.startsWith('expected ')
        ? issue.message
        : `expected a valid value (${issue.message})`,
    })),
  );
}
