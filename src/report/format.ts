/**
 * Plain-text table formatting shared by the report and the command line.
 *
 * @internal
 * @packageDocumentation
 */
import { invalidArgument } from '../errors/index.js';

/** Column alignment: text left, numbers right. @internal */
export type Align = 'left' | 'right';

/**
 * A Markdown table whose columns are padded to a common width, so it reads as a table in a
 * terminal too. Columns whose every cell looks numeric are right-aligned unless `align` says.
 *
 * @internal
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const numeric = (text: string) => /^[-+]?[\d.,]+(%| pts)?$|^–$/.test(text);
  const aligns = header.map(
    (_, i) =>
      align?.[i] ??
      (rows.length > 0 && rows.every((row) => numeric(row[i] ?? '')) ? 'right' : 'left'),
  );
  const widths = header.map((title, i) =>
    Math.max(3, [...title].length, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...text].length));
    return aligns[i] === 'right' ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (aligns[i] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** One CSV field, quoted when needed (RFC 4180). @internal */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (RFC 4180: CRLF line ends). @internal */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
}

/**
 * Check the options object of a render or chart function, and its `names` (display names keyed by
 * country or region code, each a string).
 *
 * @internal
 */
export function checkRenderOptions(fn: string, options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    invalidArgument(fn, ['options'], 'an options object', options);
  }
  const names = (options as { readonly names?: unknown }).names;
  if (names === undefined) return;
  if (typeof names !== 'object' || names === null || Array.isArray(names)) {
    invalidArgument(fn, ['options', 'names'], 'a record of display names keyed by code', names);
  }
  for (const [code, label] of Object.entries(names as object)) {
    if (typeof label !== 'string')
      invalidArgument(fn, ['options', 'names', code], 'a string', label);
  }
}

/**
 * Check that `value`, the output of another library function passed back in, is an object with
 * the given array and object fields: the renderers trust its contents, but a wrong value from
 * untyped JavaScript should get an error naming it rather than a `TypeError` deep inside.
 *
 * @internal
 */
export function checkOutputShape(
  fn: string,
  name: string,
  value: unknown,
  expected: string,
  fields: { readonly arrays?: readonly string[]; readonly objects?: readonly string[] },
): void {
  const record = value as Readonly<Record<string, unknown>> | null;
  const wrong =
    typeof record !== 'object' ||
    record === null ||
    (fields.arrays ?? []).some((field) => !Array.isArray(record[field])) ||
    (fields.objects ?? []).some(
      (field) => typeof record[field] !== 'object' || record[field] === null,
    );
  if (wrong) invalidArgument(fn, [name], expected, value);
}
