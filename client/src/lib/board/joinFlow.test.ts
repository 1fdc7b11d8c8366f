import type { BoardInfo, MemberCreated } from '@interlink/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { loadMember, saveMember } from '../sync/memberStore.js';
import { JoinFlow, type JoinApi } from './joinFlow.js';
import { MemoryStorage } from '../testing/memoryStorage.js';


/** Stands in for the two HTTP calls, recording what was asked. */
class FakeApi implements JoinApi {
  readonly calls: string[] = [];
  answer: BoardInfo | ApiError = { id: 'b1', title: 'Coastal villages', role: 'participant' };
  async getBoard(boardId: string, token: string): Promise<BoardInfo> {
    this.calls.push(`GET ${boardId} ${token}`);
    if (this.answer instanceof ApiError) throw this.answer;
    return this.answer;
  }
  async createMember(boardId: string, token: string, name?: string): Promise<MemberCreated> {
    this.calls.push(`POST ${boardId} ${token} ${name ?? '(anonymous)'}`);
    return { memberId: `m-${this.calls.length}`, token: `personal-${this.calls.length}`, role: 'participant' };
  }
}

const info: BoardInfo = { id: 'b1', title: 'Coastal villages', role: 'participant' };

describe('JoinFlow', () => {
  it('creates a member with the link token and stores it for the next visit', async () => {
    const storage = new MemoryStorage();
    const api = new FakeApi();
    const flow = new JoinFlow('b1', 'link', undefined, api, storage);
    expect(flow.stored()).toBeUndefined();
    const member = await flow.join(info, 'Amina');
    expect(api.calls).toEqual(['POST b1 link Amina']);
    expect(member).toEqual({ memberId: 'm-1', token: 'personal-1', role: 'participant', title: 'Coastal villages', name: 'Amina' });
    // Next visit: the same person, without asking the server first.
    expect(new JoinFlow('b1', 'link', undefined, api, storage).stored()).toEqual(member);
  });

  it('an anonymous member sends no name and is stored as anonymous', async () => {
    const storage = new MemoryStorage();
    const api = new FakeApi();
    const member = await new JoinFlow('b1', 'link', undefined, api, storage).join(info, undefined);
    expect(api.calls).toEqual(['POST b1 link (anonymous)']);
    expect(member.name).toBeUndefined();
    expect(loadMember(storage, 'b1', 'link')?.name).toBeUndefined();
  });

  it('a ?name= on the link keeps the stored member and renames them', () => {
    const storage = new MemoryStorage();
    saveMember(storage, 'b1', 'link', { memberId: 'm-9', token: 'personal-9', role: 'participant', title: 'T', name: 'Ami' });
    const member = new JoinFlow('b1', 'link', 'Amina', new FakeApi(), storage).stored();
    expect(member).toMatchObject({ memberId: 'm-9', name: 'Amina' });
    expect(loadMember(storage, 'b1', 'link')?.name).toBe('Amina');
  });

  it('a ?name= on the link never names someone who chose to stay anonymous', () => {
    const storage = new MemoryStorage();
    saveMember(storage, 'b1', 'link', { memberId: 'm-9', token: 'personal-9', role: 'participant', title: 'T', name: undefined });
    const member = new JoinFlow('b1', 'link', 'Amina', new FakeApi(), storage).stored();
    expect(member).toMatchObject({ memberId: 'm-9', name: undefined });
    expect(loadMember(storage, 'b1', 'link')?.name).toBeUndefined();
  });

  it('verifies with the member’s own token, and keeps a new title and role', async () => {
    const storage = new MemoryStorage();
    const api = new FakeApi();
    const flow = new JoinFlow('b1', 'link', undefined, api, storage);
    const member = await flow.join(info, 'Amina');
    api.answer = { id: 'b1', title: 'Renamed', role: 'participant', memberId: 'm-1' };
    const outcome = await flow.verify(member);
    expect(api.calls.at(-1)).toBe('GET b1 personal-1');
    expect(outcome).toEqual({ kind: 'valid', member: { ...member, title: 'Renamed' } });
    expect(loadMember(storage, 'b1', 'link')?.title).toBe('Renamed');
  });

  it('forgets a member the server no longer knows (401) or whose board is gone (404); keeps it when unreachable', async () => {
    const storage = new MemoryStorage();
    const api = new FakeApi();
    const flow = new JoinFlow('b1', 'link', undefined, api, storage);
    const member = await flow.join(info, 'Amina');

    api.answer = new ApiError('network', 0, undefined, 'Failed to fetch');
    expect(await flow.verify(member)).toEqual({ kind: 'unreachable' });
    api.answer = new ApiError('server', 503, 'unavailable', 'restarting');
    expect(await flow.verify(member)).toEqual({ kind: 'unreachable' });
    expect(flow.stored()).toBeDefined();

    api.answer = new ApiError('server', 401, 'unauthorized', 'unknown token');
    expect(await flow.verify(member)).toEqual({ kind: 'gone' });
    expect(flow.stored()).toBeUndefined();

    const again = await flow.join(info, 'Amina');
    api.answer = new ApiError('server', 404, 'not_found', 'no such board');
    expect(await flow.verify(again)).toEqual({ kind: 'notFound' });
    expect(flow.stored()).toBeUndefined();
  });

  it('stores nothing once closed: a join or a check answered after the board was forgotten', async () => {
    const storage = new MemoryStorage();
    const api = new FakeApi();
    const flow = new JoinFlow('b1', 'link', undefined, api, storage);
    const member = await flow.join(info, 'Amina');
    api.answer = { id: 'b1', title: 'Renamed', role: 'participant', memberId: 'm-1' };
    const checking = flow.verify(member);
    const joining = flow.join(info, 'Amina');
    // Forgotten while both are on their way.
    storage.clear();
    flow.close();
    expect((await checking).kind).toBe('valid');
    expect((await joining).memberId).toBeDefined();
    expect(storage.items.size).toBe(0);
  });
});
