// `pnpm export` as a user runs it: the root package.json's `export` script, as a child process,
// against the real built server (over HTTP, with a token) and against that server's DATA_DIR
// (read-only, while the server runs and after it stopped). The outputs are read with real parsers;
// failures must exit non-zero with the server's message (1) or a usage message (2).
import { addItem, linkItems, type ItemId, type NewItem } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { Resources } from '../support/resources.js';
import { repoRoot, startServer, type RunningServer } from '../support/server.js';

const THREAT = 'Drought and crop failure';
const RESPONSE = 'Community-run wells';
const SECRET = 'Informant in the militia';
const TITLE = 'CLI & export workshop';

function writeBoard(doc: Y.Doc): void {
  const add = (item: NewItem): ItemId => addItem(doc, item);
  const drought = add({ kind: 'threat', x: 0, y: 0, text: THREAT, dimensions: ['food'], severity: 4, likelihood: 3 });
  const wells = add({ kind: 'response', x: 0, y: 300, text: RESPONSE, strategy: 'empowerment', phase: 'prevention' });
  const secret = add({ kind: 'actor', x: 320, y: 300, text: SECRET, sensitivity: 'confidential' });
  linkItems(doc, { kind: 'addresses', from: wells, to: drought });
  linkItems(doc, { kind: 'relates', from: secret, to: drought });
}

/** The root package.json's `export` script, so that what `pnpm export` runs is what is tested. */
function exportScript(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const [command, ...args] = (manifest.scripts?.export ?? '').split(/\s+/);
  if (command !== 'node') throw new Error(`the export script should run node, not: ${manifest.scripts?.export}`);
  return args;
}

