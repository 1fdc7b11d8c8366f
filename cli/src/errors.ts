// The CLI's two ways to fail, each with its exit status, so that a script calling `pnpm export`
// can tell a mistake in its own command line (2, nothing was tried) from an export that failed (1).

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong: an unknown option, a bad value, a missing one. Usage is printed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** The export could not be made: the server refused, the board is unknown, the file is unwritable. */
export class ExportFailed extends Error {
  override readonly name = 'ExportFailed';
  readonly exitCode = EXIT_FAILED;
}

/** An error's message for the terminal, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
