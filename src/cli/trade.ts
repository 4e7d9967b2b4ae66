/**
 * The trade commands of the CLI: `import comtrade|baci FILE…` and `report --trade FILE`. Files
 * are streamed from disk; progress goes to stderr on a terminal.
 *
 * @internal
 * @packageDocumentation
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Dataset, Source } from '../index.js';
import { markdownTable } from '../report/internal.js';
import {
  type BaciCountries,
  importTrade,
  type MirrorPreference,
  readBaciCountries,
  type TradeImport,
  tradeConcentration,
} from '../trade/index.js';

/** A mistake in how the command was called: exit 2 with the usage. @internal */
export class UsageError extends Error {}
/** A problem with the user's files or data: exit 1 with the reason. @internal */
export class InputError extends Error {}

/** What the trade commands need from their caller. @internal */
export interface TradeIo {
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY?: boolean;
}

/** @internal */
export interface ImportRequest {
  readonly format: 'comtrade' | 'baci';
  readonly files: readonly string[];
  readonly countries?: string;
  readonly prefer?: MirrorPreference;
  readonly years?: { readonly from?: number; readonly to?: number };
  readonly unallocated?: 'other';
  readonly sourceId?: string;
}

function checkFile(file: string): { size: number; modified: Date } {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(`${file}: not a file`);
    return { size: stat.size, modified: stat.mtime };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
}

/** The source record of a downloaded file: what is known about it, and what is assumed. */
function fileSource(
  format: 'comtrade' | 'baci',
  file: string,
  modified: Date,
  id: string | undefined,
): Source {
  const name = basename(file);
  const date = modified.toISOString().slice(0, 10);
  return {
    id:
      id ??
      `${format}-${name
        .replace(/\.[^.]+$/, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .toLowerCase()}`,
    title: `${format === 'comtrade' ? 'UN Comtrade' : 'CEPII BACI'} download: ${name}`,
    publisher: format === 'comtrade' ? 'UN Statistics Division' : 'CEPII',
    year: modified.getUTCFullYear(),
    published: date,
    note: `Imported by \`rare-earths import ${format}\` from ${name}. Year and date are the file's modification time (${date}), taken as the download date: the file does not state its release.`,
  };
}

function yearsOption(value: unknown): { from?: number; to?: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})?(?:(-)(\d{4})?)?$/.exec(String(value));
  if (match === null || (match[1] === undefined && match[3] === undefined)) {
    throw new UsageError(`--years must be YYYY, YYYY-YYYY, YYYY- or -YYYY, got '${String(value)}'`);
  }
  const from = match[1] === undefined ? undefined : Number(match[1]);
  const to = match[2] === undefined ? from : match[3] === undefined ? undefined : Number(match[3]);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** The options of `import` and `report --trade`, checked. @internal */
