// CSV text for the downloads: RFC 4180 quoting, one header row.

function field(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV table: the header, then one line per row. */
export function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\n')}\n`;
}
