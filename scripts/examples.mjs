// Extract the code examples of the library (JSDoc `@example` blocks in src/, and `ts` blocks in
// README.md, docs/ and examples/) so that the test suite can typecheck and execute every one of
// them: an example that drifts from the code fails the gate.
//
// Markers inside an example turn a line into an assertion when executed:
//   expr; // => value     expr must equal value (deep; numbers within 1e-12 relative)
//   expr; // ≈ value      expr must equal value to the digits shown (0.8574 means ±0.00005)
//
// Usage: node scripts/examples.mjs write <dir>   writes one .ts file per example for tsc

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} dir @param {(file: string) => boolean} keep @returns {string[]} */
function walk(dir, keep) {
  /** @type {string[]} */
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/**
 * @typedef {{ id: string, file: string, symbol: string, line: number, code: string }} Example
 */

/** @param {string} text @param {string} file @returns {Example[]} */
function examplesInSource(text, file) {
  /** @type {Example[]} */
  const out = [];
  const comment = /\/\*\*([\s\S]*?)\*\//g;
  for (const match of text.matchAll(comment)) {
    const body = (match[1] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const after = text.slice((match.index ?? 0) + match[0].length);
    const declared =
      /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function|class|interface|type|const|let)\s+([A-Za-z_$][\w$]*)/.exec(
        after,
      );
    const symbol = declared?.[1] ?? '(module)';
    const commentLine = text.slice(0, match.index).split('\n').length;
    let inExample = false;
    /** @type {string[] | undefined} */
    let block;
    let blockLine = 0;
    let count = 0;
    body.forEach((line, offset) => {
      if (/^@example\b/.test(line)) inExample = true;
      else if (/^@\w+/.test(line) && block === undefined) inExample = false;
      if (!inExample) return;
      if (block === undefined && /^```(ts|typescript)\b/.test(line)) {
        block = [];
        blockLine = commentLine + offset + 1;
      } else if (block !== undefined && /^```\s*$/.test(line)) {
        count += 1;
        out.push({
          id: `${file}#${symbol}-${count}`,
          file,
          symbol,
          line: blockLine,
          code: block.join('\n'),
        });
        block = undefined;
      } else if (block !== undefined) block.push(line);
    });
  }
  return out;
}

/** @param {string} text @param {string} file @returns {Example[]} */
function examplesInMarkdown(text, file) {
  /** @type {Example[]} */
  const out = [];
  const lines = text.split('\n');
  /** @type {string[] | undefined} */
  let block;
  let start = 0;
  let heading = '(top)';
  lines.forEach((line, index) => {
    if (block === undefined && /^#+\s/.test(line)) heading = line.replace(/^#+\s*/, '');
    if (block === undefined && /^```(ts|typescript)\b/.test(line) && !/no-run/.test(line)) {
      block = [];
      start = index + 2;
    } else if (block !== undefined && /^```\s*$/.test(line)) {
      out.push({
        id: `${file}:${start}`,
        file,
        symbol: heading,
        line: start,
        code: block.join('\n'),
      });
      block = undefined;
    } else if (block !== undefined) block.push(line);
  });
  return out;
}

/** Every example of the repository, in a stable order. @returns {Example[]} */
export function collectExamples() {
  /** @type {Example[]} */
  const out = [];
  for (const path of walk(join(ROOT, 'src'), (file) => file.endsWith('.ts'))) {
    out.push(
      ...examplesInSource(readFileSync(path, 'utf8'), relative(ROOT, path).split(sep).join('/')),
    );
  }
  const markdown = [
    join(ROOT, 'README.md'),
    ...walk(
      join(ROOT, 'docs'),
      (file) => file.endsWith('.md') && !file.includes(`${sep}api${sep}`),
    ),
  ];
  for (const path of markdown) {
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    out.push(...examplesInMarkdown(text, relative(ROOT, path).split(sep).join('/')));
  }
  // Complete programs, run as they are (JavaScript, as a user runs them with node after a build).
  for (const path of walk(join(ROOT, 'examples'), (file) => file.endsWith('.mjs'))) {
    const file = relative(ROOT, path).split(sep).join('/');
    out.push({ id: file, file, symbol: 'program', line: 1, code: readFileSync(path, 'utf8') });
  }
  return out;
}

/**
 * Point `rare-earths` and `rare-earths/<subpath>` imports at the sources.
 * @param {string} code @param {(target: string) => string} locate
 */
function rewriteImports(code, locate) {
  return code.replace(
    /(from\s+|import\s*\(\s*)(['"])rare-earths(?:\/([\w-]+))?\2/g,
    (_, lead, quote, subpath) => {
      const target = subpath === undefined ? 'src/index.ts' : `src/${subpath}/index.ts`;
      return `${lead}${quote}${locate(target)}${quote}`;
    },
  );
}

const MARKER = /^(\s*)(.+?);?\s*\/\/\s*(=>|≈)\s*(.+?)\s*$/;

/** Count the assertion markers of an example. @param {Example} example */
export function markerCount(example) {
  return example.code.split('\n').filter((line) => MARKER.test(line)).length;
}

/**
 * The example as an executable module: imports point at the sources (absolute paths) and marker
 * lines become calls into the doctest runtime.
 * @param {Example} example @param {string} runtimePath
 */
export function executableSource(example, runtimePath) {
  const body = rewriteImports(example.code, (target) => join(ROOT, target).split(sep).join('/'));
  let index = 0;
  const lines = body.split('\n').map((line) => {
    const match = MARKER.exec(line);
    if (match === null) return line;
    const [, indent, expression, kind, expected] = match;
    if (/^(const|let|var|return|import|export)\b/.test(expression ?? '')) {
      throw new Error(
        `${example.id}: a // ${kind} marker must follow an expression, not: ${line.trim()}`,
      );
    }
    index += 1;
    const call =
      kind === '=>'
        ? `__doctest.equal(${JSON.stringify(example.id)}, ${index}, (${expression}), (${expected}));`
        : `__doctest.approx(${JSON.stringify(example.id)}, ${index}, (${expression}), (${expected}), ${JSON.stringify(expected)});`;
    return `${indent}${call}`;
  });
  return `import { __doctest } from ${JSON.stringify(runtimePath)};\n${lines.join('\n')}\nexport {};\n`;
}

/**
 * The example as a module for the type checker, with imports relative to `dir`.
 * @param {Example} example @param {string} dir
 */
export function typecheckSource(example, dir) {
  const body = rewriteImports(example.code, (target) => {
    const path = relative(dir, join(ROOT, target)).split(sep).join('/').replace(/\.ts$/, '.js');
    return path.startsWith('.') ? path : `./${path}`;
  });
  return `// ${example.id} (line ${example.line})\n${body}\nexport {};\n`;
}

/** @param {Example} example */
export function fileNameOf(example) {
  // Capitals are spelt out (`^s` for `S`) so that names differing only in case (`STAGES`,
  // `stages`) stay two files on case-insensitive file systems and in TypeScript's program.
  const name = example.id.replace(/[^\w.-]+/g, '_').replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`);
  return example.file.endsWith('.mjs') ? name : `${name}.ts`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'write') {
  const dir = resolve(process.argv[3] ?? '.tmp/examples');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const examples = collectExamples();
  for (const example of examples) {
    writeFileSync(join(dir, fileNameOf(example)), typecheckSource(example, dir));
  }
  process.stdout.write(`examples: wrote ${examples.length} files to ${relative(ROOT, dir)}\n`);
}
