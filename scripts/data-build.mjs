// Generate the typed data modules of src/data/generated/ from the tables under data/.
//
//   node scripts/data-build.mjs           write src/data/generated/*.ts (npm run data:build)
//   node scripts/data-build.mjs --check   exit 1, naming the files, when they are not current
//
// data/tables.json lists the tables: one CSV file per collection of the baseline dataset, the
// model type of its records, which columns hold numbers, booleans or `;`-separated lists (every
// other column holds text), and the child tables that hold a record's lists of objects (a
// facility's owners, capacities, outputs and feedstock links; a deposit's owners and estimates).
// A column named `a.b` is the field `b` of the object `a`; an empty cell is an absent field; the
// column order is the field order of every record. data/presets.json holds the scenario presets
// as the JSON that ships in dist/data/presets.json.
//
// The CSV parsing happens here, at build time only: the generated modules are plain literals, so
// nothing is parsed when the package is imported. The full check of the records against the
// library's schemas (parseDataset) is a test: tests/data/tables.test.ts, which names the file
// and line of a failing row through `locate`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = 'src/data/generated';
const NUMBER = /^-?(?:\d+|\d*\.\d+)(?:[eE][-+]?\d+)?$/;

/** @typedef {string | number | boolean | JsonArray | JsonObject} Json */
/** @typedef {Json[]} JsonArray */
/** @typedef {{ [key: string]: Json }} JsonObject */
/**
 * @typedef {{ numbers?: string[], booleans?: string[], lists?: string[] }} Kinds
 * @typedef {Kinds & { field: string, file: string, parent: string, after: string | null }} ChildSpec
 * @typedef {Kinds & { collection: string, file: string, type: string, key?: string, children?: ChildSpec[] }} TableSpec
 * @typedef {{ file: string, line: number }} Origin
 * @typedef {Origin & { children: Record<string, Origin[]> }} RecordOrigin
 * @typedef {{ collections: Record<string, JsonObject[]>, origins: Record<string, RecordOrigin[]>, presets: JsonObject[], specs: TableSpec[] }} Tables
 */

/** An error in a table, named by file and line. */
export class TableError extends Error {
  /** @param {string} where @param {string} message */
  constructor(where, message) {
    super(`${where}: ${message}`);
    this.name = 'TableError';
  }
}

/** A path inside the repository, with forward slashes, for messages and headers. @param {string} root @param {string} file */
function rel(root, file) {
  return relative(root, file).split('\\').join('/');
}

/**
 * Parse one CSV file: its header and its rows, each with the line it starts on.
 * @param {string} root @param {string} file
 * @returns {{ name: string, columns: string[], rows: { line: number, cells: string[] }[] }}
 */
function readCsv(root, file) {
  const path = join(root, 'data', file);
  const name = rel(root, path);
  /** @type {{ record: string[], info: { lines: number } }[]} */
  let parsed;
  try {
    parsed = /** @type {typeof parsed} */ (
      /** @type {unknown} */ (parse(readFileSync(path, 'utf8'), { info: true }))
    );
  } catch (error) {
    const line = error instanceof Error && 'lines' in error ? String(error.lines) : '?';
    throw new TableError(`${name}:${line}`, error instanceof Error ? error.message : String(error));
  }
  const [header, ...rows] = parsed;
  if (header === undefined) throw new TableError(`${name}:1`, 'expected a header row');
  const columns = header.record;
  const seen = new Set();
  for (const column of columns) {
    if (column === '' || seen.has(column))
      throw new TableError(`${name}:1`, `expected unique, non-empty column names, got "${column}"`);
    seen.add(column);
  }
  let previous = 1;
  return {
    name,
    columns,
    rows: rows.map(({ record, info }) => {
      // info.lines is the line the record ends on; a quoted cell may span lines.
      const row = { line: previous + 1, cells: record };
      previous = info.lines;
      return row;
    }),
  };
}

/**
 * Convert one cell to its value by the column's kind; `undefined` for an empty cell.
 * @param {string} text @param {string} column @param {ReturnType<typeof kindsOf>} kinds @param {string} where
 * @returns {Json | undefined}
 */
