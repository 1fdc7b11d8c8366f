// buildApp(options): the whole server as a Fastify instance, so tests can `inject` into it
// and main.ts can listen with it.
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { loggerOptions } from './logging.js';
import type { Store } from './persistence/types.js';
import boardRoutes from './plugins/boards.js';
import clientPlugin from './plugins/client.js';
import configPlugin from './plugins/config.js';
import errorsPlugin from './plugins/errors.js';
import exportRoutes from './plugins/exports.js';
import healthRoutes from './plugins/health.js';
import importRoutes from './plugins/imports.js';
import memberRoutes from './plugins/members.js';
import persistencePlugin from './plugins/persistence.js';
import syncPlugin from './plugins/sync.js';

export interface AppOptions {
  readonly config: ServerConfig;
  /** A store to use instead of the configured one (SQLite under config.dataDir, or PostgreSQL). */
  readonly store?: Store;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.config.logLevel),
    // Board bodies are small JSON; imports (a later issue) raise this on their own route.
    bodyLimit: 1024 * 1024,
    // Fastify's Ajv coerces by default ({"title": 42} would become "42"); a body that does not
    // validate must be refused, not reinterpreted.
    ajv: { customOptions: { coerceTypes: false } },
  });
  // API answers carry tokens, titles and board content: none of it may stay in a browser's or a
  // proxy's cache, on a shared computer in a field office least of all.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(configPlugin, { config: options.config });
  await app.register(errorsPlugin);
  await app.register(persistencePlugin, options.store ? { store: options.store } : {});
  await app.register(healthRoutes);
  await app.register(boardRoutes);
  await app.register(memberRoutes);
  await app.register(syncPlugin);
  await app.register(exportRoutes);
  await app.register(importRoutes);
  await app.register(clientPlugin);
  return app;
}

export type { ServerConfig } from './config.js';
export { loadConfig } from './config.js';
