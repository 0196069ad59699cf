import { spawn } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultFiles } from '../../../electron/core/vault/vault-files';
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';
import { TOOLS } from '../../../scripts/build-tools.mjs';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';

/**
 * `npm run vault:key` asks for the recovery code on a real terminal. A terminal echoes what is typed
 * unless the program turns echo off, so these tests type through a real pseudo-terminal: util-linux
 * `script` runs the tool on a pty and copies everything the terminal shows to its stdout.
 */
const PROMPT = 'Recovery code: ';
const ENTER = '\r';
const BACKSPACE = '\u007f';
const CTRL_C = '\u0003';

interface TerminalRun {
  /** Everything the terminal showed: the tool's stdout and stderr, and whatever the pty echoed. */
  screen: string;
  exitCode: number | null;
}
interface PipeRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Run `command` on a pty; once the prompt is on screen (echo already decided), type `keys`. */
function typeOnTerminal(command: string[], keys: string): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command.map(quote).join(' '), '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      if (!typed && screen.includes(PROMPT)) {
        typed = true;
        child.stdin.write(keys);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      child.stdin.end();
      resolve({ screen, exitCode });
    });
  });
}

/** Run `command` with stdin a plain pipe (no terminal), writing `input` at once. */
function pipeInto(command: string[], input: string): Promise<PipeRun> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command;
    const child = spawn(file!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve({ stdout, stderr, exitCode }));
    child.stdin.end(input);
  });
}

/** Open the database the way the README tells a coach to in the sqlcipher shell, with the printed line. */
function opensWithPrintedKey(database: string, screen: string): number {
  const line = /PRAGMA key = "x'[0-9a-f]{64}'";/.exec(screen)?.[0];
  expect(line, screen).toBeDefined();
  const db = new Database(database, { fileMustExist: true, readonly: true });
  try {
    // Stock SQLCipher 4 defaults, as `sqlcipher` uses them.
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.exec(line!);
    return (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('npm run vault:key', () => {
  let tool: string;
  let dir: string;
  let recoveryCode: string;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    // The same entry and bundler as `npm run build`, built fresh so the test never runs a stale out/.
    tool = await bundleForNode(TOOLS['emergency-key']);
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    dir = temp.dir;
    const vault = testVault(dir);
    ({ recoveryCode } = await vault.create(GOOD_PASSPHRASE));
    vault.lock();
  });
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));

  it('on a terminal, never shows the code as it is typed, and prints a key that opens the vault', async () => {
    // A slip of the finger, erased with Backspace, then Enter.
    const run = await typeOnTerminal([process.execPath, tool, dir], `${recoveryCode}Z${BACKSPACE}${ENTER}`);
    expect(run.exitCode, run.screen).toBe(0);
    expect(run.screen).toContain(PROMPT);
    expect(run.screen).not.toContain(recoveryCode);
    expect(run.screen).not.toContain(recoveryCode.replace(/-/g, ''));
    // One mask character per key, and the erased one taken back off the screen.
    expect(run.screen).toContain(`${'*'.repeat(recoveryCode.length + 1)}\b \b`);
    expect(opensWithPrintedKey(vaultFiles(dir).database, run.screen)).toBeGreaterThan(0);
  });

  it('on a terminal, Ctrl+C cancels without printing a key', async () => {
    const run = await typeOnTerminal([process.execPath, tool, dir], `${recoveryCode.slice(0, 9)}${CTRL_C}`);
    expect(run.exitCode).toBe(130);
    expect(run.screen).not.toContain(recoveryCode.slice(0, 9));
    expect(run.screen).not.toContain('PRAGMA key');
    expect(run.screen).toContain('Cancelled.');
  });

  it('on a terminal, a wrong code is refused', async () => {
    const wrong = recoveryCode.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const run = await typeOnTerminal([process.execPath, tool, dir], `${wrong}${ENTER}`);
    expect(run.exitCode).toBe(1);
    expect(run.screen).toContain('That recovery code does not open this vault.');
    expect(run.screen).not.toContain('PRAGMA key');
  });

  it('without a terminal, reads the first line of stdin and prints only the key on stdout', async () => {
    const run = await pipeInto([process.execPath, tool, dir], `${recoveryCode.toLowerCase()}\nsecond line\n`);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe(PROMPT);
    expect(run.stdout).not.toContain(PROMPT);
    expect(opensWithPrintedKey(vaultFiles(dir).database, run.stdout)).toBeGreaterThan(0);
  });

  it('control: the same harness does see a code typed where echo is on', async () => {
    // A prompt that leaves the terminal as it is: the pty's own echo shows what is typed.
    const run = await typeOnTerminal(['sh', '-c', `printf '${PROMPT}'; read line; echo done`], `${recoveryCode}${ENTER}`);
    expect(run.exitCode).toBe(0);
    expect(run.screen).toContain('done');
    expect(run.screen).toContain(recoveryCode);
  });
});
