// @ts-check
// The dependency direction of DESIGN.md, enforced: `model` <- `protocol`, `i18n`, `export` <-
// `client`, `server` (`i18n` holds the one catalog that both the report and the client word
// from). Packages never import `client` or `server`; `server` never imports Svelte or Konva;
// `client` never imports server code; the workspace package graph has no cycles.
// `cli` (`pnpm export`) is an application like the server: it may use every package, and the
// server's persistence (to read DATA_DIR as the server does) but nothing else of the server;
// nothing imports it, and it never imports client code, Svelte or Konva.
//
// Imports are found with TypeScript's own pre-processor (static imports, `export ... from`,
// `import()` and `require()`), which already skips comments and strings: a regex would not.
// Run directly (`node scripts/check-deps.mjs [root]`) or through `pnpm check`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * @typedef {{ file: string, line: number, rule: string }} Violation
 * @typedef {{ file: string, line: number, specifier: string }} ImportRef
 * @typedef {{ dir: string, name: string, manifest: Record<string, unknown> }} WorkspacePackage
 */

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.svelte'];
const SKIPPED_DIRS = new Set(['node_modules', '.svelte-kit', 'dist', 'build']);
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** Used when a tree has no pnpm-workspace.yaml (the fixtures in the tests may omit it). */
const DEFAULT_WORKSPACE = ['packages/*', 'server', 'client', 'test'];
const BUILTINS = new Set(builtinModules);

/**
 * What each layer may import besides itself. `thirdParty: null` means any library; `workspace`
 * lists the folders of the workspace packages it may use (`null`: any, except client and server).
 * @type {Record<string, { thirdParty: readonly string[] | null, builtins: boolean, workspace: readonly string[] | null, says: string }>}
 */
const PACKAGE_LAYERS = {
  'packages/model': {
    thirdParty: ['yjs', 'lib0'],
    builtins: false,
    workspace: [],
    says: 'model may import only yjs and lib0 (no other @interlink package, no node builtins, no DOM libraries)',
  },
  'packages/protocol': {
    thirdParty: ['yjs', 'y-protocols', 'lib0'],
    builtins: false,
    workspace: ['packages/model'],
    says: 'protocol may import only @interlink/model, yjs, y-protocols and lib0',
  },
  'packages/i18n': {
    thirdParty: [],
    builtins: false,
    workspace: ['packages/model'],
    says: 'i18n may import only @interlink/model (catalogs and wording, no libraries, no node builtins)',
  },
  'packages/export': {
    thirdParty: null,
    builtins: true,
    workspace: ['packages/model', 'packages/i18n'],
    says: 'export may import only @interlink/model and @interlink/i18n of the workspace',
  },
};
const FREE_PACKAGE = { thirdParty: null, builtins: true, workspace: null, says: '' };

/** Libraries that belong to the browser canvas; the server has no business with them. */
const CLIENT_ONLY_LIBRARIES = ['svelte', '@sveltejs/kit', '@sveltejs/vite-plugin-svelte', '@sveltejs/adapter-node', 'konva'];

/** The applications: nothing imports them (except the CLI, the server's persistence below). */
const APPS = ['client', 'server', 'cli'];

/** The only way into the server from the CLI: its store, not the Fastify app. */
const SERVER_PERSISTENCE = '@interlink/server/persistence/';

/** Unit tests and their helpers may use test tooling (vitest, fast-check, node:) in any layer. @param {string} file */
function isTestCode(file) {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || file.split('/').includes('testing');
}

const toPosix = (/** @type {string} */ path) => path.split(sep).join('/');

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`; `node:fs` -> `node:fs`. @param {string} specifier */
function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** @param {string} specifier */
function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageNameOf(specifier));
}

const isRelative = (/** @type {string} */ specifier) => specifier.startsWith('.') || specifier.startsWith('/');

/**
 * Workspace package folders, from pnpm-workspace.yaml's `packages:` list (`dir` and `dir/*` forms).
 * @param {string} root @returns {string[]}
 */
function workspacePatterns(root) {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) return DEFAULT_WORKSPACE;
  /** @type {string[]} */ const patterns = [];
  let inPackages = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) inPackages = /^packages\s*:/.test(line);
    const entry = inPackages ? /^\s+-\s+['"]?([^'"#\s]+)['"]?/.exec(line) : null;
    if (entry?.[1]) patterns.push(entry[1]);
  }
  return patterns;
}

/** @param {string} root @returns {WorkspacePackage[]} */
export function readWorkspace(root) {
  const dirs = workspacePatterns(root).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      /** @type {Record<string, unknown>} */
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      return { dir, name: String(manifest.name ?? dir), manifest };
    });
}