function value(text, column, kinds, where) {
  if (text === '') return undefined;
  if (kinds.numbers.has(column)) {
    if (!NUMBER.test(text))
      throw new TableError(where, `column ${column}: expected a number, got "${text}"`);
    return Number(text);
  }
  if (kinds.booleans.has(column)) {
    if (text !== 'true' && text !== 'false')
      throw new TableError(where, `column ${column}: expected true or false, got "${text}"`);
    return text === 'true';
  }
  if (kinds.lists.has(column)) {
    const items = text.split(';');
    if (items.some((item) => item === ''))
      throw new TableError(
        where,
        `column ${column}: expected items separated by ";", got "${text}"`,
      );
    return items;
  }
  return text;
}

/** @param {Kinds} spec */
function kindsOf(spec) {
  return {
    numbers: new Set(spec.numbers ?? []),
    booleans: new Set(spec.booleans ?? []),
    lists: new Set(spec.lists ?? []),
  };
}

/**
 * The rows of a table as objects, fields in column order, each with its file and line.
 * @param {string} root @param {TableSpec | ChildSpec} spec
 */
function readRecords(root, spec) {
  const table = readCsv(root, spec.file);
  const kinds = kindsOf(spec);
  for (const column of [...kinds.numbers, ...kinds.booleans, ...kinds.lists])
    if (!table.columns.includes(column))
      throw new TableError(`${table.name}:1`, `expected a column ${column} (data/tables.json)`);
  return table.rows.map(({ line, cells }) => {
    const where = `${table.name}:${line}`;
    /** @type {JsonObject} */
    const record = {};
    cells.forEach((text, index) => {
      const column = table.columns[index] ?? '';
      const cell = value(text, column, kinds, where);
      if (cell === undefined) return;
      const keys = column.split('.');
      let target = record;
      for (const key of keys.slice(0, -1)) {
        target[key] ??= {};
        target = /** @type {JsonObject} */ (target[key]);
      }
      target[keys[keys.length - 1] ?? ''] = cell;
    });
    if (Object.keys(record).length === 0)
      throw new TableError(where, 'expected a record, got an empty row');
    return { record, origin: { file: table.name, line }, columns: table.columns };
  });
}

/**
 * The order of a record's top-level fields: the columns', with each child list spliced in.
 * @param {string[]} columns @param {ChildSpec[]} children
 */
function fieldOrder(columns, children) {
  /** @type {string[]} */
  const order = [];
  for (const column of columns) {
    const key = column.split('.')[0] ?? '';
    if (!order.includes(key)) order.push(key);
  }
  for (const child of children) {
    const at = child.after === null ? 0 : order.indexOf(child.after) + 1;
    if (child.after !== null && at === 0)
      throw new Error(
        `data/tables.json: ${child.field} comes after ${child.after}, which is not a field`,
      );
    order.splice(at, 0, child.field);
  }
  return order;
}

/**
 * Read one collection with its child tables.
 * @param {string} root @param {TableSpec} spec
 * @returns {{ records: JsonObject[], origins: RecordOrigin[] }}
 */
function readCollection(root, spec) {
  const rows = readRecords(root, spec).map((row) => ({
    ...row,
    /** @type {Record<string, { record: JsonObject, origin: Origin }[]>} */
    children: {},
  }));
  const children = spec.children ?? [];
  /** @type {Map<Json, (typeof rows)[number]>} */
  const byKey = new Map();
  for (const row of rows) {
    if (spec.key !== undefined) {
      const key = row.record[spec.key];
      if (key === undefined || byKey.has(key))
        throw new TableError(
          `${row.origin.file}:${row.origin.line}`,
          `column ${spec.key}: expected a unique id, got ${key === undefined ? 'none' : `"${key}" again`}`,
        );
      byKey.set(key, row);
    }
  }
  for (const child of children) {
    for (const childRow of readRecords(root, child)) {
      const where = `${childRow.origin.file}:${childRow.origin.line}`;
      const { [child.parent]: key, ...record } = childRow.record;
      const parent = key === undefined ? undefined : byKey.get(key);
      if (parent === undefined)
        throw new TableError(
          where,
          `column ${child.parent}: expected the ${spec.key} of a row of data/${spec.file}, got ${key === undefined ? 'none' : `"${String(key)}"`}`,
        );
      const list = parent.children[child.field] ?? [];
      list.push({ record, origin: childRow.origin });
      parent.children[child.field] = list;
    }
  }
  const order = fieldOrder(rows[0]?.columns ?? [], children);
  return {
    records: rows.map((row) => {
      /** @type {JsonObject} */
      const record = {};
      for (const key of order) {
        const value = row.children[key]?.map((c) => c.record) ?? row.record[key];
        if (value !== undefined) record[key] = value;
      }
      return record;
    }),
    origins: rows.map((row) => ({
      ...row.origin,
      children: Object.fromEntries(
        Object.entries(row.children).map(([field, list]) => [field, list.map((c) => c.origin)]),
      ),
    })),
  };
}

