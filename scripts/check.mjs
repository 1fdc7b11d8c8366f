// @ts-check
// `pnpm check`: type-checks every project, runs svelte-check on the client, and enforces the
// dependency direction of DESIGN.md. Every step runs even when an earlier one fails, so one run
// shows everything that is wrong; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDependencies, formatViolation } from './check-deps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Projects type-checked by plain tsc; the client is checked by svelte-check instead. */
const TSC_PROJECTS = ['packages/model', 'packages/protocol', 'packages/i18n', 'packages/export', 'server', 'cli', 'test', 'scripts'];

/** @typedef {{ name: string, status: 'pass' | 'fail' | 'skip', detail?: string, ms: number }} StepResult */

/**
 * The path of a package's bin script, found through `dir`'s node_modules (pnpm links direct
 * dependencies there) or the root's. Run with this Node, so no shell shim is needed.
 * @param {string} dir @param {string} pkg @param {string} bin
 */
function binPath(dir, pkg, bin) {
  for (const base of [dir, root]) {
    const manifestPath = join(base, 'node_modules', pkg, 'package.json');
    if (!existsSync(manifestPath)) continue;
    /** @type {{ bin?: string | Record<string, string> }} */
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
    if (entry) return join(dirname(manifestPath), entry);
  }
  throw new Error(`${pkg} is not installed (looked in ${dir} and ${root}); run pnpm install`);
}

/** @param {string} script @param {string[]} args @param {string} cwd */
function runNode(script, args, cwd) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' });
  return result.status === 0;
}

/** @param {string} name @param {() => boolean | 'skip'} body @returns {StepResult} */
function step(name, body, skipReason = '') {
  console.log(`\n── ${name}`);
  const started = Date.now();
  let outcome;
  try {
    outcome = body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    outcome = false;
  }
  const ms = Date.now() - started;
  const status = outcome === 'skip' ? 'skip' : outcome ? 'pass' : 'fail';
  console.log(status === 'skip' ? `   skipped: ${skipReason}` : `   ${status} (${ms} ms)`);
  return { name, status, ms, ...(status === 'skip' ? { detail: skipReason } : {}) };
}

/** @type {StepResult[]} */
const results = [];

for (const project of TSC_PROJECTS) {
  const hasConfig = existsSync(join(root, project, 'tsconfig.json'));
  results.push(
    step(
      `tsc --noEmit -p ${project}`,
      () => (hasConfig ? runNode(binPath(root, 'typescript', 'tsc'), ['--noEmit', '-p', project], root) : 'skip'),
      `no ${project}/tsconfig.json yet`,
    ),
  );
}

const client = join(root, 'client');
results.push(
  step(
    'svelte-check (client)',
    () => {
      if (!existsSync(join(client, 'svelte.config.js'))) return 'skip';
      // svelte-kit sync writes .svelte-kit/tsconfig.json, which client/tsconfig.json extends.
      if (!runNode(binPath(client, '@sveltejs/kit', 'svelte-kit'), ['sync'], client)) return false;
      // Errors fail the check; warnings are printed but do not.
      return runNode(binPath(client, 'svelte-check', 'svelte-check'), ['--tsconfig', './tsconfig.json', '--output', 'human'], client);
    },
    'no client/svelte.config.js yet',
  ),
);

results.push(
  step('dependency direction (scripts/check-deps.mjs)', () => {
    const { violations, files } = checkDependencies(root);
    for (const violation of violations) console.error(`   ${formatViolation(violation)}`);
    console.log(`   ${files} source files, ${violations.length} violation(s)`);
    return violations.length === 0;
  }),
);

console.log('\n── summary');
for (const result of results) {
  const mark = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' }[result.status];
  console.log(`   ${mark} ${result.name}${result.detail ? ` (${result.detail})` : ''}`);
}
const failed = results.filter((r) => r.status === 'fail');
console.log(failed.length === 0 ? '\ncheck passed' : `\ncheck failed: ${failed.length} step(s)`);
process.exitCode = failed.length === 0 ? 0 : 1;
