/**
 * The `rare-earths` command. The only room that may touch Node built-ins; everything it prints
 * is computed by the library's public functions.
 *
 * @internal
 * @packageDocumentation
 */
import { parseArgs } from 'node:util';
import {
  element,
  elementSymbols,
  isRareEarthsError,
  metalToOxide,
  oxideToMetal,
} from '../index.js';

/**
 * Where the command writes, and whether its output is a terminal (colour only then).
 *
 * @internal
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

/** @internal */
export interface CliInfo {
  readonly version: string;
}

interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => number;
}

class UsageError extends Error {}

const FORMATS = ['md', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'md';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${value}'`);
}

/** Render rows as an aligned Markdown table, numbers right-aligned. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = header.map((_, column) =>
    rows.every((row) => /^-?[\d.,]+$/.test(row[column] ?? '')),
  );
  const cell = (text: string, column: number) =>
    numeric[column] ? text.padStart(widths[column] ?? 0) : text.padEnd(widths[column] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n');
}

const elementsCommand: Command = {
  name: 'elements',
  summary: 'list the 17 rare-earth elements with atomic weights, oxides, factors and groups',
  usage: 'rare-earths elements [--format md|json|csv]',
  run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { format: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    });
    const format = parseFormat(values.format);
    const records = elementSymbols().map((symbol) => {
      const record = element(symbol);
      return {
        ...record,
        oxideToMetal: oxideToMetal(symbol),
        metalToOxide: metalToOxide(symbol),
      };
    });
    if (format === 'json') {
      io.stdout(`${JSON.stringify(records, null, 2)}\n`);
      return 0;
    }
    const header = [
      'Z',
      'symbol',
      'name',
      'atomic weight',
      'oxide',
      'oxide→metal',
      'metal→oxide',
      'USGS',
      'EU',
    ];
    const rows = records.map((record) => [
      String(record.atomicNumber),
      record.symbol,
      record.name,
      record.atomicWeight,
      record.oxide.formula,
      record.oxideToMetal.toFixed(4),
      record.metalToOxide.toFixed(4),
      record.groups.usgs,
      record.groups.eu,
    ]);
    io.stdout(`${format === 'csv' ? csvTable(header, rows) : markdownTable(header, rows)}\n`);
    return 0;
  },
};

const COMMANDS: readonly Command[] = [elementsCommand];

function helpText(info: CliInfo): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    `rare-earths ${info.version}: the rare-earth supply chain, deposit to magnet`,
    '',
    'Usage: rare-earths <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help, -h     show help (also: rare-earths <command> --help)',
    '  --version, -v  print the version',
    '',
  ].join('\n');
}

/**
 * Run the command line with the given arguments (without `node` and the script path) and return
 * the exit code: 0 on success, 1 when the work failed, 2 for a usage error.
 *
 * @internal
 */
export function main(argv: readonly string[], io: CliIo, info: CliInfo): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic =
      first === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic === undefined ? helpText(info) : `Usage: ${topic.usage}\n\n${topic.summary}\n`);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${info.version}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command === undefined) {
    io.stderr(`rare-earths: unknown command '${first}'\nRun 'rare-earths --help' for usage.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return command.run(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(
        `rare-earths ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`,
      );
      return 2;
    }
    if (isRareEarthsError(error)) {
      io.stderr(`rare-earths ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