/**
 * Read every table: `{ collections: { [name]: records }, origins, presets, specs }`, where
 * `origins[name][i]` is the file and line of record `i` (and of its child rows).
 * @param {string} [root] the repository
 * @returns {Tables}
 */
export function readTables(root = repo) {
  /** @type {TableSpec[]} */
  const specs = JSON.parse(readFileSync(join(root, 'data', 'tables.json'), 'utf8'));
  /** @type {Tables['collections']} */
  const collections = {};
  /** @type {Tables['origins']} */
  const origins = {};
  for (const spec of specs) {
    const { records, origins: where } = readCollection(root, spec);
    collections[spec.collection] = records;
    origins[spec.collection] = where;
  }
  const presets = JSON.parse(readFileSync(join(root, 'data', 'presets.json'), 'utf8'));
  return { collections, origins, presets, specs };
}

/**
 * Where a path into the dataset built from the tables comes from, e.g.
 * `['stageOutputs', 4, 'quantity', 'amount']` → `'data/stage-outputs.csv:6, column quantity.amount'`;
 * `undefined` for a path that is not inside a record of a table.
 * @param {Tables} tables @param {readonly (string | number)[]} path
 * @returns {string | undefined}
 */
export function locate(tables, path) {
  const [collection, index, field, childIndex, ...rest] = path;
  const origin = tables.origins[String(collection)]?.[Number(index)];
  if (origin === undefined) return undefined;
  const child =
    typeof childIndex === 'number' ? origin.children[String(field)]?.[childIndex] : undefined;
  if (child !== undefined)
    return rest.length > 0
      ? `${child.file}:${child.line}, column ${rest.join('.')}`
      : `${child.file}:${child.line}`;
  const columns = [field, childIndex, ...rest].filter((key) => key !== undefined);
  return columns.length > 0
    ? `${origin.file}:${origin.line}, column ${columns.join('.')}`
    : `${origin.file}:${origin.line}`;
}

// ---- Emitting TypeScript --------------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A value as a TypeScript literal, on one line; hoisted objects by their constant's name.
 * @param {Json} value @param {Map<string, string>} hoisted
 * @returns {string}
 */
function literal(value, hoisted) {
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, hoisted)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const name = hoisted.get(JSON.stringify(value));
    if (name !== undefined) return name;
    const fields = Object.entries(value).map(
      ([key, item]) =>
        `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item, hoisted)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * Every provenance that occurs more than once, as a named constant (in order of first use).
 * @param {Json} records
 */
function hoist(records) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @param {Json} value @param {string} [key] */
  const visit = (value, key) => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object') {
      if (key === 'provenance') {
        const text = JSON.stringify(value);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(records);
  /** @type {Map<string, string>} */
  const hoisted = new Map();
  for (const [text, count] of counts) if (count > 1) hoisted.set(text, `p${hoisted.size + 1}`);
  return hoisted;
}

/** @param {string} name */
function kebab(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** @param {string[]} files */
function header(files) {
  return [
    `// generated from ${files.join(', ')} by scripts/data-build.mjs; do not edit.`,
    '// Change the table and run `npm run data:build` (see docs/data.md).',
  ].join('\n');
}

