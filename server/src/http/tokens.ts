// Role tokens: 256 random bits, shown once at creation, stored only as SHA-256 hashes (a
// token is high-entropy, so a fast hash is enough), compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Board ids are not secrets (tokens are), but are unguessable all the same: 96 bits. */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url');
}

/** Member ids travel to other clients (votes, authorship) and are no secret: 96 random bits, so none collide. */
export function newMemberId(): string {
  return randomBytes(12).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const candidate = hashToken(token);
  return storedHash.length === candidate.length && timingSafeEqual(candidate, storedHash);
}
