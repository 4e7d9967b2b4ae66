// The room rule of src/, kept as data and checked: each room names the rooms it stands on, and a
// file may import only its own room, the faces (index.ts, internal.ts) of rooms below it, and
// npm packages the room is allowed. `tests/architecture.test.ts` runs `roomBreaches` over src/ and
// checks that docs/architecture.md shows the table drawn from ROOMS. Run
// `node scripts/rooms.mjs --write` to redraw the doc after changing ROOMS.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * @typedef {object} Room
 * @property {readonly string[]} on the rooms this room stands on directly (the floors below it)
 * @property {string} holds what the room holds, as the architecture doc says it
 * @property {readonly string[]} [packages] npm packages (and `node:` built-ins) the room may import
 */

/** @type {Readonly<Record<string, Room>>} */
export const ROOMS = {
  errors: { on: [], holds: '`RareEarthsError`, the one error type, and the message helpers' },
  numeric: {
    on: ['errors'],
    holds: 'the private decimal clone, the `Numeric` input type, compensated sums, schedules',
    packages: ['decimal.js'],
  },
  elements: {
    on: ['numeric'],
    holds: 'the 17 elements, the USGS and EU group schemes, oxide ↔ metal factors',
  },
  quantity: {
    on: ['elements'],
    holds: 'exact masses with a basis (REO, metal, product) and money with a currency',
  },
  model: {
    on: ['quantity'],
    holds: 'zod schemas and their types, parsing with clear errors, JSON Schema export',
    packages: ['zod'],
  },
  concentration: {
    on: ['numeric'],
    holds: 'HHI and the other concentration and inequality indices',
  },
  stocks: {
    on: ['model'],
    holds: 'lifetime distributions and dynamic stock models (ODYM/flodym conventions)',
  },
  chain: {
    on: ['model', 'concentration'],
    holds: 'stage shares and tables, chokepoints, import reliance, origin tracing, control',
  },
  criticality: {
    on: ['model', 'concentration'],
    holds: 'the EU criticality method: supply risk, economic importance',
  },
  offsets: {
    on: ['stocks'],
    holds: 'recycling and substitution offsets, net primary demand',
  },
  scenario: {
    on: ['chain', 'criticality', 'offsets'],
    holds: 'interventions, evaluation over a horizon, diffs and attribution',
  },
  report: {
    on: ['scenario'],
    holds: 'tables and SVG charts as strings, no DOM',
    packages: ['d3-array', 'd3-sankey'],
  },
  uncertainty: {
    on: ['scenario'],
    holds:
      'uncertain figures and Monte Carlo of any analysis or scenario, `rare-earths/uncertainty`',
    packages: ['pure-rand'],
  },
  trade: {
    on: ['model', 'concentration'],
    holds:
      'Comtrade and BACI readers, mirror flows, import into a dataset, import concentration, `rare-earths/trade`',
    packages: ['papaparse'],
  },
  duckdb: {
    on: ['trade'],
    holds: 'the same trade analysis out of core in DuckDB SQL, `rare-earths/duckdb`',
    packages: ['@duckdb/node-api'],
  },
  data: { on: ['model'], holds: 'the embedded baseline dataset, `rare-earths/data`' },
  cli: {
    on: ['report', 'data', 'uncertainty', 'trade'],
    holds: 'the `rare-earths` command; the only room that touches Node built-ins',
    packages: ['node:*'],
  },
};

/** The files through which a room lends to the rooms above it. */
export const FACES = ['index.ts', 'internal.ts'];

/**
 * Every room below `room`: the rooms it stands on, and theirs, transitively.
 * @param {Readonly<Record<string, Room>>} rooms
 * @param {string} room
 * @returns {Set<string>}
 */
export function below(rooms, room) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {string[]} */
  const todo = [...(rooms[room]?.on ?? [])];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(rooms[next]?.on ?? []));
  }
  return seen;
}

/**
 * @typedef {object} Breach
 * @property {string} file the importing file, relative to src/ with `/` separators
 * @property {string} target the import specifier as written
 * @property {string} why what rule it breaks
 */

/**
 * Check every import of the given sources against the rule.
 * @param {Readonly<Record<string, string>>} sources file path relative to src/ → its text
 * @param {Readonly<Record<string, Room>>} [rooms]
 * @returns {Breach[]}
 */
export function roomBreaches(sources, rooms = ROOMS) {
  /** @type {Breach[]} */
  const breaches = [];
  for (const [file, text] of Object.entries(sources)) {
    const parts = file.split('/');
    const room = parts.length > 1 ? parts[0] : undefined;
    for (const { fileName: target } of ts.preProcessFile(text, true, true).importedFiles) {
      const why = judge(rooms, file, room, target);
      if (why !== undefined) breaches.push({ file, target, why });
    }
  }
  return breaches;
}

