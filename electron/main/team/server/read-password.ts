/** Reading a password for the team server's CLI: without echo at a terminal, else one line of a pipe. */

export interface PasswordIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stderr(text: string): void;
}

/** No password could be read (nothing piped, two that differ, cancelled): the message says what to do. */
export class PasswordInputError extends Error {}

/** The password: typed without echo (twice) at a terminal, else the first line of stdin. */
export async function readPassword(io: PasswordIo): Promise<string> {
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await readHidden(io, 'Password: ');
    const again = await readHidden(io, 'Password again: ');
    if (first !== again) throw new PasswordInputError('the two passwords differ; nothing was changed.');
    return first;
  }
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  const password = text.split('\n')[0]!.replace(/\r$/, '');
  if (!password) throw new PasswordInputError('no password on stdin: pipe one line (printf "%s\\n" "$PASSWORD" | …) or run at a terminal.');
  return password;
}

function readHidden(io: PasswordIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  return new Promise((resolve, reject) => {
    io.stderr(prompt);
    let value = '';
    const finish = (settle: () => void): void => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      io.stderr('\n');
      settle();
    };
    const onData = (chunk: Buffer | string): void => {
      const chars = [...chunk.toString()];
      for (const [i, ch] of chars.entries()) {
        if (ch === '\r' || ch === '\n') {
          // What came after Enter (a paste of both answers) is left for the next prompt.
          const rest = chars.slice(i + 1).join('').replace(/^\n/, '');
          return finish(() => {
            if (rest) stdin.unshift(Buffer.from(rest));
            resolve(value);
          });
        }
        if (ch === '\u0003' || ch === '\u0004') return finish(() => reject(new PasswordInputError('cancelled; nothing was changed.')));
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.setRawMode!(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
