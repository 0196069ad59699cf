/**
 * Read one secret line (a recovery code) without it ever appearing on the screen or in a terminal's
 * scrollback. On a terminal, the line discipline would echo every key as it is typed, so the TTY is
 * put in raw mode (no echo, no line editing) and this module does the editing itself: a `*` per
 * character so the person sees typing register, Backspace erases one, Ctrl+U erases all, Enter ends,
 * Ctrl+C or Ctrl+D on an empty line cancels. Anything that is not a terminal (a pipe, a file, a
 * script) gives its first line.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';

export type SecretResult = { kind: 'line'; line: string } | { kind: 'cancelled'; by: 'interrupt' | 'end-of-input' };

export interface SecretStreams {
  input: Readable | ReadStream;
  /** Where the prompt and the mask go: stderr, so that stdout carries only the tool's result. */
  output: Writable;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = ['\u007f', '\b'];
const ESCAPE = '\u001b';

export function readSecret(prompt: string, streams: SecretStreams = { input: process.stdin, output: process.stderr }): Promise<SecretResult> {
  const { input, output } = streams;
  if ('isTTY' in input && input.isTTY) return readFromTerminal(prompt, input, output);
  output.write(prompt);
  return readFirstLine(input);
}

function readFromTerminal(prompt: string, input: ReadStream, output: Writable): Promise<SecretResult> {
  // Echo goes off before the prompt appears, so nothing typed in answer to the prompt is echoed.
  input.setRawMode(true);
  output.write(prompt);
  input.setEncoding('utf8');
  return new Promise((resolve) => {
    let line = '';
    // Inside an escape sequence (an arrow key, Home, F1…): its characters are not part of the code.
    let escape: 'none' | 'started' | 'sequence' = 'none';
    const finish = (result: SecretResult) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      line = '';
      resolve(result);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (escape === 'started') {
          escape = char === '[' || char === 'O' ? 'sequence' : 'none';
          continue;
        }
        if (escape === 'sequence') {
          // CSI and SS3 sequences end with a final byte in @–~.
          if (char >= '@' && char <= '~') escape = 'none';
          continue;
        }
        if (char === '\r' || char === '\n') return finish({ kind: 'line', line });
        if (char === CTRL_C) return finish({ kind: 'cancelled', by: 'interrupt' });
        if (char === CTRL_D) {
          if (line === '') return finish({ kind: 'cancelled', by: 'end-of-input' });
          continue;
        }
        if (char === ESCAPE) escape = 'started';
        else if (BACKSPACE.includes(char)) {
          if (line !== '') {
            line = [...line].slice(0, -1).join('');
            output.write('\b \b');
          }
        } else if (char === CTRL_U) {
          output.write('\b \b'.repeat([...line].length));
          line = '';
        } else if (char >= ' ') {
          line += char;
          output.write('*');
        }
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

async function readFirstLine(input: Readable): Promise<SecretResult> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return { kind: 'line', line };
    return { kind: 'cancelled', by: 'end-of-input' };
  } finally {
    lines.close();
  }
}
