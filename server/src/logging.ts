// Logger options: pino JSON lines, and never a token. Tokens travel in the query string of
// share links and WebSocket URLs, so every logged URL has them masked.
import type { FastifyServerOptions } from 'fastify';

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

/** Masks the value of every query parameter whose name, once decoded (`%74oken` too), is `token`. */
export function redactTokens(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart < 0 ? undefined : hashStart);
  const masked = query
    .split('&')
    .map((pair) => {
      const [key = '', ...value] = pair.split('=');
      return value.length > 0 && decodedKey(key).toLowerCase() === 'token' ? `${key}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart + 1)}${masked}${hashStart < 0 ? '' : url.slice(hashStart)}`;
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
