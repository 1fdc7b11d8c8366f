// The member identity this browser holds for one share link of one board (CONTRACT.md
// section 6), so that a reload, or a visit next week, is the same person, and so that the board
// opens at once, even offline, from what is stored here.
//
// One record per (board, share link): a facilitator who opens the facilitator link and later
// the participant link of the same board in one browser is two members, each with its role.
// The key holds a hash of the link's token, not the token itself, so that reading the keys
// (e.g. in the browser's devtools) gives no link away. The record holds the member's personal
// token, which is what opening the board needs anyway.
//
// Storage can be missing or throw (private mode, quota, disabled): then nothing is remembered
// and the page asks again on the next visit.
import { isRole, type Role } from '@interlink/protocol';
import { cleanName } from '../share/shareLink.js';
import { stableHash } from './identity.js';

/** What reopening the board as the same person needs, also offline. */
export interface StoredMember {
  readonly memberId: string;
  /** The member's personal token: for GET /api/boards/:id, the WebSocket and exports. */
  readonly token: string;
  readonly role: Role;
  /** The board's title when last seen, shown before the board's own data has loaded. */
  readonly title: string;
  /** The display name, or undefined for a member who chose to stay anonymous. */
  readonly name: string | undefined;
}

type StorageReader = Pick<Storage, 'getItem'>;
type StorageWriter = Pick<Storage, 'setItem' | 'removeItem'>;

const KEY_PREFIX = 'interlink.member.v1';
/** Tokens and ids are short base64url strings; anything far longer is not ours. */
const MAX_FIELD_LENGTH = 512;

/** Two 32-bit hashes with different seeds: 64 bits, so two links of one board never share a key. */
export function linkKey(linkToken: string): string {
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return `${hex(stableHash(linkToken))}${hex(stableHash(linkToken, 0x5bd1e995))}`;
}

/** What every member key of one board starts with, whatever the link: forgetting the board removes them all. */
export function boardMemberKeyPrefix(boardId: string): string {
  return `${KEY_PREFIX}:${boardId}:`;
}

export function memberStorageKey(boardId: string, linkToken: string): string {
  return `${boardMemberKeyPrefix(boardId)}${linkKey(linkToken)}`;
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD_LENGTH;
}

/** A stored record as JSON; anything else (edited by hand, an older shape) reads as none. */
export function parseStoredMember(text: string | null): StoredMember | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { memberId, token, role, title, name } = value as Record<string, unknown>;
  if (!isShortString(memberId) || !isShortString(token) || !isRole(role) || typeof title !== 'string') return undefined;
  if (name !== null && typeof name !== 'string') return undefined;
  return { memberId, token, role, title, name: typeof name === 'string' ? cleanName(name) : undefined };
}

export function loadMember(storage: StorageReader | undefined, boardId: string, linkToken: string): StoredMember | undefined {
  try {
    return parseStoredMember(storage?.getItem(memberStorageKey(boardId, linkToken)) ?? null);
  } catch {
    return undefined;
  }
}

/** True when stored; false when storage refused (the member then lives for this page only). */
export function saveMember(storage: StorageWriter | undefined, boardId: string, linkToken: string, member: StoredMember): boolean {
  if (!storage) return false;
  const { memberId, token, role, title, name } = member;
  try {
    // `name: null` rather than absent: anonymous is a choice, written down as such.
    storage.setItem(memberStorageKey(boardId, linkToken), JSON.stringify({ memberId, token, role, title, name: name ?? null }));
    return true;
  } catch {
    return false;
  }
}

export function forgetMember(storage: StorageWriter | undefined, boardId: string, linkToken: string): void {
  try {
    storage?.removeItem(memberStorageKey(boardId, linkToken));
  } catch {
    // Nothing stored, or storage unusable: nothing to forget either way.
  }
}
