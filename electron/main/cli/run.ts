import { ApiError } from '../../../shared/api/result';
import { extract, InputError, score, UsageError, USAGE as BASE_USAGE, type CliIo } from './commands';
import { exportCommand, EXPORT_USAGE } from './export';
import { importCommand, IMPORT_USAGE } from './import';
import { checkLinksCommand, CHECK_LINKS_USAGE } from './check-links';

/** A command answers nothing (done: exit 0) or its own exit code (check-links: 1 when some address fails). */
const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<void | number>> = {
  extract,
  score,
  export: exportCommand,
  import: importCommand,
  'check-links': checkLinksCommand,
};
const USAGE = [BASE_USAGE, EXPORT_USAGE, IMPORT_USAGE, CHECK_LINKS_USAGE].join('\n');

/** Runs one CLI command; returns the exit code (0 done, 1 bad input or a failing check, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') {
    io.stderr(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`factcheck: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return (await run(args, io)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`factcheck ${command}: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    // A service's refusal (ApiError) reads like bad input here: its message, exit code 1.
    if (error instanceof InputError || error instanceof ApiError) {
      io.stderr(`factcheck ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
