import Papa from 'papaparse';
import { RareEarthsError } from '../errors/index.js';

/**
 * A trade file as the readers accept it: its whole text, a browser `Blob` or `File`, a web
 * `ReadableStream` of bytes (a `fetch` body, `file.stream()`), or any (async) iterable of byte or
 * text chunks (a Node `fs.createReadStream`, `process.stdin`). Bytes are read as UTF-8; a
 * byte-order mark is dropped.
 *
 * @category Trade
 */
export type TradeSource =
  | string
  | BlobLike
  | ByteStreamLike
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/**
 * A web `ReadableStream` of bytes, as far as the readers use it (typed structurally so that the
 * library's types name no DOM or Node global).
 *
 * @category Trade
 */
export interface ByteStreamLike {
  /** Locks the stream to a reader. */
  getReader(): ByteReaderLike;
}

/**
 * The reader of a {@link ByteStreamLike}.
 *
 * @category Trade
 */
export interface ByteReaderLike {
  /** The next chunk, or `done`. */
  read(): Promise<ByteReadResult>;
  /** Unlocks the stream. */
  releaseLock(): void;
}

/**
 * One read of a {@link ByteReaderLike}.
 *
 * @category Trade
 */
export interface ByteReadResult {
  /** Whether the stream has ended. */
  readonly done: boolean;
  /** The chunk of bytes, when not done. */
  readonly value?: Uint8Array | undefined;
}

/**
 * A `Blob` or `File`, as far as the readers use it.
 *
 * @category Trade
 */
export interface BlobLike {
  /** The contents as a stream of bytes. */
  stream(): ByteStreamLike;
}

