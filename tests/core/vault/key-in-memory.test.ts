import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';
import { readKeyFile, unwrapKey } from '../../../electron/core/vault/key-file';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';
import { countInProcessMemory } from './process-memory';

/**
 * The data key must never become a JavaScript string: a string cannot be wiped, so it stays in
 * memory until the garbage collector happens to reuse the space. A child process unlocks a vault
 * this process created; this process learns the key independently (from the recovery code, which
 * the child never sees) and looks for it in the child's V8 heap snapshot and, on Linux, in all of
 * the child's readable memory.
 *
 * The memory scan is the sharper check: a heap snapshot collects garbage before it is written, so
 * it shows only strings still referenced. Confidante's former `PRAGMA key = "x'<hex>'"` left its hex
 * text as garbage: with that code back in place, the snapshot check passed and the memory scan
 * failed (hex found while unlocked).
 */

const ENCODINGS = ['hex', 'HEX', 'base64', 'base64url'] as const;
type Encoding = (typeof ENCODINGS)[number];
const NONE: Record<Encoding, number> = { hex: 0, HEX: 0, base64: 0, base64url: 0 };
const scansMemory = process.platform === 'linux';

function keyAsText(key: Buffer): Record<Encoding, string> {
  return {
    hex: key.toString('hex'),
    HEX: key.toString('hex').toUpperCase(),
    // Without base64's one '=' of padding, so text that dropped it is found too.
    base64: key.toString('base64').replace(/=+$/, ''),
    base64url: key.toString('base64url'),
  };
}

interface MemoryLook {
  /** How often each text form is in memory (one-byte or UTF-16 strings, native copies). */
  text: Record<Encoding, number>;
  /** How often the 32 key bytes themselves are in memory. */
  bytes: number;
}

interface Look {
  /** The text forms the heap snapshot, taken while unlocked, contains. */
  snapshot: Encoding[];
  /** Linux only: the child's memory while unlocked, and after it locked again. */
  unlocked?: MemoryLook;
  locked?: MemoryLook;
}

describe('the data key in memory', () => {
  let child: string;
  let dir: string;
  let cleanup: () => void;
  let key: Buffer;

  beforeAll(async () => {
    child = await bundleForNode('tests/core/vault/key-in-memory-child.ts');
    ({ dir, cleanup } = tempDir());
    const vault = testVault(dir);
    const { recoveryCode } = await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    const unwrapped = await unwrapKey(readKeyFile(vault.files.keyFile).recovery, recoveryCode, 'recovery');
    if (!unwrapped) throw new Error('the recovery code did not unwrap the key');
    key = unwrapped;
  });
  afterAll(() => {
    key?.fill(0);
    cleanup?.();
  });

  async function look(mode: 'clean' | 'leak'): Promise<Look> {
    const snapshotPath = join(dir, `${mode}.heapsnapshot`);
    const proc = spawn(process.execPath, [child, dir, GOOD_PASSPHRASE, snapshotPath, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stages = stageReader(proc);
    const text = keyAsText(key);
    const needles = [
      ...ENCODINGS.flatMap((encoding) => [Buffer.from(text[encoding], 'latin1'), Buffer.from(text[encoding], 'utf16le')]),
      key,
    ];
    const scan = (): MemoryLook => {
      const { counts, bytesRead } = countInProcessMemory(proc.pid!, needles);
      // The scan really read the child's memory, not an empty or unreadable map.
      expect(bytesRead).toBeGreaterThan(10 << 20);
      const found = Object.fromEntries(ENCODINGS.map((encoding, i) => [encoding, counts[2 * i]! + counts[2 * i + 1]!]));
      return { text: found as Record<Encoding, number>, bytes: counts[needles.length - 1]! };
    };

    const result: Look = { snapshot: [] };
    try {
      expect(await stages.next()).toBe('unlocked');
      if (scansMemory) result.unlocked = scan();
      proc.stdin.write('.');
      expect(await stages.next()).toBe('locked');
      if (scansMemory) result.locked = scan();
      proc.stdin.end('.');
      expect(await stages.next()).toMatch(/^done \d+$/);
      await stages.exited;
    } catch (error) {
      // Never leave the child waiting on its stdin for a parent that stopped looking.
      if (proc.exitCode === null) proc.kill('SIGKILL');
      throw error;
    }

    const snapshot = readFileSync(snapshotPath, 'latin1');
    expect(snapshot.length).toBeGreaterThan(1 << 20);
    result.snapshot = ENCODINGS.filter((encoding) => snapshot.includes(text[encoding]));
    return result;
  }

  it('control: a key kept alive as text and as bytes is found in every form, in the snapshot and in memory', async () => {
    const found = await look('leak');
    expect(found.snapshot).toEqual([...ENCODINGS]);
    if (!scansMemory) return;
    for (const encoding of ENCODINGS) {
      expect(found.unlocked!.text[encoding], encoding).toBeGreaterThan(0);
      expect(found.locked!.text[encoding], encoding).toBeGreaterThan(0);
    }
    expect(found.locked!.bytes).toBeGreaterThan(0);
  });

  it('after a real unlock the key is in no string, and once locked its bytes are nowhere in the process', async () => {
    const found = await look('clean');
    expect(found.snapshot).toEqual([]);
    if (!scansMemory) return;
    expect(found.unlocked!.text).toEqual(NONE);
    // While unlocked SQLite's cipher holds the key (which also proves the byte search works).
    // Once locked no live Buffer holds it and SQLite has wiped its own copy. (Buffers dropped
    // without zeroing do not show here: a freed 32-byte block is overwritten by the allocator's
    // own bookkeeping, so the zeroing in the code is hygiene this test cannot see.)
    expect(found.unlocked!.bytes).toBeGreaterThan(0);
    expect(found.locked!.text).toEqual(NONE);
    expect(found.locked!.bytes).toBe(0);
  });
});

/** The child's stdout, line by line, and its exit (which must be clean). */
function stageReader(proc: ChildProcessWithoutNullStreams): { next: () => Promise<string>; exited: Promise<void> } {
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      const resolve = waiting.shift();
      if (resolve) resolve(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<void>((resolve, reject) => {
    proc.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`child ended with ${code ?? signal}: ${stderr}`))));
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      waiting.push(resolve);
      exited.then(() => reject(new Error(`child exited before its next stage: ${stderr}`)), reject);
    });
  return { next, exited };
}
