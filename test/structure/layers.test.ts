/**
 * The layering of src/ and the isolation of the built-in adapters, checked on every import (static,
 * `export … from`, type-only and dynamic `import()`), so that a newcomer who adds an import the wrong
 * way round learns it from `npm test`, with the offending line, instead of from a cycle months later.
 *
 * Rules for src/ (each file belongs to its top folder; `src/contract.ts`, `src/result.ts` and
 * `src/index.ts` are folders of their own):
 * - every folder is in {@link LAYERS}, and every name in LAYERS is a folder;
 * - a folder imports its own files and the folders of lower layers, never a higher layer and never a
 *   peer of its own layer (peers are side by side because neither needs the other);
 * - the folders import each other in no cycle (implied by the above; checked on its own so that a
 *   failure says whether reordering LAYERS could fix it or an import has to go);
 * - src/ reaches the adapters/ tree only through the lazy `import()`s of src/adapters/builtinAdapters.ts.
 *
 * Rule for adapters/ (DEVELOPERS.md, "Conventions"): an adapter imports its own folder, packages (its
 * framework, node:*) and the few files of src/ in {@link FOR_ADAPTERS}, nothing else: no other adapter
 * and no other file of src/. Those files import nothing of the repository themselves, so an adapter
 * loads nothing of the suite beyond them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The layers of src/, lowest first. A folder may import its own layer's folder and any folder of a
 * lower layer; folders listed together are peers and import neither each other nor anything above.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['contract', 'text', 'linalg'], // the adapter contract; text sanitising; dense linear algebra
  ['result', 'spec', 'activation'], // the result vocabulary; specs/spec.json; the σ catalogue
  ['bound'], // numbers with error bounds
  ['model'], // expected values and their tolerances
  ['arbitrary'], // case generation
  ['check'], // comparing a returned value with its expected one
  ['diagnosis'], // known wrong forms
  ['adapters'], // loading and validating an adapter module
  ['host'], // running the adapter (in process or in a child) and calling it
  ['property'], // the properties
  ['runner'], // runs properties over targets, shrinks, summarises
  ['expectations', 'vectors'], // --expectations files; golden vectors
  ['report'], // report writers
  ['cli', 'vitest', 'index'], // the entry points
];

/** The files of src/ an adapter may import, and how: `types` (import type only) or `values`. */
const FOR_ADAPTERS: Readonly<Record<string, 'types' | 'values'>> = {
  'src/contract.ts': 'types', // the contract: types only, so that a third-party copy of it works the same
  'src/adapters/frameworkPackage.ts': 'values', // finds and imports the framework package
};

/** One import of a file. */
interface Import {
  /** The file, relative to the repository root. */ readonly file: string;
  /** 1-based line. */ readonly line: number;
  /** The module specifier as written. */ readonly specifier: string;
  /** `import type` / `export type` (or every named binding `type`). */ readonly typeOnly: boolean;
  /** An `import()` expression. */ readonly dynamic: boolean;
  /** The file it resolves to, relative to the root (relative specifiers only). */ readonly target?: string;
}

/** Every .ts file under `dir` (relative to the root), sorted. */
function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f).split(sep).join('/'))
    .sort();
}

