// Everything a test opened, so that afterEach/afterAll can close it whatever happened.
import type { StockClient } from './clients.js';
import type { RawSocket } from './raw.js';
import type { RunningServer } from './server.js';

export class Resources {
  private clients: StockClient[] = [];
  private raws: RawSocket[] = [];
  private servers: RunningServer[] = [];

  client<T extends StockClient>(client: T): T {
    this.clients.push(client);
    return client;
  }

  raw<T extends RawSocket>(socket: T): T {
    this.raws.push(socket);
    return socket;
  }

  server<T extends RunningServer>(server: T): T {
    this.servers.push(server);
    return server;
  }

  /** Closes clients and sockets, stops servers (SIGTERM; a no-op after kill -9), removes their data. */
  async dispose(): Promise<void> {
    const clients = this.clients.splice(0);
    const raws = this.raws.splice(0);
    const servers = this.servers.splice(0);
    for (const client of clients) client.destroy();
    for (const socket of raws) socket.close();
    await Promise.all(servers.map((server) => server.stop()));
    for (const server of servers) server.cleanup();
  }
}
