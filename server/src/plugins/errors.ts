// One error shape for every failure (CONTRACT.md section 2): {"error": {"code", "message"}}.
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, ERROR_CODES, errorBody, noRouteError, type ErrorCode } from '../http/errors.js';

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_CODES) as [ErrorCode, number][]).find(([, code]) => code === status);
  return match ? match[0] : status >= 500 ? 'internal_error' : 'invalid_request';
}

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
      if (error instanceof ApiError) {
        return reply.status(error.statusCode).send(errorBody(error.code, error.message));
      }
      if (error.validation) {
        // Fastify words it as "body/title must NOT have fewer than 1 characters": it names the field.
        return reply.status(400).send(errorBody('invalid_request', error.message));
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.status(500).send(errorBody('internal_error', 'internal server error'));
      }
      return reply.status(status).send(errorBody(codeForStatus(status), error.message));
    });
    app.setNotFoundHandler((request, reply) => {
      const error = noRouteError(request.method, request.url);
      reply.status(error.statusCode).send(errorBody(error.code, error.message));
    });
  },
  { name: 'errors' },
);