/** A block of whole records, each with the line (1-based) it starts on. @internal */
export interface CsvBlock {
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

/** What the CSV layer reads, named in its errors. @internal */
export interface CsvContext {
  /** The public function, for errors. */
  readonly fn: string;
  /** The file's name, for errors. */
  readonly file: string;
  /** Progress: bytes (or characters, for text) read so far. */
  readonly onBytes?: (read: number) => void;
}

const BOM = '\uFEFF';

function fail(context: CsvContext, line: number, message: string): never {
  throw new RareEarthsError(context.fn, 'invalid-input', [
    { path: [context.file, `line ${line}`], message },
  ]);
}

function isByteStream(source: unknown): source is ByteStreamLike {
  return typeof (source as ByteStreamLike | null)?.getReader === 'function';
}

function isBlob(source: unknown): source is BlobLike {
  return typeof (source as BlobLike | null)?.stream === 'function';
}

async function* streamChunks(stream: ByteStreamLike): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value !== undefined) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The source as text chunks, decoded as UTF-8 (refusing bytes that are not), BOM dropped. */
async function* textChunks(source: TradeSource, context: CsvContext): AsyncGenerator<string> {
  if (typeof source === 'string') {
    context.onBytes?.(source.length);
    yield source.startsWith(BOM) ? source.slice(1) : source;
    return;
  }
  const chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> = isBlob(source)
    ? streamChunks(source.stream())
    : isByteStream(source)
      ? streamChunks(source)
      : source;
  // fatal: a byte sequence that is not UTF-8 is refused, not replaced with U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let read = 0;
  let first = true;
  try {
    for await (const chunk of chunks) {
      let text: string;
      if (typeof chunk === 'string') {
        read += chunk.length;
        text = chunk;
      } else {
        read += chunk.byteLength;
        text = decoder.decode(chunk, { stream: true });
      }
      if (first && text.length > 0) {
        first = false;
        if (text.startsWith(BOM)) text = text.slice(1);
      }
      context.onBytes?.(read);
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (error instanceof TypeError && /decod|encod/i.test(error.message)) {
      fail(context, 0, 'expected UTF-8 text, got bytes that are not UTF-8');
    }
    throw error;
  }
}

/**
 * The scan state across chunks: whether the cursor is inside a quoted field, the line it is on,
 * and the start line of the record being read. A newline outside quotes ends a record; an
 * escaped quote (`""`) toggles twice, so the parity rule holds (RFC 4180 §2).
 */
interface Scan {
  quoted: boolean;
  line: number;
  recordLine: number;
}

/**
 * Where the last whole record of `text` ends (the index of its newline, or −1), and the start
 * line of each whole record before it. The fields themselves are parsed by Papa Parse; this only
 * finds the record boundaries a chunk may cut through.
 */
function cutRecords(text: string, from: number, scan: Scan, lines: number[]): number {
  let cut = -1;
  let at = from;
  let nextQuote = text.indexOf('"', at);
  let nextNewline = text.indexOf('\n', at);
  while (nextNewline !== -1) {
    if (nextQuote !== -1 && nextQuote < nextNewline) {
      scan.quoted = !scan.quoted;
      at = nextQuote + 1;
      nextQuote = text.indexOf('"', at);
      continue;
    }
    if (!scan.quoted) {
      lines.push(scan.recordLine);
      scan.recordLine = scan.line + 1;
      cut = nextNewline;
    }
    scan.line += 1;
    at = nextNewline + 1;
    nextNewline = text.indexOf('\n', at);
  }
  // Quotes after the last newline still move the parity of the unfinished record.
  while (nextQuote !== -1) {
    scan.quoted = !scan.quoted;
    nextQuote = text.indexOf('"', nextQuote + 1);
  }
  return cut;
}

function parseBlock(
  text: string,
  lines: readonly number[],
  delimiter: string,
  context: CsvContext,
): CsvBlock {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  const result = Papa.parse<string[]>(body, {
    delimiter,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const error = result.errors[0];
  if (error !== undefined) {
    const line = lines[error.row ?? 0] ?? lines[0] ?? 0;
    fail(context, line, `expected well-formed CSV, got ${error.message.toLowerCase()}`);
  }
  if (result.data.length !== lines.length) {
    fail(
      context,
      lines[0] ?? 0,
      `expected ${lines.length} records in this part of the file, the CSV parser read ${result.data.length}`,
    );
  }
  return { rows: result.data, lines };
}

/**
 * The records of a CSV source, in blocks of whole records, each record with its start line.
 * The first record (the header) is in the first block. A quoted field may hold commas and
 * newlines. A field still quoted at the end of the file is an error (a truncated last line), as
 * is a record whose field count differs from the header's. Memory holds one chunk and one
 * block, whatever the file's size.
 *
 * @internal
 */
export async function* csvBlocks(
  source: TradeSource,
  delimiter: string,
  context: CsvContext,
): AsyncGenerator<CsvBlock> {
  const scan: Scan = { quoted: false, line: 1, recordLine: 1 };
  let pending = '';
  let width = -1;
  const check = (block: CsvBlock): CsvBlock => {
    const rows: (readonly string[])[] = [];
    const lines: number[] = [];
    block.rows.forEach((row, index) => {
      const line = block.lines[index] ?? 0;
      if (row.length === 1 && row[0] === '') return; // a blank line
      if (width === -1) width = row.length;
      else if (row.length !== width) {
        fail(
          context,
          line,
          `expected ${width} fields (as in the header), got ${row.length}${row.length < width ? ' (a truncated line?)' : ''}`,
        );
      }
      rows.push(row);
      lines.push(line);
    });
    return { rows, lines };
  };
  for await (const chunk of textChunks(source, context)) {
    const from = pending.length;
    pending += chunk;
    const lines: number[] = [];
    const cut = cutRecords(pending, from, scan, lines);
    if (cut === -1) continue;
    const block = parseBlock(pending.slice(0, cut), lines, delimiter, context);
    pending = pending.slice(cut + 1);
    yield check(block);
  }
  if (scan.quoted) {
    fail(
      context,
      scan.recordLine,
      'expected a closing quote before the end of the file, got none (a truncated last line?)',
    );
  }
  if (pending.length > 0 && pending !== '\r') {
    yield check(parseBlock(pending, [scan.recordLine], delimiter, context));
  }
}
