// The package as a user meets it: `npm pack`, install the tarball into a scratch project, then
// typecheck and run consumers under every module resolution a TypeScript user may have.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, inject, test } from 'vitest';

const root = resolve(__dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const app = inject('consumerDir');

function sh(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

const resolutions = [
  { module: 'NodeNext', moduleResolution: 'NodeNext', files: ['esm.ts', 'cjs.cts'] },
  { module: 'ESNext', moduleResolution: 'Bundler', files: ['esm.ts'] },
  { module: 'Preserve', moduleResolution: 'Bundler', files: ['esm.ts', 'cjs.cts'] },
] as const;

describe('TypeScript consumers typecheck with skipLibCheck off', () => {
  for (const resolution of resolutions) {
    test(`${resolution.module} / ${resolution.moduleResolution}`, () => {
      const config = join(app, `tsconfig.${resolution.module}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          compilerOptions: {
            module: resolution.module,
            moduleResolution: resolution.moduleResolution,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            types: [],
            strict: true,
            exactOptionalPropertyTypes: true,
            skipLibCheck: false,
            noEmit: true,
          },
          files: resolution.files,
        }),
      );
      expect(() => sh('node', [tsc, '-p', config], app)).not.toThrow();
    });
  }
});

describe('consumers run', () => {
  const expected = { z: 60, f: '0.8574', n: 17 };

  test('ESM TypeScript compiled under NodeNext', () => {
    const out = join(app, 'out');
    sh(
      'node',
      [
        tsc,
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--target',
        'ES2022',
        '--lib',
        'ES2022,DOM',
        '--ignoreConfig',
        '--outDir',
        out,
        'esm.ts',
        'cjs.cts',
      ],
      app,
    );
    expect(JSON.parse(sh('node', [join(out, 'esm.js')], app))).toEqual({
      ...expected,
      literal: 'Dy',
      refused: true,
    });
    expect(JSON.parse(sh('node', [join(out, 'cjs.cjs')], app))).toEqual({
      ...expected,
      f: '1.1664',
    });
  });

  test('plain require() and plain import', () => {
    expect(JSON.parse(sh('node', ['plain.cjs'], app))).toEqual({ ...expected, instance: true });
    expect(JSON.parse(sh('node', ['plain.mjs'], app))).toEqual(expected);
  });

  test('the rare-earths command is installed', () => {
    const bin = join(app, 'node_modules/.bin/rare-earths');
    const version = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(sh(bin, ['--version'], app).trim()).toBe(version);
    expect(sh(bin, ['elements', '--format', 'csv'], app)).toContain(
      '60,Nd,neodymium,144.242,Nd2O3,0.8574',
    );
  });

  // Issue 15, finding 7: the baseline and the presets ship as JSON, generated at build time from
  // the TypeScript data, identical to what `rare-earths export` writes and read back by the CLI.
  test('the data ships as JSON that the command reads back', () => {
    const bin = join(app, 'node_modules/.bin/rare-earths');
    const dir = join(app, 'node_modules/rare-earths/dist/data');
    for (const name of ['baseline', 'presets']) {
      const file = join(dir, `${name}.json`);
      expect(readFileSync(file, 'utf8')).toBe(sh(bin, ['export', name], app));
      expect(sh(bin, ['validate', file], app)).toMatch(/: a valid (dataset|scenario set)\n$/);
    }
    const script =
      "const b = require('rare-earths/data/baseline.json'); const p = require('rare-earths/data/presets.json'); console.log(JSON.stringify([b.schemaVersion, p.length]))";
    expect(JSON.parse(sh('node', ['-e', script], app))).toEqual([1, 5]);
    expect(sh(bin, ['report', '--dataset', join(dir, 'baseline.json')], app)).toBe(
      sh(bin, ['report'], app),
    );
  });
});

describe('published declaration files', () => {
  // Every .d.ts/.d.cts reachable from the exports map, following relative imports.
  function reachable(): Map<string, string> {
    const pkg = JSON.parse(
      readFileSync(join(app, 'node_modules/rare-earths/package.json'), 'utf8'),
    ) as {
      exports: Record<string, { import?: { types: string }; require?: { types: string } } | string>;
    };
    const base = join(app, 'node_modules/rare-earths');
    const queue: string[] = [];
    for (const entry of Object.values(pkg.exports)) {
      if (typeof entry === 'string') continue;
      if (entry.import) queue.push(join(base, entry.import.types));
      if (entry.require) queue.push(join(base, entry.require.types));
    }
    const seen = new Map<string, string>();
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      seen.set(file, text);
      for (const match of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const spec = match[1] as string;
        const target = join(dirname(file), spec).replace(/\.c?js$/, (ext) =>
          ext === '.cjs' ? '.d.cts' : '.d.ts',
        );
        queue.push(target);
      }
    }
    return seen;
  }

  test('never mention decimal.js or a Decimal type', () => {
    const files = reachable();
    expect(files.size).toBeGreaterThan(4);
    for (const [file, text] of files) {
      expect(text, file).not.toMatch(/decimal\.js|\bDecimal\b|numeric\/decimal/);
    }
  });
});

describe('bundles keep only what is imported', () => {
  async function bundle(code: string): Promise<string> {
    const entry = join(app, `entry-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(entry, code);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      minify: false,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      absWorkingDir: app,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  }

  test('the element lookup does not pull in decimal.js', async () => {
    const text = await bundle("import { element } from 'rare-earths'; console.log(element('Nd'));");
    expect(text).toContain('neodymium');
    expect(text).not.toContain('DecimalError');
  });

  test('analysis imports do not pull in zod; parsing does', async () => {
    const lookup = await bundle(
      "import { element, evaluate, hhi, mass, stageShares, toMetal } from 'rare-earths'; console.log(element, evaluate, hhi, mass, stageShares, toMetal);",
    );
    expect(lookup).not.toMatch(/ZodError|\$ZodType/);
    const parsing = await bundle(
      "import { parseDataset } from 'rare-earths'; console.log(parseDataset);",
    );
    expect(parsing).toMatch(/ZodError|\$ZodType/);
  });

  test('the main entry does not pull in the dataset', async () => {
    // A source id and a source title that only the dataset contains; the data entry has both.
    const probes = ['usgs-mcs-2026-heavy', 'Worldwide Governance Indicators, 2024 update'];
    const text = await bundle("import * as all from 'rare-earths'; console.log(all);");
    expect(text).not.toContain('elementTable');
    for (const probe of probes) expect(text).not.toContain(probe);
    const data = await bundle(
      "import { baseline } from 'rare-earths/data'; console.log(baseline);",
    );
    for (const probe of probes) expect(data).toContain(probe);
  });
});