/**
 * @param {Readonly<Record<string, Room>>} rooms
 * @param {string} file
 * @param {string | undefined} room
 * @param {string} target
 * @returns {string | undefined}
 */
function judge(rooms, file, room, target) {
  if (!target.startsWith('.')) {
    if (room === undefined) return undefined;
    const allowed = rooms[room]?.packages ?? [];
    const ok = allowed.some((name) =>
      name.endsWith('*')
        ? target.startsWith(name.slice(0, -1))
        : target === name || target.startsWith(`${name}/`),
    );
    return ok ? undefined : `room '${room}' may not import the package '${target}'`;
  }
  const resolved = join(dirname(file), target).split(sep).join('/');
  if (resolved.startsWith('..')) return 'imports from outside src/';
  const [targetRoom, ...rest] = resolved.split('/');
  if (rest.length === 0) return undefined; // the package entry (src/index.ts) importing nothing here
  if (targetRoom === room) return undefined;
  if (room !== undefined && !(targetRoom !== undefined && targetRoom in rooms)) {
    return `'${targetRoom}' is not a room`;
  }
  const face = rest.join('/').replace(/\.js$/, '.ts');
  if (!FACES.includes(face)) {
    return `reaches into the private file '${resolved}' of room '${targetRoom}' (import its index.ts or internal.ts)`;
  }
  if (room === undefined) return undefined; // src/index.ts re-exports the rooms' faces
  if (!below(rooms, room).has(/** @type {string} */ (targetRoom))) {
    return `room '${room}' does not stand on '${targetRoom}' (it stands on ${[...below(rooms, room)].sort().join(', ') || 'nothing'})`;
  }
  return undefined;
}

/**
 * The TypeScript sources under a folder, keyed by path relative to it.
 * @param {string} root
 * @returns {Record<string, string>}
 */
export function readSources(root) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
  }
  return out;
}

/**
 * Each room's floor number: 0 for rooms on nothing, else one above the highest room it stands on.
 * @param {Readonly<Record<string, Room>>} rooms
 * @returns {Map<string, number>}
 */
export function floors(rooms) {
  /** @type {Map<string, number>} */
  const out = new Map();
  /** @param {string} room @returns {number} */
  const floor = (room) => {
    const known = out.get(room);
    if (known !== undefined) return known;
    const on = rooms[room]?.on ?? [];
    const value = on.length === 0 ? 0 : 1 + Math.max(...on.map(floor));
    out.set(room, value);
    return value;
  };
  for (const room of Object.keys(rooms)) floor(room);
  return out;
}

/**
 * The rule as the architecture doc shows it: one row per room, top floor first.
 * @param {Readonly<Record<string, Room>>} [rooms]
 * @returns {string}
 */
export function roomsMarkdown(rooms = ROOMS) {
  const floor = floors(rooms);
  const order = Object.keys(rooms).sort(
    (a, b) => (floor.get(b) ?? 0) - (floor.get(a) ?? 0) || a.localeCompare(b),
  );
  const rows = order.map((room) => {
    const spec = /** @type {Room} */ (rooms[room]);
    const on = spec.on.length === 0 ? '—' : spec.on.map((r) => `\`${r}\``).join(', ');
    const packages = (spec.packages ?? []).map((p) => `\`${p}\``).join(', ') || '—';
    return `| ${floor.get(room)} | \`${room}/\` | ${on} | ${packages} | ${spec.holds} |`;
  });
  return [
    '| floor | room | stands on | packages | what it holds |',
    '| ----- | ---- | --------- | -------- | ------------- |',
    ...rows,
  ].join('\n');
}

const BEGIN =
  '<!-- rooms:begin (drawn from scripts/rooms.mjs; run `node scripts/rooms.mjs --write`) -->';
const END = '<!-- rooms:end -->';

/**
 * The architecture doc with its rooms block redrawn from the rule.
 * @param {string} doc
 * @param {Readonly<Record<string, Room>>} [rooms]
 * @returns {string}
 */
export function redrawArchitecture(doc, rooms = ROOMS) {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/architecture.md: no ${BEGIN} … ${END} block`);
  return `${doc.slice(0, start + BEGIN.length)}\n\n${roomsMarkdown(rooms)}\n\n${doc.slice(end)}`;
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const breaches = roomBreaches(readSources(join(here, '..', 'src')));
  for (const b of breaches) console.error(`${b.file}: '${b.target}': ${b.why}`);
  if (process.argv.includes('--write')) {
    const path = join(here, '..', 'docs', 'architecture.md');
    writeFileSync(path, redrawArchitecture(readFileSync(path, 'utf8')));
  }
  process.exitCode = breaches.length === 0 ? 0 : 1;
}
