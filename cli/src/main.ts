// `pnpm export`: one board, one format, to a file or standard output, either through a running
// server's API or straight from its DATA_DIR. Run by node with tsx (the root script), so it works
// on a fresh clone right after `pnpm install`, with no build step.
// Everything but the export itself goes to stderr, so `--out -` can be piped.
import { DEFAULT_EXPORT_MAX_SENSITIVITY } from '@interlink/export';
import { parseCommandLine, STDOUT, SYNOPSIS, USAGE, type ExportCommand } from './args.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExportFailed, messageOf, UsageError } from './errors.js';
import { exportFromDataDir } from './fromDataDir.js';
import { exportFromServer, sendsTokenInClear, sensitivityNote } from './fromServer.js';
import { writeOutput, type ExportBody } from './output.js';

const PROGRAM = 'pnpm export';

const say = (message: string): void => void process.stderr.write(`${PROGRAM}: ${message}\n`);

/**
 * Relative paths mean relative to where the person typed the command. pnpm runs a root script
 * in the workspace root, and says where it was called from in INIT_CWD.
 */
function baseDirectory(env: NodeJS.ProcessEnv): string {
  return env.npm_lifecycle_event === 'export' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

async function runExport(command: ExportCommand): Promise<void> {
  const { source } = command;
  let body: ExportBody;
  let applied: string;
  if (source.kind === 'server') {
    if (sendsTokenInClear(source.url)) say(`warning: ${source.url.origin} is plain http: the token crosses the network unencrypted`);
    const answer = await exportFromServer(command, source);
    const note = sensitivityNote(command.maxSensitivity, answer.appliedSensitivity);
    if (note) say(`note: ${note}`);
    body = answer.body;
    applied = answer.appliedSensitivity ?? command.maxSensitivity ?? 'the server default';
  } else {
    body = await exportFromDataDir(command, source, (message) => say(`note: ${message}`));
    applied = command.maxSensitivity ?? DEFAULT_EXPORT_MAX_SENSITIVITY;
  }
  const bytes = await writeOutput(body, command.out);
  const where = command.out === STDOUT ? 'standard output' : command.out;
  say(`wrote ${bytes} bytes to ${where} (board ${command.board}, ${command.format}, max sensitivity ${applied})`);
}

async function main(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const parsed = parseCommandLine(args, env, baseDirectory(env));
    if (parsed.help) {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    await runExport(parsed.command);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      // The synopsis, not the whole help: the message above it is what needs reading.
      say(`error: ${error.message}`);
      process.stderr.write(`${SYNOPSIS}\nRun \`${PROGRAM} --help\` for every option.\n`);
      return EXIT_USAGE;
    }
    say(`error: ${messageOf(error)}`);
    // An ExportFailed is expected and explained; anything else is a bug worth its stack.
    if (!(error instanceof ExportFailed) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_FAILED;
  }
}

// Not process.exit(): stdout may still be draining the export into a pipe.
process.exitCode = await main(process.argv.slice(2), process.env);
