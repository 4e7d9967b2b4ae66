#!/usr/bin/env node
/**
 * Process entry point of the `rare-earths` command: wires argv, the terminal and the exit code
 * to {@link main}.
 *
 * @internal
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { main } from './main.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

// A reader that stops early (`rare-earths run presets | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const code = main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  },
  { version: packageJson.version },
);
// `import` and `report --trade` stream files: their exit code arrives when the work is done.
if (typeof code === 'number') process.exitCode = code;
else
  code.then((done) => {
    process.exitCode = done;
  });
