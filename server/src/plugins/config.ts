// Makes the validated configuration available to every plugin as `app.config`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../config.js';
import './decorators.js';

export default fp<{ config: ServerConfig }>(
  async function configPlugin(app: FastifyInstance, options: { config: ServerConfig }) {
    app.decorate('config', options.config);
  },
  { name: 'config' },
);
