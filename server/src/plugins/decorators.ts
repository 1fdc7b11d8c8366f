// The typed decorators the plugins share: one declaration, so each plugin states what it needs.
import type { ServerConfig } from '../config.js';
import type { Store } from '../persistence/types.js';
import type { RoomManager } from '../rooms/manager.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
    store: Store;
    rooms: RoomManager;
  }
}

export {};
