// Opens the store (SQLite under DATA_DIR unless one is given) and the room manager on top of it.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SqliteStore } from '../persistence/sqlite.js';
import type { Store } from '../persistence/types.js';
import { RoomManager } from '../rooms/manager.js';
import './decorators.js';

export interface PersistenceOptions {
  /** A store to use instead of the embedded SQLite one (the scale-out store, tests). */
  store?: Store;
}

export default fp<PersistenceOptions>(
  async function persistencePlugin(app: FastifyInstance, options: PersistenceOptions) {
    const store = options.store ?? new SqliteStore(app.config.dataDir);
    const rooms = new RoomManager(store, {
      idleMs: app.config.roomIdleMs,
      compactAfterUpdates: app.config.compactAfterUpdates,
      compactAfterBytes: app.config.compactAfterBytes,
      log: app.log,
    });
    app.decorate('store', store);
    app.decorate('rooms', rooms);
    app.addHook('onClose', async () => {
      await rooms.closeAll();
      await store.close();
    });
  },
  { name: 'persistence', dependencies: ['config'] },
);
