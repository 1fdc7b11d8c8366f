// Member identities (CONTRACT.md section 6): what `POST /api/boards/:id/members` takes and
// answers, shared by the server, the client and tests so that both ends check names alike.
import { isRole, type Role } from './roles.js';

/** The longest display name, in characters (code points), after normalising. */
export const MEMBER_NAME_MAX_LENGTH = 60;

/** The body of `POST /api/boards/:id/members`; without `name`, the person stays anonymous. */
export interface MemberRequest {
  readonly name?: string;
}

/** The answer: a personal token with the same role as the token that asked. */
export interface MemberCreated {
  readonly memberId: string;
  readonly token: string;
  readonly role: Role;
}

/**
 * A display name as the board shows it: whitespace runs (tabs and newlines too) collapsed to
 * one space, trimmed. Undefined when nothing is left or it is longer than
 * MEMBER_NAME_MAX_LENGTH characters: such a name is refused, not cut.
 */
export function normalizeMemberName(raw: string): string | undefined {
  const name = raw.replace(/\s+/gu, ' ').trim();
  const length = [...name].length;
  return length >= 1 && length <= MEMBER_NAME_MAX_LENGTH ? name : undefined;
}

export function isMemberCreated(value: unknown): value is MemberCreated {
  if (typeof value !== 'object' || value === null) return false;
  const { memberId, token, role } = value as Record<string, unknown>;
  return typeof memberId === 'string' && memberId.length > 0 && typeof token === 'string' && token.length > 0 && isRole(role);
}
