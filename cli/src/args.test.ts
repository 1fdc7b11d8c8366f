import { describe, expect, it } from 'vitest';
import { parseCommandLine, type ExportCommand } from './args.js';
import { UsageError } from './errors.js';

const BASE = '/home/amina/workshop';
const SERVER = ['--server', 'http://127.0.0.1:3000', '--board', 'b1', '--format', 'md', '--out', 'report.md'];

function command(args: string[], env: Record<string, string> = { INTERLINK_TOKEN: 'env-token' }): ExportCommand {
  const parsed = parseCommandLine(args, env, BASE);
  if (parsed.help) throw new Error('help instead of a command');
  return parsed.command;
}

function usageError(args: string[], env: Record<string, string> = { INTERLINK_TOKEN: 'env-token' }): string {
  try {
    parseCommandLine(args, env, BASE);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('reads a server export, the token from INTERLINK_TOKEN, the output relative to where it was called', () => {
    const parsed = command(SERVER);
    expect(parsed).toMatchObject({ board: 'b1', format: 'md', out: `${BASE}/report.md`, maxSensitivity: undefined, layout: {} });
    expect(parsed.source).toEqual({ kind: 'server', url: new URL('http://127.0.0.1:3000'), token: 'env-token' });
    expect(command([...SERVER, '--token', 'flag-token']).source).toMatchObject({ token: 'flag-token' });
  });

  it('reads a DATA_DIR export with every option of its format', () => {
    const parsed = command(['--data-dir', 'data', '--board', 'b1', '--format', 'pdf', '--out', '-', '--max-sensitivity', 'confidential', '--page', 'a3', '--orientation', 'landscape', '--fit', 'tiles'], {});
    expect(parsed).toMatchObject({ out: '-', maxSensitivity: 'confidential', layout: { page: 'a3', orientation: 'landscape', fit: 'tiles' } });
    expect(parsed.source).toEqual({ kind: 'data-dir', dir: `${BASE}/data` });
    expect(command(['--data-dir', '/srv/data', '--board', 'b1', '--format', 'png', '--scale', '2.5', '--out', '/tmp/map.png'], {})).toMatchObject({
      out: '/tmp/map.png',
      layout: { scale: 2.5 },
      source: { dir: '/srv/data' },
    });
  });

  it('takes a board id or token that starts with a dash (base64url) as a value', () => {
    expect(command(['--data-dir', 'd', '--board', '-x1_', '--format', 'json', '--out', '-'], {}).board).toBe('-x1_');
    expect(command([...SERVER, '--token', '-secret']).source).toMatchObject({ token: '-secret' });
    expect(usageError(['--data-dir', 'd', '--board', '--format', 'json', '--out', '-'])).toMatch(/--board/);
  });

  it('answers help for --help or -h, even beside a mistake', () => {
    expect(parseCommandLine(['--help'], {}, BASE)).toEqual({ help: true });
    expect(parseCommandLine(['-h', '--bogus'], {}, BASE)).toEqual({ help: true });
  });

  it.each([
    ['an unknown option', [...SERVER, '--bogus'], /Unknown option '--bogus'/],
    ['a positional argument', [...SERVER, 'extra'], /Unexpected argument 'extra'/],
    ['a missing board', ['--server', 'http://h', '--format', 'md', '--out', 'x'], /--board is required/],
    ['a missing output', ['--server', 'http://h', '--board', 'b', '--format', 'md'], /--out is required/],
    ['an unknown format', ['--server', 'http://h', '--board', 'b', '--format', 'docx', '--out', 'x'], /--format must be one of json, items\.csv, .*report\.pdf; got "docx"/],
    ['a bad sensitivity', [...SERVER, '--max-sensitivity', 'secret'], /--max-sensitivity must be one of public, restricted, confidential; got "secret"/],
    ['a scale out of range', ['--data-dir', 'd', '--board', 'b', '--format', 'png', '--out', 'x', '--scale', '5'], /--scale must be a number from 0.25 to 4; got "5"/],
    ['a scale that is no decimal', ['--data-dir', 'd', '--board', 'b', '--format', 'png', '--out', 'x', '--scale', '1e0'], /--scale must be a number/],
    ['a negative scale', ['--data-dir', 'd', '--board', 'b', '--format', 'png', '--out', 'x', '--scale', '-1'], /--scale must be a number/],
    ['a bad page', ['--data-dir', 'd', '--board', 'b', '--format', 'pdf', '--out', 'x', '--page', 'a5'], /--page must be one of a4, a3, letter/],
    ['an option the format does not read', ['--data-dir', 'd', '--board', 'b', '--format', 'pdf', '--out', 'x', '--scale', '2'], /--scale applies to png only, not to pdf/],
    ['orientation for the report', ['--data-dir', 'd', '--board', 'b', '--format', 'report.pdf', '--out', 'x', '--orientation', 'landscape'], /--orientation applies to pdf only/],
    ['a repeated option', [...SERVER, '--format', 'json'], /--format is given more than once/],
    ['both sources', [...SERVER, '--data-dir', 'd'], /not both/],
    ['no source', ['--board', 'b', '--format', 'md', '--out', 'x'], /give --server <url> .* or --data-dir <dir>/],
    ['a URL that is none', ['--server', 'localhost:3000', '--board', 'b', '--format', 'md', '--out', 'x'], /--server must be an http:\/\/ or https:\/\/ URL/],
    ['a token in the URL', ['--server', 'http://h/?token=t', '--board', 'b', '--format', 'md', '--out', 'x'], /no user, password, query or fragment/],
    ['a token for DATA_DIR', ['--data-dir', 'd', '--token', 't', '--board', 'b', '--format', 'md', '--out', 'x'], /--token is for --server/],
  ])('refuses %s', (_name, args, message) => {
    expect(usageError(args)).toMatch(message);
  });

  it('refuses a server export without a token', () => {
    expect(usageError(SERVER, {})).toMatch(/--server needs a token of the board: set INTERLINK_TOKEN/);
  });
});