/** @param {TableSpec} spec @param {JsonObject[]} records */
function collectionModule(spec, records) {
  const files = [spec.file, ...(spec.children ?? []).map((c) => c.file)].map((f) => `data/${f}`);
  const hoisted = hoist(records);
  const types = hoisted.size > 0 ? `Provenance, ${spec.type}` : spec.type;
  const lines = [header(files), `import type { ${types} } from '../../model/index.js';`, ''];
  for (const [text, name] of hoisted)
    lines.push(`const ${name}: Provenance = ${literal(JSON.parse(text), new Map())};`);
  if (hoisted.size > 0) lines.push('');
  lines.push(
    `/** The baseline's \`${spec.collection}\`, one record per row of ${files.join(' and ')}. @internal */`,
    `export const ${spec.collection}: readonly ${spec.type}[] = [`,
    ...records.map((record) => `  ${literal(record, hoisted)},`),
    '];',
    '',
  );
  return lines.join('\n');
}

/**
 * A JSON value as an indented TypeScript literal (the presets are documents, not rows).
 * @param {Json} value @param {string} indent
 * @returns {string}
 */
function pretty(value, indent) {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object'))
      return literal(value, new Map());
    return `[\n${value.map((item) => `${inner}${pretty(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(
      ([key, item]) =>
        `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${pretty(item, inner)},`,
    );
    return `{\n${fields.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** @param {string} id */
function camel(id) {
  return id.replace(/-([a-z0-9])/g, (_, /** @type {string} */ c) => c.toUpperCase());
}

/** @param {JsonObject[]} presets */
function presetsModule(presets) {
  const names = presets.map((preset) => camel(String(preset.id)));
  const lines = [
    header(['data/presets.json']),
    "import type { Scenario } from '../../model/index.js';",
    '',
  ];
  presets.forEach((preset, index) => {
    lines.push(`const ${names[index]}: Scenario = ${pretty(preset, '')};`, '');
  });
  lines.push(
    '/** The ids of the scenario presets, in the order of data/presets.json. @internal */',
    `export const presetIds = [${presets.map((p) => JSON.stringify(p.id)).join(', ')}] as const;`,
    '',
    '/** The scenario presets, in the order of data/presets.json. @internal */',
    `export const presets: readonly Scenario[] = [${names.join(', ')}];`,
    '',
    '/** The scenario presets by id. @internal */',
    'export const presetsById: { readonly [Id in (typeof presetIds)[number]]: Scenario } = {',
    ...presets.map((preset, index) => `  ${JSON.stringify(preset.id)}: ${names[index]},`),
    '};',
    '',
  );
  return lines.join('\n');
}

/**
 * Every generated module as `Map<path from the repository root, text>`.
 * @param {string} [root] the repository
 * @returns {Map<string, string>}
 */
export function generate(root = repo) {
  const tables = readTables(root);
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const spec of tables.specs)
    out.set(
      `${GENERATED}/${kebab(spec.collection)}.ts`,
      collectionModule(spec, tables.collections[spec.collection] ?? []),
    );
  out.set(`${GENERATED}/presets.ts`, presetsModule(tables.presets));
  return out;
}

/**
 * The generated files that differ from `files` on disk, are missing, or should not be there.
 * @param {string} [root] the repository @param {Map<string, string>} [files] the generated text
 * @returns {string[]}
 */
export function stale(root = repo, files = generate(root)) {
  const dir = join(root, GENERATED);
  const present = existsSync(dir) ? readdirSync(dir).map((name) => `${GENERATED}/${name}`) : [];
  const differing = [...files].filter(
    ([path, text]) =>
      !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text,
  );
  return [...differing.map(([path]) => path), ...present.filter((path) => !files.has(path))];
}

function main() {
  const files = generate(repo);
  if (process.argv.includes('--check')) {
    const paths = stale(repo, files);
    if (paths.length > 0) {
      console.error(`Not generated from data/ (run npm run data:build): ${paths.join(', ')}`);
      process.exit(1);
    }
    return;
  }
  rmSync(join(repo, GENERATED), { recursive: true, force: true });
  mkdirSync(join(repo, GENERATED), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(repo, path), text);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
