/** The command-line interface: `npm run -s cli -- <command> …` (see run.ts for the commands). */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('factcheck: unexpected error:', error);
    process.exitCode = 1;
  },
);
