// Opens scale-out mode's two services: PostgreSQL for boards and documents, Redis for live
// updates between nodes. Either one unreachable at start is an error that names its variable.
import type { FastifyBaseLogger } from 'fastify';
import type { ScaleOutConfig } from '../config.js';
import { PostgresStore } from '../persistence/postgres.js';
import type { Bus } from './bus.js';
import { RedisBus } from './redisBus.js';

/** A scale-out service could not be reached or set up at start; the message names its variable. */
export class ScaleOutStartError extends Error {
  override readonly name = 'ScaleOutStartError';
}

export interface ScaleOut {
  readonly store: PostgresStore;
  readonly bus: Bus;
}

export async function openScaleOut(config: ScaleOutConfig, log: FastifyBaseLogger): Promise<ScaleOut> {
  let store: PostgresStore;
  try {
    store = await PostgresStore.open(config.databaseUrl, log);
  } catch (error) {
    throw new ScaleOutStartError(`cannot open the PostgreSQL store (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const bus = await RedisBus.connect(config.redisUrl, log);
    log.info('scale-out mode: boards in PostgreSQL, live updates shared through Redis');
    return { store, bus };
  } catch (error) {
    await store.close();
    throw new ScaleOutStartError(`cannot connect to Redis (REDIS_URL): ${error instanceof Error ? error.message : String(error)}`);
  }
}