/** The layer a source file belongs to: `packages/<name>`, `server`, `client` or `cli`. @param {string} file */
function layerOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'packages' && parts.length > 2) return `packages/${parts[1]}`;
  if (parts[0] !== undefined && APPS.includes(parts[0])) return parts[0];
  return undefined;
}

/** @param {string} root @param {string} dir @param {string[]} out @returns {string[]} */
function walk(root, dir, out) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return out;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(root, path, out);
    } else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      out.push(path);
    }
  }
  return out;
}

/** Every source file under packages/*\/src, server/src, client/src and cli/src, relative to root. @param {string} root */
export function sourceFiles(root) {
  const packages = existsSync(join(root, 'packages'))
    ? readdirSync(join(root, 'packages'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `packages/${e.name}/src`)
    : [];
  return [...packages, 'server/src', 'client/src', 'cli/src'].flatMap((dir) => walk(root, dir, [])).sort();
}

const lineAt = (/** @type {string} */ text, /** @type {number} */ position) => text.slice(0, position).split('\n').length;

/**
 * The module specifiers a file imports, with their lines. Svelte components are read from their
 * `<script>` blocks only, keeping line numbers of the whole file.
 * @param {string} root @param {string} file @returns {ImportRef[]}
 */
export function importsOf(root, file) {
  const text = readFileSync(join(root, file), 'utf8');
  const chunks = file.endsWith('.svelte')
    ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({ code: m[1] ?? '', offset: (m.index ?? 0) + m[0].indexOf('>') + 1 }))
    : [{ code: text, offset: 0 }];
  return chunks.flatMap(({ code, offset }) =>
    ts.preProcessFile(code, true, true).importedFiles.map((ref) => ({
      file,
      line: lineAt(text, offset + ref.pos),
      specifier: ref.fileName,
    })),
  );
}

/**
 * Where a relative import lands: its path from the root and the layer (or top folder) there.
 * @param {string} file @param {string} specifier @param {string} root
 */
function targetFolder(file, specifier, root) {
  const target = toPosix(relative(root, resolve(root, dirname(file), specifier)));
  if (target.startsWith('..')) return { path: target, layer: 'outside the repository' };
  return { path: target, layer: layerOf(`${target}/x`) ?? target.split('/')[0] ?? target };
}

/**
 * The rule an import breaks, or undefined when it is allowed.
 * @param {string} layer @param {string} specifier @param {string} file @param {string} root
 * @param {Map<string, string>} dirByName workspace package name -> folder
 */
function ruleFor(layer, specifier, file, root, dirByName) {
  const isPackage = layer.startsWith('packages/');
  if (isRelative(specifier)) {
    const target = targetFolder(file, specifier, root);
    if (target.path === layer || target.path.startsWith(`${layer}/`)) return undefined;
    if (isPackage && APPS.includes(target.layer)) return `packages never import ${target.layer} code`;
    if (layer === 'server' && target.layer === 'client') return 'server never imports client code';
    if (layer === 'client' && target.layer === 'server') return 'client never imports server code';
    if ((layer === 'server' || layer === 'client') && target.layer === 'cli') return `${layer} never imports cli code`;
    if (layer === 'cli' && target.layer === 'client') return 'cli never imports client code';
    // Climbing into another folder bypasses the package graph this check (and pnpm) relies on.
    return `imports ${target.path} by relative path, outside ${layer}/; import workspace packages by name`;
  }
  const name = packageNameOf(specifier);
  const targetDir = dirByName.get(name);
  if (targetDir !== undefined) {
    const rule = workspaceRuleFor(layer, targetDir, name);
    if (rule) return rule;
    // Declaring the server is allowed (package.json); importing its app is not.
    if (layer === 'cli' && targetDir === 'server' && !specifier.startsWith(SERVER_PERSISTENCE))
      return `cli imports the server only through ${SERVER_PERSISTENCE}* (the store, not the app): ${specifier}`;
    return undefined;
  }
  if ((layer === 'server' || layer === 'cli') && CLIENT_ONLY_LIBRARIES.some((lib) => name === lib || name.startsWith('@sveltejs/')))
    return `${layer} never imports Svelte or Konva (${name})`;
  if (!isPackage || isTestCode(file)) return undefined;
  const rules = PACKAGE_LAYERS[layer] ?? FREE_PACKAGE;
  if (isBuiltin(specifier)) return rules.builtins ? undefined : `${rules.says}: ${specifier}`;
  if (rules.thirdParty === null || rules.thirdParty.includes(name)) return undefined;
  return `${rules.says}: ${specifier}`;
}

/**
 * The rule a dependency of `layer` on the workspace package in `targetDir` breaks; '' when allowed.
 * Applied to imports and to package.json declarations alike.
 * @param {string} layer @param {string} targetDir @param {string} name
 */
