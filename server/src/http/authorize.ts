// Route-level access checks, answering 404 / 401 / 403 as CONTRACT.md section 2 says.
import { hasRole, type Role } from '@interlink/protocol';
import type { FastifyRequest } from 'fastify';
import type { BoardRecord, BoardStore } from '../persistence/types.js';
import { requestToken, resolveAccess } from './access.js';
import { ApiError } from './errors.js';

export interface Authorized {
  readonly board: BoardRecord;
  readonly role: Role;
  /** Set when the request came with a member's personal token. */
  readonly memberId?: string;
}

export async function authorize(store: BoardStore, request: FastifyRequest, boardId: string, required: Role): Promise<Authorized> {
  const query = request.query as Record<string, unknown> | undefined;
  const access = await resolveAccess(store, boardId, requestToken(request.headers.authorization, query?.token));
  if (!access.ok) {
    throw access.reason === 'board_not_found'
      ? new ApiError('board_not_found', `no board with id ${boardId}`)
      : new ApiError('unauthorized', 'a valid token for this board is required');
  }
  if (!hasRole(access.role, required)) throw new ApiError('forbidden', `this needs the ${required} role`);
  return access;
}
