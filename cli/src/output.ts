// Writes the export to --out: a file, replaced only once the whole export is on disk (a failed
// or interrupted download never leaves half a PDF under the name asked for), or standard output.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { STDOUT } from './args.js';
import { ExportFailed, messageOf } from './errors.js';

export type ExportBody = string | Uint8Array | Readable;

const toStream = (body: ExportBody): Readable => (body instanceof Readable ? body : Readable.from([typeof body === 'string' ? Buffer.from(body, 'utf8') : body]));

/** Counts the bytes that pass, so that the report says what was written, stdout included. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

const isBrokenPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

async function toStdout(body: Readable): Promise<number> {
  const counter = new ByteCounter();
  const stdout = process.stdout;
  // A write error arrives as an event; without a listener it would end the process.
  let broken: unknown;
  const onError = (error: unknown): void => {
    broken = error;
  };
  stdout.on('error', onError);
  // stdout is not ended (it is the process's), so the chunks are written here rather than piped.
  try {
    for await (const chunk of body.pipe(counter)) {
      if (broken !== undefined) break;
      if (!stdout.write(chunk)) await once(stdout, 'drain');
    }
  } catch (error) {
    broken = error;
  } finally {
    stdout.off('error', onError);
  }
  // The reader went away (`| head`): what it wanted it has; that is no failure of the export.
  if (broken !== undefined && !isBrokenPipe(broken)) throw new ExportFailed(`cannot write to standard output: ${messageOf(broken)}`);
  return counter.bytes;
}

async function toFile(body: Readable, path: string): Promise<number> {
  // Beside the target, so that the rename stays on one file system and is atomic.
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const counter = new ByteCounter();
  try {
    await pipeline(body, counter, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    // The temporary name means nothing to the person who asked for `path`.
    throw new ExportFailed(`cannot write ${path}: ${messageOf(error).replaceAll(partial, path)}`);
  }
  return counter.bytes;
}

/** Writes the body to `out` (a path or `-`); answers the bytes written. */
export function writeOutput(body: ExportBody, out: string): Promise<number> {
  return out === STDOUT ? toStdout(toStream(body)) : toFile(toStream(body), out);
}
