// The participant list: this person and everyone else, facilitators first (whom to ask, whom to
// follow), then by name in the reader's language.
import type { Role } from '@interlink/protocol';
import type { LocalUser, Peer } from '../sync/peers.js';

export interface Participant {
  /** Unique in the list: the awareness client id (ours for "you"). */
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly role: Role | undefined;
  readonly self: boolean;
  /** Absent for "you": nobody follows themselves. */
  readonly peer: Peer | undefined;
}

export function participants(
  self: LocalUser,
  selfId: number,
  peers: readonly Peer[],
  compareNames: (a: string, b: string) => number,
): Participant[] {
  const everyone: Participant[] = [
    { clientId: selfId, name: self.name, color: self.color, role: self.role, self: true, peer: undefined },
    ...peers.map((peer) => ({ clientId: peer.clientId, name: peer.name, color: peer.color, role: peer.role, self: false, peer })),
  ];
  const rank = (p: Participant): number => (p.role === 'facilitator' ? 0 : 1);
  return everyone.sort((a, b) => rank(a) - rank(b) || compareNames(a.name, b.name) || a.clientId - b.clientId);
}