function workspaceRuleFor(layer, targetDir, name) {
  if (targetDir === layer) return '';
  const isPackage = layer.startsWith('packages/');
  if (isPackage && APPS.includes(targetDir)) return `packages never import ${targetDir} code (${name})`;
  if (layer === 'server' && targetDir === 'client') return `server never imports client code (${name})`;
  if (layer === 'client' && targetDir === 'server') return `client never imports server code (${name})`;
  if ((layer === 'server' || layer === 'client') && targetDir === 'cli') return `${layer} never imports cli code (${name})`;
  if (layer === 'cli' && targetDir === 'client') return `cli never imports client code (${name})`;
  const rules = isPackage ? (PACKAGE_LAYERS[layer] ?? FREE_PACKAGE) : FREE_PACKAGE;
  if (rules.workspace !== null && !rules.workspace.includes(targetDir)) return `${rules.says}: ${name}`;
  return '';
}

/**
 * The line of `"name"` in a manifest, so that a violation points at the declaration.
 * @param {string} root @param {string} dir @param {string} name
 */
function manifestLine(root, dir, name) {
  const lines = readFileSync(join(root, dir, 'package.json'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`"${name}"`));
  return index + 1 || 1;
}

/**
 * Cycles in a directed graph, one per strongly connected component (Tarjan), each as a path
 * that starts and ends at the same node.
 * @param {Map<string, Set<string>>} graph
 */
export function findCycles(graph) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const components = [];
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop() ?? node;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components
    .filter((c) => c.length > 1 || (graph.get(c[0] ?? '')?.has(c[0] ?? '') ?? false))
    .map((component) => cyclePath(graph, new Set(component)));
}

/**
 * A shortest path from the component's first node (by name) back to itself.
 * @param {Map<string, Set<string>>} graph @param {Set<string>} members @returns {string[]}
 */
function cyclePath(graph, members) {
  const start = [...members].sort()[0] ?? '';
  /** @type {Map<string, string>} */ const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? start;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? '') ?? start);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * Checks a repository tree; answers every violation (empty when the tree is clean).
 * @param {string} root
 * @returns {{ violations: Violation[], files: number }}
 */
export function checkDependencies(root) {
  const workspace = readWorkspace(root);
  const dirByName = new Map(workspace.map((p) => [p.name, p.dir]));
  const nameByDir = new Map(workspace.map((p) => [p.dir, p.name]));
  /** @type {Violation[]} */ const violations = [];
  /** @type {Map<string, Set<string>>} */ const graph = new Map(workspace.map((p) => [p.name, new Set()]));
  /** @type {Map<string, { file: string, line: number }>} */ const edgeAt = new Map();
  /** @param {string} from @param {string} to @param {{ file: string, line: number }} at */
  const addEdge = (from, to, at) => {
    graph.get(from)?.add(to);
    if (!edgeAt.has(`${from}\0${to}`)) edgeAt.set(`${from}\0${to}`, at);
  };

  for (const pkg of workspace) {
    for (const field of DEPENDENCY_FIELDS) {
      const deps = pkg.manifest[field];
      if (typeof deps !== 'object' || deps === null) continue;
      for (const name of Object.keys(deps)) {
        const targetDir = dirByName.get(name);
        if (targetDir === undefined) continue;
        const at = { file: `${pkg.dir}/package.json`, line: manifestLine(root, pkg.dir, name) };
        addEdge(pkg.name, name, at);
        const rule = workspaceRuleFor(pkg.dir, targetDir, name);
        if (rule) violations.push({ ...at, rule });
      }
    }
  }

  const files = sourceFiles(root);
  for (const file of files) {
    const layer = layerOf(file);
    if (layer === undefined) continue;
    for (const ref of importsOf(root, file)) {
      const rule = ruleFor(layer, ref.specifier, file, root, dirByName);
      if (rule) violations.push({ file, line: ref.line, rule });
      const owner = nameByDir.get(layer);
      const target = isRelative(ref.specifier) ? undefined : packageNameOf(ref.specifier);
      if (owner !== undefined && target !== undefined && dirByName.has(target) && target !== owner) {
        addEdge(owner, target, { file, line: ref.line });
      }
    }
  }

  for (const cycle of findCycles(graph)) {
    const at = edgeAt.get(`${cycle[0]}\0${cycle[1]}`) ?? { file: 'pnpm-workspace.yaml', line: 1 };
    violations.push({ ...at, rule: `workspace dependency cycle: ${cycle.join(' -> ')}` });
  }
  return { violations, files: files.length };
}

/** @param {Violation} violation */
export const formatViolation = (violation) => `${violation.file}:${violation.line}: ${violation.rule}`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const { violations, files } = checkDependencies(root);
  for (const violation of violations) console.error(formatViolation(violation));
  console.log(`dependency direction: ${files} files, ${violations.length} violation(s)`);
  process.exitCode = violations.length > 0 ? 1 : 0;
}
