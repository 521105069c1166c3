import { runCli } from './run';

/** Runs the CLI in-process as a shell would, with `stdin` as its input; what it printed and its exit code. */
export async function cli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdin: (async function* () {
      if (stdin) yield Buffer.from(stdin);
    })(),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