interface CliRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs the CLI in the repository root with `args`; the token only when given (never inherited). */
function runCli(args: readonly string[], token?: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.INTERLINK_TOKEN;
  delete env.npm_lifecycle_event;
  delete env.INIT_CWD;
  if (token !== undefined) env.INTERLINK_TOKEN = token;
  const child = spawn(process.execPath, [...exportScript(), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish: ${args.join(' ')}\n${stderr}`));
    }, 30_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

/** Asserts a successful run and that stderr reports the bytes written where they went. */
function expectWritten(run: CliRun, where: string): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(new RegExp(`wrote \\d+ bytes to ${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

const jsonTexts = (bytes: Buffer): string[] => {
  const body = JSON.parse(bytes.toString('utf8')) as { schema: number; title: string; items: Array<{ text: string }> };
  expect(body.schema).toBe(1);
  expect(body.title).toBe(TITLE);
  return body.items.map((item) => item.text).sort();
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    for (const item of (await (await pdf.getPage(page)).getTextContent()).items) if ('str' in item) parts.push(item.str, ' ');
  }
  await pdf.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('pnpm export (the CLI)', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let outDir: string;
  const out = (name: string): string => join(outDir, name);
  const fromServer = (format: string, ...more: string[]): string[] => ['--server', server.url, '--board', board.id, '--format', format, ...more];
  const fromDataDir = (format: string, ...more: string[]): string[] => ['--data-dir', server.dataDir, '--board', board.id, '--format', format, ...more];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'interlink-cli-out-'));
    server = resources.server(await startServer());
    board = await server.createBoard(TITLE);
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(writer.provider);
    writeBoard(writer.doc);
    // Once an observer has every card, the server has relayed them, so they are on disk too.
    const reader = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(reader.provider);
    await eventually(() => reader.doc.getMap('items').size === 3 && reader.doc.getMap('links').size === 2, 'the reader has the board');
  });
  afterAll(async () => {
    await resources.dispose();
    rmSync(outDir, { recursive: true, force: true });
  });

  // Each run starts node with tsx and the export libraries (about a second of CPU): the cases are
  // grouped so that few runs cover every path, two at a time.
  it('exports through the server with the token from INTERLINK_TOKEN: md to a file, json to stdout, pdf with its layout', async () => {
    const [md, facilitatorJson] = await Promise.all([
      runCli([...fromServer('md'), '--out', out('server.md')], board.tokens.observer),
      runCli([...fromServer('json'), '--out', '-', '--max-sensitivity', 'confidential'], board.tokens.facilitator),
    ]);
    expectWritten(md, out('server.md'));
    const report = readFileSync(out('server.md'), 'utf8');
    expect(report).toContain(THREAT);
    expect(report).toContain(RESPONSE);
    expect(report).not.toContain(SECRET);
    expect(md.stderr).toContain(`wrote ${statSync(out('server.md')).size} bytes`);
    expectWritten(facilitatorJson, 'standard output');
    expect(jsonTexts(facilitatorJson.stdout)).toEqual([RESPONSE, SECRET, THREAT].sort());

    const [participantAsks, pdf] = await Promise.all([
      runCli([...fromServer('json'), '--out', '-', '--max-sensitivity', 'confidential'], board.tokens.participant),
      runCli([...fromServer('pdf'), '--page', 'a3', '--orientation', 'landscape', '--fit', 'tiles', '--out', out('server.pdf')], board.tokens.participant),
    ]);
    // Asked by a participant, the server filters as by default; the CLI says so.
    expectWritten(participantAsks, 'standard output');
    expect(jsonTexts(participantAsks.stdout)).toEqual([RESPONSE, THREAT].sort());
    expect(participantAsks.stderr).toMatch(/applied --max-sensitivity restricted, not confidential/);
    expectWritten(pdf, out('server.pdf'));
    const pdfBytes = readFileSync(out('server.pdf'));
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(pdfBytes)).toContain(THREAT);
  });

  it('exports from the running server\'s DATA_DIR without a token: restricted by default, confidential when asked', async () => {
    const [md, json] = await Promise.all([
      runCli([...fromDataDir('md'), '--max-sensitivity', 'confidential', '--out', out('dir.md')]),
      runCli([...fromDataDir('json'), '--out', '-']),
    ]);
    expectWritten(md, out('dir.md'));
    const report = readFileSync(out('dir.md'), 'utf8');
    expect(report).toContain(THREAT);
    expect(report).toContain(SECRET);
    expectWritten(json, 'standard output');
    expect(jsonTexts(json.stdout)).toEqual([RESPONSE, THREAT].sort());

    const png = await runCli([...fromDataDir('png'), '--scale', '0.5', '--out', out('dir.png')]);
    expectWritten(png, out('dir.png'));
    const pngBytes = readFileSync(out('dir.png'));
    expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(PNG.sync.read(pngBytes).width).toBeGreaterThan(0);
  });

  it('fails with the server\'s message on a bad token or an unknown board, and writes no file', async () => {
    // An unreachable server, a redirect and a DATA_DIR without the board: cli/src/*.test.ts.
    const [badToken, unknownBoard] = await Promise.all([
      runCli([...fromServer('md'), '--out', out('bad-token.md')], 'not-a-token'),
      runCli(['--server', server.url, '--board', 'no-such-board', '--format', 'md', '--out', out('unknown.md')], board.tokens.facilitator),
    ]);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toContain('a valid token for this board is required (HTTP 401, unauthorized)');
    expect(unknownBoard.code).toBe(1);
    expect(unknownBoard.stderr).toContain('no board with id no-such-board (HTTP 404, board_not_found)');
    for (const name of ['bad-token.md', 'unknown.md']) expect(existsSync(out(name)), name).toBe(false);
  });

  it('exits 2 with a message and the usage on a bad command line, trying nothing', async () => {
    // Every refusal is unit-tested in cli/src/args.test.ts; here, that the process exits 2 and says why.
    const [badFormat, help] = await Promise.all([
      runCli([...fromServer('docx'), '--out', out('bad.docx')], board.tokens.facilitator),
      runCli(['--help']),
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of json, items.csv, links.csv, md, svg, png, pdf, report.pdf; got "docx"');
    expect(badFormat.stderr).toContain('Usage: pnpm export --board <id>');
    expect(existsSync(out('bad.docx'))).toBe(false);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toContain('INTERLINK_TOKEN');
  });

  it('reads DATA_DIR after the server stopped, and never changes the database', async () => {
    await server.stop();
    const database = join(server.dataDir, 'interlink.db');
    const before = readFileSync(database);
    const run = await runCli([...fromDataDir('json'), '--max-sensitivity', 'confidential', '--out', out('stopped.json')]);
    expectWritten(run, out('stopped.json'));
    expect(jsonTexts(readFileSync(out('stopped.json')))).toEqual([RESPONSE, SECRET, THREAT].sort());
    expect(readFileSync(database).equals(before)).toBe(true);
  });
});
