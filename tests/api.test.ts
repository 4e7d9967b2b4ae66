// The public surface documents itself: every export of every entry point has a summary and a
// category, and every function and class has an @example (executed by tests/doctest.test.ts).
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const entries = [
  'src/index.ts',
  'src/data/index.ts',
  'src/report/index.ts',
  'src/uncertainty/index.ts',
].map((file) => resolve(__dirname, '..', file));
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

interface PublicExport {
  readonly entry: string;
  readonly name: string;
  readonly kind: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly throws: readonly string[];
}

function publicExports(): PublicExport[] {
  const out: PublicExport[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read ${entry}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (!declaration) continue;
      const tags = ts.getJSDocTags(declaration).map((tag) => tag.tagName.text);
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker));
      // The raw tag text: TypeScript reads `@throws {@link X}` as a type expression.
      const throws = ts
        .getJSDocCommentsAndTags(declaration)
        .flatMap((doc) =>
          [...doc.getText().matchAll(/@throws[^@]*(?:@link[^@]*)?/g)].map((m) => m[0]),
        );
      out.push({
        entry,
        name: exported.name,
        kind: ts.SyntaxKind[declaration.kind],
        tags,
        summary,
        throws,
      });
    }
  }
  return out;
}

describe('public API documentation', () => {
  const exports = publicExports();

  test('the entry points export something', () => {
    expect(exports.length).toBeGreaterThan(10);
  });

  test('every export has a summary and a @category', () => {
    const missing = exports.filter((e) => e.summary.trim() === '' || !e.tags.includes('category'));
    expect(missing.map((e) => e.name)).toEqual([]);
  });

  test('every function and class has an @example', () => {
    const missing = exports.filter(
      (e) =>
        (e.kind === 'FunctionDeclaration' || e.kind === 'ClassDeclaration') &&
        !e.tags.includes('example'),
    );
    expect(missing.map((e) => e.name)).toEqual([]);
  });

  test('every @throws names the library error type', () => {
    const wrong = exports.filter((e) => e.throws.some((text) => !text.includes('RareEarthsError')));
    expect(wrong.map((e) => e.name)).toEqual([]);
  });
});
