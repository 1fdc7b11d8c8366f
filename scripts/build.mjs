// Builds what is stale: the server bundle (esbuild, well under a second, so always) and the
// SvelteKit client (vite, slow, so only when its sources or the packages it uses changed).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function buildServer() {
  const manifest = JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8'));
  // Third-party packages stay in node_modules (native addons, CJS); our workspace packages
  // are TypeScript sources, so they are bundled in. A library of a workspace package that must
  // stay out of the bundle (resvg's native addon, pdfkit and fontkit reading their data files,
  // the font files) is therefore a dependency of the server too, resolved from its node_modules.
  const external = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@interlink/'));
  await build({
    entryPoints: [join(root, 'server/src/main.ts')],
    outdir: join(root, 'server/dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'build' || entry === '.svelte-kit') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildClientIfStale() {
  const stamp = join(root, 'client/build/.built-at');
  // packages/export: the client's import preview uses its json and csv parsers.
  const inputs = ['client', 'packages/model/src', 'packages/protocol/src', 'packages/i18n/src', 'packages/export/src', 'pnpm-lock.yaml'];
  const newestInput = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput) return;
  // Call the client's own vite directly: pnpm itself may only be reachable through npx.
  const result = spawnSync(process.execPath, [join(root, 'client/node_modules/vite/bin/vite.js'), 'build'], {
    cwd: join(root, 'client'),
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

const serverOnly = process.argv.includes('--server-only');
if (existsSync(join(root, 'server/src/main.ts'))) await buildServer();
if (!serverOnly && existsSync(join(root, 'client/svelte.config.js'))) buildClientIfStale();
