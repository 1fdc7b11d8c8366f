// Opens the store (SQLite under DATA_DIR; PostgreSQL plus the Redis bus in scale-out mode,
// unless a store is given) and the room manager on top of it.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SqliteStore } from '../persistence/sqlite.js';
import type { Store } from '../persistence/types.js';
import { RoomManager } from '../rooms/manager.js';
import type { Bus } from '../scaleout/bus.js';
import { openScaleOut } from '../scaleout/open.js';
import './decorators.js';

export interface PersistenceOptions {
  /** A store to use instead of the configured one (tests). */
  store?: Store;
}

async function openStorage(app: FastifyInstance, given: Store | undefined): Promise<{ store: Store; bus: Bus | undefined }> {
  if (given) return { store: given, bus: undefined };
  if (app.config.scaleOut) return openScaleOut(app.config.scaleOut, app.log);
  return { store: new SqliteStore(app.config.dataDir), bus: undefined };
}

export default fp<PersistenceOptions>(
  async function persistencePlugin(app: FastifyInstance, options: PersistenceOptions) {
    const { store, bus } = await openStorage(app, options.store);
    const rooms = new RoomManager(store, {
      idleMs: app.config.roomIdleMs,
      compactAfterUpdates: app.config.compactAfterUpdates,
      compactAfterBytes: app.config.compactAfterBytes,
      log: app.log,
      bus,
    });
    app.decorate('store', store);
    app.decorate('rooms', rooms);
    app.addHook('onClose', async () => {
      await rooms.closeAll();
      // After the rooms: their last appends may still publish on the bus.
      await bus?.close();
      await store.close();
    });
  },
  { name: 'persistence', dependencies: ['config'] },
);