/** Whether an import declaration brings in types only. */
function typeOnlyImport(d: ts.ImportDeclaration): boolean {
  const clause = d.importClause;
  if (clause === undefined) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every import of a file: declarations, re-exports and `import()` calls. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, dynamic: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const target = specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts')
      : undefined;
    found.push({ file, line, specifier, typeOnly, dynamic, ...(target === undefined ? {} : { target }) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text, typeOnlyImport(node), false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier))
      add(node, node.moduleSpecifier.text, node.isTypeOnly, false);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      // A computed specifier (loadAdapter's user module) names no file of the repository.
      if (arg !== undefined && ts.isStringLiteralLike(arg)) add(node, arg.text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      add(node, node.argument.literal.text, true, false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The src/ folder a file under src/ belongs to: its top folder, or its name for a file directly in src/. */
function folderOf(file: string): string {
  const parts = file.split('/').slice(1);
  return parts.length === 1 ? parts[0].replace(/\.ts$/, '') : parts[0];
}

/** How an import reads in a failure message. */
function where(i: Import): string {
  return `${i.file}:${i.line} imports '${i.specifier}'`;
}

const SRC = tsFiles('src');
const SRC_IMPORTS = SRC.flatMap(importsOf);
const LAYER = new Map(LAYERS.flatMap((folders, layer) => folders.map((f) => [f, layer] as const)));
/** Imports from one src/ folder into another. */
const CROSS = SRC_IMPORTS.filter((i) => i.target?.startsWith('src/') && folderOf(i.file) !== folderOf(i.target));

describe('the layers of src/', () => {
  it('name every folder once, and only folders', () => {
    const folders = [...new Set(SRC.map(folderOf))].sort();
    const listed = LAYERS.flat();
    expect(
      listed.filter((f, i) => listed.indexOf(f) !== i),
      'folders listed twice in LAYERS',
    ).toEqual([]);
    expect(
      folders.filter((f) => !LAYER.has(f)),
      'folders of src/ missing from LAYERS (add each to the layer it belongs to)',
    ).toEqual([]);
    expect(
      listed.filter((f) => !folders.includes(f)),
      'names in LAYERS that are no folder of src/',
    ).toEqual([]);
  });

  it('import only their own folder and lower layers', () => {
    const wrong = CROSS.flatMap((i) => {
      const from = folderOf(i.file);
      const to = folderOf(i.target!);
      const a = LAYER.get(from);
      const b = LAYER.get(to);
      if (a === undefined || b === undefined || b < a) return [];
      const why = b === a ? `${to} is a peer of ${from} (both LAYERS[${a}])` : `${to} (LAYERS[${b}]) is above ${from} (LAYERS[${a}])`;
      return [`${where(i)}: ${why}`];
    });
    expect(wrong, 'imports that run upward or sideways: move the shared code down, or the file up').toEqual([]);
  });

  it('import each other in no cycle', () => {
    const edges = new Map<string, Map<string, Import>>();
    for (const i of CROSS) {
      const from = folderOf(i.file);
      const out = edges.get(from) ?? new Map<string, Import>();
      if (!out.has(folderOf(i.target!))) out.set(folderOf(i.target!), i);
      edges.set(from, out);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (folder: string, path: string[]): void => {
      state.set(folder, 'open');
      for (const next of edges.get(folder)?.keys() ?? []) {
        if (state.get(next) === 'open') {
          const cycle = [...path.slice(path.indexOf(next)), folder, next];
          const steps = cycle.slice(0, -1).map((f, k) => where(edges.get(f)!.get(cycle[k + 1])!));
          cycles.push(`${cycle.join(' → ')}\n    ${steps.join('\n    ')}`);
        } else if (state.get(next) === undefined) walk(next, [...path, folder]);
      }
      state.set(folder, 'done');
    };
    for (const folder of [...edges.keys()].sort()) if (state.get(folder) === undefined) walk(folder, []);
    expect(cycles, 'folder cycles (one import of each step shown)').toEqual([]);
  });

  it('reach the adapters/ tree only through the lazy loaders of src/adapters/builtinAdapters.ts', () => {
    const outside = SRC_IMPORTS.filter((i) => i.target !== undefined && !i.target.startsWith('src/'));
    const wrong = outside.filter((i) => !(i.file === 'src/adapters/builtinAdapters.ts' && i.dynamic && /^adapters\/[^/]+\/index\.ts$/.test(i.target!)));
    expect(wrong.map((i) => `${where(i)}: resolves to ${i.target}, outside src/`)).toEqual([]);
  });
});

describe('the built-in adapters', () => {
  const files = tsFiles('adapters');

  it('exist (the check below reads them)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('import their own folder, packages and the files of src/ meant for them, nothing else', () => {
    const wrong = files.flatMap(importsOf).flatMap((i) => {
      if (i.target === undefined) return []; // a package: the framework, node:*
      const own = i.file.split('/').slice(0, 2).join('/');
      if (i.target.startsWith(`${own}/`)) return [];
      const how = FOR_ADAPTERS[i.target];
      if (how === 'values' || (how === 'types' && i.typeOnly)) return [];
      if (how === 'types') return [`${where(i)}: import only types from it (import type …)`];
      return [
        `${where(i)}: resolves to ${i.target}, outside ${own}/ (an adapter imports only its own folder, packages and ${Object.keys(FOR_ADAPTERS).join(', ')})`,
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('load nothing else of src/ through the files meant for them', () => {
    const wrong = Object.keys(FOR_ADAPTERS)
      .flatMap(importsOf)
      .filter((i) => i.target !== undefined);
    expect(wrong.map((i) => `${where(i)}: a file adapters import imports only packages`)).toEqual([]);
  });
});
