import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(
    argv,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
    },
    { version: '1.2.3' },
  );
  return { code, stdout, stderr };
}

describe('rare-earths command', () => {
  test('--help lists every command', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { code, stdout } = run(...argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: rare-earths <command> [options]');
      expect(stdout).toMatch(/^ {2}elements {2}list the 17 rare-earth elements/m);
    }
  });

  test('help for one command', () => {
    expect(run('help', 'elements').stdout).toBe(
      'Usage: rare-earths elements [--format md|json|csv]\n\nlist the 17 rare-earth elements with atomic weights, oxides, factors and groups\n',
    );
    expect(run('elements', '--help').stdout).toContain('Usage: rare-earths elements');
  });

  test('--version', () => {
    expect(run('--version')).toEqual({ code: 0, stdout: '1.2.3\n', stderr: '' });
    expect(run('-v').stdout).toBe('1.2.3\n');
  });

  test('elements as an aligned Markdown table', () => {
    const { code, stdout } = run('elements');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(19);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[7]).toMatch(
      /^\| 60 \| Nd +\| neodymium +\| +144\.242 \| Nd2O3 +\| +0\.8574 \| +1\.1664 \| light +\| light +\|$/,
    );
  });

  test('elements as JSON and CSV', () => {
    const json = JSON.parse(run('elements', '--format', 'json').stdout) as {
      symbol: string;
      oxideToMetal: number;
    }[];
    expect(json).toHaveLength(17);
    expect(json[5]?.symbol).toBe('Nd');
    expect(json[5]?.oxideToMetal).toBeCloseTo(0.857356, 6);
    const csv = run('elements', '--format=csv').stdout.trimEnd().split('\r\n');
    expect(csv[0]).toBe('Z,symbol,name,atomic weight,oxide,oxide→metal,metal→oxide,USGS,EU');
    expect(csv[7]).toBe('61,Pm,promethium,145,Pm2O3,0.8580,1.1655,light,unassessed');
  });

  test('bad invocations exit non-zero with a one-line reason and a usage hint', () => {
    const unknown = run('reprot');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "rare-earths: unknown command 'reprot'\nRun 'rare-earths --help' for usage.\n",
    );
    const format = run('elements', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toBe(
      "rare-earths elements: --format must be one of md, json, csv, got 'xml'\nUsage: rare-earths elements [--format md|json|csv]\n",
    );
    const option = run('elements', '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^rare-earths elements: Unknown option '--colour'/);
    expect(option.stdout).toBe('');
  });
});
