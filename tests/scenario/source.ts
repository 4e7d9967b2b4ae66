// Reading the scenario engine's own source with the TypeScript compiler API: the string literals
// that spell a variable's name, and the length of every function. Shared by the registry and the
// function-length tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');

/** The .ts files under a folder of the repository, recursively, as paths from the root. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, folder));
  return out.sort();
}

export function parse(file: string, text = readFileSync(join(ROOT, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/**
 * The string literals (and template pieces) of a file that spell a variable's name: equal to a
 * name, or, for the by-application ones, starting with the name and `|`. Comments (JSDoc
 * examples) are not literals and are not read.
 */
export function nameLiterals(
  source: ts.SourceFile,
  names: readonly string[],
  byApplication: readonly string[],
): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  visit(source, (node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node)
    ) {
      const text = node.text;
      if (names.includes(text) || byApplication.some((name) => text.startsWith(`${name}|`))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ line: line + 1, text });
      }
    }
  });
  return found;
}

/** Every function of a file (declarations, expressions, arrows, methods) with its length in lines. */
export function functionLengths(
  source: ts.SourceFile,
): { name: string; line: number; lines: number }[] {
  const out: { name: string; line: number; lines: number }[] = [];
  visit(source, (node) => {
    if (
      !(
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)
      )
    )
      return;
    const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    const parent = node.parent;
    const name =
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name !== undefined
        ? node.name.getText(source)
        : ts.isVariableDeclaration(parent)
          ? parent.name.getText(source)
          : '(anonymous)';
    out.push({ name, line: start + 1, lines: end - start + 1 });
  });
  return out;
}
