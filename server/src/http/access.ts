// Who is asking: resolves a board id and a token to the board and the token's role, for the
// HTTP API and the WebSocket alike. Each role's hash is compared in constant time, and all
// three are always compared, so timing tells nothing about which role nearly matched. A token
// that is no role token may be a member's personal token (CONTRACT.md section 6).
import { ROLES, type Role } from '@interlink/protocol';
import type { BoardRecord, BoardStore } from '../persistence/types.js';
import { hashToken, tokenMatches } from './tokens.js';

export type Access =
  | {
      readonly ok: true;
      readonly board: BoardRecord;
      readonly role: Role;
      /** Set when the token is a member's personal token rather than a role token. */
      readonly memberId?: string;
    }
  | { readonly ok: false; readonly reason: 'board_not_found' | 'unauthorized' };

export async function resolveAccess(store: BoardStore, boardId: string, token: string | undefined): Promise<Access> {
  const board = await store.getBoard(boardId);
  if (!board) return { ok: false, reason: 'board_not_found' };
  if (!token) return { ok: false, reason: 'unauthorized' };
  let role: Role | undefined;
  for (const candidate of ROLES) {
    if (tokenMatches(token, board.tokenHashes[candidate]) && role === undefined) role = candidate;
  }
  if (role) return { ok: true, board, role };
  // Member tokens are looked up by their SHA-256 in an index, not compared in constant time. That
  // is safe: what the timing of an index lookup could reveal is how far a presented token's
  // hash shares a prefix with a stored hash, and a token is 256 random bits whose hash cannot be
  // steered, so no prefix learnt brings anyone closer to a valid token.
  const member = await store.findMember(board.id, hashToken(token));
  return member ? { ok: true, board, role: member.role, memberId: member.id } : { ok: false, reason: 'unauthorized' };
}

/** The token of a request: `Authorization: Bearer <token>`, else the `token` query parameter. */
export function requestToken(authorization: string | undefined, queryToken: unknown): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1];
  return typeof queryToken === 'string' && queryToken.length > 0 ? queryToken : undefined;
}
