// Diagnostic only: forces a full garbage collection in a server through its inspector and
// reports what is left. The memory target is judged on the honest reading before this (no
// server calls gc() itself in production); this reading tells apart "the server still holds
// the boards" (RSS stays up after a full GC) from "V8 has not got round to collecting them"
// (RSS drops), which call for very different fixes. Both servers get exactly the same.
import WebSocket from 'ws';
import type { BenchServer } from './servers.js';

interface CdpReply {
  readonly id?: number;
  readonly result?: { readonly result?: { readonly value?: unknown } };
  readonly error?: { readonly message: string };
}

/** Sends Chrome DevTools Protocol calls one after the other; returns each call's result. */
async function cdpCalls(url: string, calls: readonly { method: string; params?: object }[]): Promise<CdpReply[]> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    const replies: CdpReply[] = [];
    for (const [index, call] of calls.entries()) {
      const id = index + 1;
      const reply = new Promise<CdpReply>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${call.method}: no answer`)), 30_000);
        const onMessage = (data: WebSocket.RawData): void => {
          const message = JSON.parse(data.toString()) as CdpReply;
          if (message.id !== id) return;
          clearTimeout(timer);
          socket.off('message', onMessage);
          resolve(message);
        };
        socket.on('message', onMessage);
      });
      socket.send(JSON.stringify({ id, ...call }));
      const answer = await reply;
      if (answer.error) throw new Error(`${call.method}: ${answer.error.message}`);
      replies.push(answer);
    }
    return replies;
  } finally {
    socket.close();
  }
}

const heapUsedExpression = 'process.memoryUsage().heapUsed';

export interface HeapAfterGc {
  readonly heapUsedBeforeBytes: number;
  readonly heapUsedAfterBytes: number;
}

/** A full, compacting GC in `server`, with its V8 heap in use before and after. */
export async function forceFullGc(server: BenchServer): Promise<HeapAfterGc> {
  const url = await server.openInspector();
  const heapUsed = { method: 'Runtime.evaluate', params: { expression: heapUsedExpression, returnByValue: true } };
  const [before, , after] = await cdpCalls(url, [heapUsed, { method: 'HeapProfiler.collectGarbage' }, heapUsed]);
  const value = (reply: CdpReply | undefined): number => Number(reply?.result?.result?.value ?? Number.NaN);
  return { heapUsedBeforeBytes: value(before), heapUsedAfterBytes: value(after) };
}
