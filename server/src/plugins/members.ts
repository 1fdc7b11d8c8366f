// Member identities (CONTRACT.md section 6): whoever holds a board's token may take a personal
// token with the same role, so that votes and authorship are per person while the share link
// stays one link per role. The name in the body is checked (the client learns of a bad one the
// same way wherever it joins) and then dropped: the server holds no personal data it does not
// need (DOMAIN.md, "Safety of participants"); the display name lives in the browser and in
// awareness.
import { MEMBER_NAME_MAX_LENGTH, normalizeMemberName, type MemberCreated } from '@interlink/protocol';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { authorize } from '../http/authorize.js';
import { ApiError } from '../http/errors.js';
import { hashToken, newMemberId, newToken } from '../http/tokens.js';
import './decorators.js';

const MemberParams = Type.Object({ id: Type.String() });
const MemberBody = Type.Object({ name: Type.Optional(Type.String()) });

export default fp(
  async function memberRoutes(app: FastifyInstance) {
    const routes = app.withTypeProvider<TypeBoxTypeProvider>();

    routes.post('/api/boards/:id/members', { schema: { params: MemberParams, body: MemberBody } }, async (request, reply) => {
      const { board, role } = await authorize(app.store, request, request.params.id, 'observer');
      const { name } = request.body;
      if (name !== undefined && normalizeMemberName(name) === undefined) {
        throw new ApiError('invalid_request', `body/name must be 1 to ${MEMBER_NAME_MAX_LENGTH} characters once whitespace is collapsed and trimmed`);
      }
      const token = newToken();
      const member = { id: newMemberId(), boardId: board.id, role, tokenHash: hashToken(token), createdAt: Date.now() };
      if (!(await app.store.addMember(member, app.config.maxMembersPerBoard))) {
        throw new ApiError('too_many_members', `this board already has ${app.config.maxMembersPerBoard} members, the most it may have`);
      }
      request.log.info({ board: board.id, member: member.id, role }, 'member created');
      const created: MemberCreated = { memberId: member.id, token, role };
      return reply.status(201).send(created);
    });
  },
  { name: 'members', dependencies: ['persistence'] },
);
