// Logger options: pino JSON lines, and never a token. Tokens travel in the query string of
// share links and WebSocket URLs, so every logged URL has them masked.
import type { FastifyServerOptions } from 'fastify';

export function redactTokens(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

interface RequestLike {
  method: string;
  url: string;
  ip?: string;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req(request: RequestLike) {
        return { method: request.method, url: redactTokens(request.url), remoteAddress: request.ip };
      },
    },
  };
}
