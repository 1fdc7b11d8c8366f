// Entry point: configuration from the environment, then listen; SIGTERM/SIGINT close cleanly.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { ScaleOutStartError } from './scaleout/open.js';

// Bundled to server/dist/main.js; the built client sits at client/build.
const defaultClientDir = join(dirname(fileURLToPath(import.meta.url)), '../../client/build');

async function main(): Promise<void> {
  const config = loadConfig(process.env, defaultClientDir);
  const app = await buildApp({ config });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof ScaleOutStartError) console.error(`Scale-out start failed: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