export function importRequest(
  format: string,
  files: readonly string[],
  values: Readonly<Record<string, string | boolean | undefined>>,
): ImportRequest {
  if (format !== 'comtrade' && format !== 'baci') {
    throw new UsageError(`the format must be comtrade or baci, got '${format}'`);
  }
  if (files.length === 0) throw new UsageError('at least one FILE is required');
  const prefer = values.prefer;
  if (prefer !== undefined && prefer !== 'importer' && prefer !== 'exporter' && prefer !== 'both') {
    throw new UsageError(`--prefer must be importer, exporter or both, got '${String(prefer)}'`);
  }
  if (format === 'baci' && values.countries === undefined) {
    throw new UsageError("--countries FILE (the release's country_codes CSV) is required for baci");
  }
  if (format === 'comtrade' && values.countries !== undefined) {
    throw new UsageError(
      '--countries is for baci files (Comtrade files name countries by ISO code)',
    );
  }
  const unallocated = values.unallocated;
  if (unallocated !== undefined && unallocated !== 'other') {
    throw new UsageError(`--unallocated must be other, got '${String(unallocated)}'`);
  }
  if (values['source-id'] !== undefined && files.length > 1) {
    throw new UsageError(
      '--source-id names one file; import several files without it (each gets its own id)',
    );
  }
  const years = yearsOption(values.years);
  return {
    format,
    files,
    ...(values.countries === undefined ? {} : { countries: String(values.countries) }),
    ...(prefer === undefined ? {} : { prefer }),
    ...(years === undefined ? {} : { years }),
    ...(unallocated === undefined ? {} : { unallocated }),
    ...(values['source-id'] === undefined ? {} : { sourceId: String(values['source-id']) }),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Reads every file of the request, or throws: nothing is half-imported. @internal */
export async function importFiles(request: ImportRequest, io: TradeIo): Promise<TradeImport[]> {
  let countries: BaciCountries | undefined;
  if (request.countries !== undefined) {
    checkFile(request.countries);
    countries = await readBaciCountries(readFileSync(request.countries, 'utf8'), {
      file: basename(request.countries),
    });
  }
  const imports: TradeImport[] = [];
  for (const file of request.files) {
    const { size, modified } = checkFile(file);
    const progress =
      io.stderrIsTTY === true
        ? (p: { bytes: number; rows: number }) =>
            io.stderr(
              `\r\u001b[Kreading ${basename(file)}: ${megabytes(p.bytes)} of ${megabytes(size)}, ${p.rows.toLocaleString('en-US')} rows`,
            )
        : undefined;
    imports.push(
      await importTrade(createReadStream(file, { highWaterMark: 1 << 20 }), {
        format: request.format,
        file: basename(file),
        source: fileSource(request.format, file, modified, request.sourceId),
        ...(countries === undefined ? {} : { countries }),
        ...(request.prefer === undefined ? {} : { prefer: request.prefer }),
        ...(request.years === undefined ? {} : { years: request.years }),
        ...(request.unallocated === undefined ? {} : { unallocatedPartners: request.unallocated }),
        ...(progress === undefined ? {} : { onProgress: progress }),
      }),
    );
    if (io.stderrIsTTY === true) io.stderr('\r\u001b[K');
  }
  return imports;
}

/** What `import` prints: per file, what was read, kept and left out; gaps; assumptions. @internal */
export function importSummary(
  imports: readonly TradeImport[],
  merged: Dataset,
  base: Dataset,
  out: string,
): string {
  const lines: string[] = [];
  for (const imported of imports) {
    const { summary } = imported;
    lines.push(
      `${summary.file}: ${summary.rows.toLocaleString('en-US')} rows read, ${summary.kept.toLocaleString('en-US')} kept, ${imported.flows.length} flows (source id ${imported.source.id})`,
    );
    for (const [reason, count] of Object.entries(summary.skipped))
      lines.push(`  left out: ${count.toLocaleString('en-US')} × ${reason}`);
    if (imported.gaps.length > 0) {
      const widest = imported.gaps.filter((gap) => gap.valueGap !== undefined).slice(0, 3);
      lines.push(
        `  mirror flows: ${imported.gaps.length} reported by both sides; widest value gaps:`,
      );
      for (const gap of widest) {
        lines.push(
          `    ${gap.exporter} → ${gap.importer} ${gap.year} HS ${gap.hs}: importer's value ${((gap.valueGap ?? 0) * 100).toFixed(1)}% from the exporter's`,
        );
      }
    }
    for (const assumption of imported.assumptions) lines.push(`  - ${assumption}`);
  }
  const added = merged.countries.length - base.countries.length;
  lines.push(
    `${out}: ${merged.tradeFlows?.length ?? 0} trade flows (${imports.reduce((n, i) => n + i.flows.length, 0)} imported), ${added} countries added; a valid dataset`,
  );
  return `${lines.join('\n')}\n`;
}

/** The header of a trade file decides its format: BACI's is `t,i,j,k,v,q`. @internal */
export function detectFormat(file: string): 'comtrade' | 'baci' {
  checkFile(file);
  // The header only: a trade file may be gigabytes.
  const bytes = new Uint8Array(4096);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, length));
  const header = (head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '')
    .toLowerCase()
    .replaceAll('"', '');
  return header
    .split(',')
    .map((c) => c.trim())
    .join(',') === 't,i,j,k,v,q'
    ? 'baci'
    : 'comtrade';
}

/** The report's trade section: import concentration by partner, per importer × code × year. @internal */
export function tradeSection(
  imports: readonly TradeImport[],
  dataset: Dataset,
  names: Readonly<Record<string, string>>,
): string {
  const flows = imports.flatMap((imported) => imported.flows);
  const regions = (dataset.regions ?? []).filter((region) => region.code === 'EU27');
  const rows = [
    ...tradeConcentration(flows),
    ...tradeConcentration(flows, { regions, importers: regions.map((r) => r.code) }),
  ];
  const usd = (x: number) => `${Math.round(x).toLocaleString('en-US')}`;
  const table = rows.map((row) => [
    names[row.importer] ?? row.importer,
    `${row.hs}${row.stage === undefined ? '' : ` (${row.stage})`}`,
    String(row.year),
    usd(row.total),
    String(row.partners),
    `${names[row.top.exporter] ?? row.top.exporter} ${(row.top.share * 100).toFixed(1)}%`,
    Math.round(row.hhi * 10_000).toLocaleString('en-US'),
  ]);
  return [
    '',
    `## Trade: import concentration by partner (${imports.map((i) => i.summary.file).join(', ')})`,
    '',
    table.length === 0
      ? 'No flows of the rare-earth codes in the file.'
      : markdownTable(
          [
            'Importer',
            'HS code',
            'Year',
            'Imports (US$)',
            'Partners',
            'Top partner',
            'HHI (points)',
          ],
          table,
        ),
    '',
    ...(regions.length > 0
      ? ['EU27 counts extra-EU imports of its members (flows between members left out).', '']
      : []),
    ...[...new Set(imports.flatMap((i) => i.assumptions))].map((a) => `- ${a}`),
    '',
  ].join('\n');
}
