// Global setup of the package checks: pack the built package once and install the tarball into
// a scratch consumer project, as a user would meet it. Every consumer test works in that project.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    consumerDir: string;
  }
}

const root = resolve(__dirname, '../..');

export default function setup(project: TestProject): () => void {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'rare-earths-consumer-'));
  const run = (command: string, args: string[], cwd: string) =>
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root)) as {
    filename: string;
  }[];
  const tarball = join(work, packed[0]?.filename ?? '');
  const app = join(work, 'app');
  cpSync(join(__dirname, 'app'), app, { recursive: true });
  cpSync(join(__dirname, 'browser'), join(app, 'browser'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball],
    app,
  );
  project.provide('consumerDir', app);
  return () => rmSync(work, { recursive: true, force: true });
}
