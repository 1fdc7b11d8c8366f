// The dependency-direction checker, on small fixture trees: it passes a clean tree, fails each
// kind of forbidden import at the right file and line, and passes the real repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDependencies, findCycles, formatViolation } from './check-deps.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

const manifest = (name: string, deps: Record<string, string> = {}) => JSON.stringify({ name, dependencies: deps }, null, 2);

/** A small workspace that keeps every rule. */
const CLEAN: Record<string, string> = {
  'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - server\n  - client\n  - cli\n\nallowBuilds:\n  esbuild: true\n',
  'packages/model/package.json': manifest('@interlink/model', { yjs: '1', lib0: '1' }),
  'packages/model/src/index.ts': "import * as Y from 'yjs';\nimport * as encoding from 'lib0/encoding';\nexport * from './read.js';\nexport type { Doc } from 'yjs';\n",
  'packages/model/src/read.ts': "// import x from '@interlink/protocol' (a comment, not an import)\nexport const note = \"import '../../../server/src/app.js'\";\n",
  'packages/model/src/read.test.ts': "import { it } from 'vitest';\nimport fc from 'fast-check';\nimport { readFileSync } from 'node:fs';\n",
  'packages/model/src/testing/arbitraries.ts': "import fc from 'fast-check';\nimport * as Y from 'yjs';\n",
  'packages/protocol/package.json': manifest('@interlink/protocol', { '@interlink/model': 'workspace:*' }),
  'packages/protocol/src/index.ts': "import { readBoard } from '@interlink/model';\nimport * as sync from 'y-protocols/sync';\nimport * as decoding from 'lib0/decoding';\n",
  'packages/export/package.json': manifest('@interlink/export', { '@interlink/model': 'workspace:*' }),
  'packages/export/src/index.ts': "import { readBoard } from '@interlink/model';\nimport PDFDocument from 'pdfkit';\n",
  'server/package.json': manifest('@interlink/server', { '@interlink/model': 'workspace:*', '@interlink/protocol': 'workspace:*', '@interlink/export': 'workspace:*' }),
  'server/src/app.ts': "import Fastify from 'fastify';\nimport { join } from 'node:path';\nimport { readBoard } from '@interlink/model';\nimport { rooms } from './rooms/manager.js';\n",
  'server/src/rooms/manager.ts': "export const rooms = new Map();\nconst lazy = () => import('../app.js');\n",
  'cli/package.json': manifest('@interlink/cli', { '@interlink/export': 'workspace:*', '@interlink/model': 'workspace:*', '@interlink/server': 'workspace:*' }),
  'cli/src/main.ts': "import { parseArgs } from 'node:util';\nimport { boardReport } from '@interlink/export';\nimport { SqliteStore } from '@interlink/server/persistence/sqlite';\nimport { fail } from './errors.js';\n",
  'cli/src/errors.ts': 'export const fail = 1;\n',
  'client/package.json': manifest('@interlink/client', { '@interlink/model': 'workspace:*', '@interlink/protocol': 'workspace:*' }),
  'client/src/lib/canvas/renderer.ts': "import Konva from 'konva';\nimport { t } from '$lib/i18n';\nimport { readBoard } from '@interlink/model';\nimport { layout } from '../layout.js';\n",
  'client/src/lib/layout.ts': 'export const layout = 1;\n',
  'client/src/routes/+page.svelte': "<script lang=\"ts\">\n  import { onMount } from 'svelte';\n  import { frame } from '@interlink/protocol';\n</script>\n\n<p>import x from '@interlink/server'</p>\n",
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(overrides: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'check-deps-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ ...CLEAN, ...overrides })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const violationsOf = (overrides: Record<string, string>) => checkDependencies(tree(overrides)).violations.map(formatViolation);

describe('checkDependencies', () => {
  it('passes a clean tree', () => {
    const { violations, files } = checkDependencies(tree());
    expect(violations).toEqual([]);
    expect(files).toBe(Object.keys(CLEAN).filter((p) => /\/src\/.*\.(ts|svelte)$/.test(p)).length);
  });

  it.each([
    ['model importing another @interlink package', 'packages/model/src/bad.ts', "\n\nimport { frame } from '@interlink/protocol';\n", 3, 'model may import only yjs and lib0'],
    ['model importing a node builtin', 'packages/model/src/bad.ts', "import { readFileSync } from 'node:fs';\n", 1, 'model may import only yjs and lib0'],
    ['model importing a bare builtin', 'packages/model/src/bad.ts', "import path from 'path';\n", 1, 'model may import only yjs and lib0'],
    ['model importing a DOM library', 'packages/model/src/bad.ts', "import Konva from 'konva';\n", 1, 'model may import only yjs and lib0'],
    ['model importing dynamically', 'packages/model/src/bad.ts', "export const load = () =>\n  import('@interlink/export');\n", 2, 'model may import only yjs and lib0'],
    ['model re-exporting', 'packages/model/src/bad.ts', "export { frame } from '@interlink/protocol';\n", 1, 'model may import only yjs and lib0'],
    ['a model test importing another layer', 'packages/model/src/bad.test.ts', "import { frame } from '@interlink/protocol';\n", 1, 'model may import only yjs and lib0'],
    ['protocol importing an unlisted library', 'packages/protocol/src/bad.ts', "import { z } from 'zod';\n", 1, 'protocol may import only'],
    ['protocol importing export', 'packages/protocol/src/bad.ts', "import { toJson } from '@interlink/export';\n", 1, 'protocol may import only'],
    ['export importing protocol', 'packages/export/src/bad.ts', "import type { Role } from '@interlink/protocol';\n", 1, 'export may import only @interlink/model'],
    ['a package importing server code by path', 'packages/model/src/bad.ts', "import { buildApp } from '../../../server/src/app.js';\n", 1, 'packages never import server code'],
    ['a package importing client code by path', 'packages/export/src/bad.ts', "import { layout } from '../../../client/src/lib/layout.js';\n", 1, 'packages never import client code'],
    ['a package importing the server by name', 'packages/export/src/bad.ts', "import { buildApp } from '@interlink/server';\n", 1, 'packages never import server code'],
    ['a package importing the client by name', 'packages/export/src/bad.ts', "import '@interlink/client';\n", 1, 'packages never import client code'],
    ['a package climbing into another package', 'packages/protocol/src/bad.ts', "import { readBoard } from '../../model/src/read.js';\n", 1, 'imports packages/model/src/read.js by relative path, outside packages/protocol/; import workspace packages by name'],
    ['server importing konva', 'server/src/bad.ts', "import Konva from 'konva';\n", 1, 'server never imports Svelte or Konva'],
    ['server importing svelte', 'server/src/bad.ts', "import { writable } from 'svelte/store';\n", 1, 'server never imports Svelte or Konva'],
    ['server importing SvelteKit', 'server/src/bad.ts', "import { error } from '@sveltejs/kit';\n", 1, 'server never imports Svelte or Konva'],
    ['server importing client code by path', 'server/src/bad.ts', "import { layout } from '../../client/src/lib/layout.js';\n", 1, 'server never imports client code'],
    ['server importing the client by name', 'server/src/bad.ts', "import '@interlink/client';\n", 1, 'server never imports client code'],
    ['cli importing the server app', 'cli/src/bad.ts', "import { buildApp } from '@interlink/server';\n", 1, 'cli imports the server only through @interlink/server/persistence/* (the store, not the app)'],
    ['cli importing server code by path', 'cli/src/bad.ts', "import { SqliteStore } from '../../server/src/persistence/sqlite.js';\n", 1, 'imports server/src/persistence/sqlite.js by relative path, outside cli/; import workspace packages by name'],
    ['cli importing konva', 'cli/src/bad.ts', "import Konva from 'konva';\n", 1, 'cli never imports Svelte or Konva'],
    ['cli importing the client by name', 'cli/src/bad.ts', "import '@interlink/client';\n", 1, 'cli never imports client code'],
    ['cli importing client code by path', 'cli/src/bad.ts', "import { layout } from '../../client/src/lib/layout.js';\n", 1, 'cli never imports client code'],
    ['server importing the cli by name', 'server/src/bad.ts', "import '@interlink/cli';\n", 1, 'server never imports cli code'],
    ['client importing cli code by path', 'client/src/lib/bad.ts', "import { fail } from '../../../cli/src/errors.js';\n", 1, 'client never imports cli code'],
    ['a package importing the cli by name', 'packages/export/src/bad.ts', "import '@interlink/cli';\n", 1, 'packages never import cli code'],
    ['client importing server code by path', 'client/src/lib/bad.ts', "import { buildApp } from '../../../server/src/app.js';\n", 1, 'client never imports server code'],
    ['client importing the server by name', 'client/src/lib/bad.ts', "import type { App } from '@interlink/server';\n", 1, 'client never imports server code'],
    ['a component importing server code', 'client/src/routes/Bad.svelte', "<h1>hi</h1>\n<script lang=\"ts\">\n  import { rooms } from '../../../server/src/rooms/manager.js';\n</script>\n", 3, 'client never imports server code'],
  ])('fails on %s', (_name, path, source, line, rule) => {
    const violations = violationsOf({ [path]: source });
    // A forbidden edge towards a layer that depends back on this one also closes a cycle,
    // reported on its own line; the rule itself is reported exactly once, where it is broken.
    const [ruleViolation, ...others] = violations.filter((v) => !v.includes('workspace dependency cycle'));
    expect(others).toEqual([]);
    expect(ruleViolation).toContain(`${path}:${line}: ${rule}`);
  });

  it('fails on a package.json declaring a forbidden workspace dependency', () => {
    const violations = violationsOf({ 'packages/export/package.json': manifest('@interlink/export', { '@interlink/client': 'workspace:*' }) });
    expect(violations).toEqual(['packages/export/package.json:4: packages never import client code (@interlink/client)']);
  });

  it('fails on a cycle in the workspace package graph', () => {
    const violations = violationsOf({
      'packages/analysis/package.json': manifest('@interlink/analysis', { '@interlink/report': 'workspace:*' }),
      'packages/analysis/src/index.ts': 'export {};\n',
      'packages/report/package.json': manifest('@interlink/report'),
      'packages/report/src/index.ts': "\nimport { loops } from '@interlink/analysis';\n",
    });
    expect(violations).toEqual(['packages/analysis/package.json:4: workspace dependency cycle: @interlink/analysis -> @interlink/report -> @interlink/analysis']);
  });

  it('reports a forbidden edge that also closes a cycle as both', () => {
    const violations = violationsOf({ 'packages/model/src/bad.ts': "import '@interlink/protocol';\n" });
    expect(violations).toEqual([
      'packages/model/src/bad.ts:1: model may import only yjs and lib0 (no other @interlink package, no node builtins, no DOM libraries): @interlink/protocol',
      'packages/model/src/bad.ts:1: workspace dependency cycle: @interlink/model -> @interlink/protocol -> @interlink/model',
    ]);
    const withManifest = violationsOf({ 'packages/model/package.json': manifest('@interlink/model', { '@interlink/protocol': 'workspace:*' }) });
    expect(withManifest).toEqual([
      'packages/model/package.json:4: model may import only yjs and lib0 (no other @interlink package, no node builtins, no DOM libraries): @interlink/protocol',
      'packages/model/package.json:4: workspace dependency cycle: @interlink/model -> @interlink/protocol -> @interlink/model',
    ]);
  });

  it('exits non-zero from the command line and prints file:line: rule', () => {
    const root = tree({ 'server/src/bad.ts': "import Konva from 'konva';\n" });
    const result = spawnSync(process.execPath, [join(here, 'check-deps.mjs'), root], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('server/src/bad.ts:1: server never imports Svelte or Konva (konva)');
    const clean = spawnSync(process.execPath, [join(here, 'check-deps.mjs'), tree()], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
  });

  it('passes on the real repository', () => {
    const { violations, files } = checkDependencies(repoRoot);
    expect(violations.map(formatViolation)).toEqual([]);
    expect(files).toBeGreaterThan(0);
  });
});

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

  it('finds none in a layered graph', () => {
    expect(findCycles(graph({ model: [], protocol: ['model'], server: ['model', 'protocol'], client: ['protocol'] }))).toEqual([]);
  });

  it('finds one path per cycle, self-loops included', () => {
    expect(findCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['d'], e: ['a'] }))).toEqual(
      expect.arrayContaining([['a', 'b', 'c', 'a'], ['d', 'd']]),
    );
  });
});
