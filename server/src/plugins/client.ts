// Serves the built SvelteKit client (adapter-node's handler) on the same port as the API, so
// that a share link opens the board page. Anything under /api/ that no route matched stays a
// JSON 404 in the contract's shape rather than an HTML page.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { noRouteError } from '../http/errors.js';
import './decorators.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function isNodeHandler(value: unknown): value is NodeHandler {
  return typeof value === 'function';
}

export default fp(
  async function clientPlugin(app: FastifyInstance) {
    app.all('/api/*', async (request) => {
      throw noRouteError(request.method, request.url);
    });

    const clientDir = app.config.clientDir;
    const handlerPath = clientDir ? join(clientDir, 'handler.js') : undefined;
    if (!handlerPath || !existsSync(handlerPath)) {
      app.log.warn({ clientDir }, 'no built client found; serving the API only');
      return;
    }
    const loaded: unknown = (await import(pathToFileURL(handlerPath).href)).handler;
    if (!isNodeHandler(loaded)) throw new Error(`${handlerPath} exports no handler`);
    const handler = loaded;

    app.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      handler: (request, reply) => {
        reply.hijack();
        handler(request.raw, reply.raw, () => {
          reply.raw.statusCode = 404;
          reply.raw.end('Not found');
        });
      },
    });
  },
  { name: 'client', dependencies: ['config'] },
);
