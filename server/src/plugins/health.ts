import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async function healthRoutes(app: FastifyInstance) {
    // Registered routes answer only once the server listens, so 200 here means "accepting".
    app.get('/healthz', async () => ({ ok: true }));
  },
  { name: 'health' },
);
