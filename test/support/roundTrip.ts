// A barrier on one stock client's own connection, for tests that must show something did NOT
// happen: it sends sync step 1 on that socket and waits for the server's step 2 answer. The
// server handles a connection's frames in order, so once the answer arrives, everything the
// client sent before has been handled (and relayed, if it ever would be).
import { SyncStep, encodeSyncStep1 } from '@interlink/protocol';
import * as Y from 'yjs';
import type { StockClient } from './clients.js';
import { eventually } from './clients.js';
import { syncStepOf } from './raw.js';

export async function roundTrip(client: StockClient): Promise<void> {
  const ws = client.provider.ws;
  if (!ws) throw new Error('the client is not connected');
  let answered = false;
  const onMessage = (event: { data: unknown }): void => {
    if (event.data instanceof ArrayBuffer && syncStepOf(new Uint8Array(event.data)) === SyncStep.step2) answered = true;
  };
  ws.addEventListener('message', onMessage);
  try {
    ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await eventually(() => answered, 'the server’s step 2 answer on the client’s own connection');
  } finally {
    ws.removeEventListener('message', onMessage);
  }
}
