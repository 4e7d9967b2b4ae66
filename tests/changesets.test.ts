// Every changeset must parse, or `changeset version` (and so the release) fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = resolve(__dirname, '../.changeset');
const files = readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe('changesets', () => {
  test('there is at least one pending changeset', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const name of files) {
    test(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text).toMatch(/^---\n'rare-earths': (major|minor|patch)\n---\n\n\S/);
    });
  }
});
