import { randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { CHUNK_BYTES, armorAgeFile, decryptFileWithPassphrase, decryptWithPassphrase, encryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { indexZipSteps, readZip } from '../../../electron/core/archive/zip/read';
import { buildZip } from '../../../electron/core/archive/zip/write';
import { runSteps } from '../../../electron/core/archive/steps';
import { tempDir } from '../../support/temp-vault';

/**
 * The bounded-memory readers a backup's restore drill uses: age decrypted while the file is read
 * (never the whole ciphertext in memory), and a zip whose entries are inflated one at a time. Each
 * must give exactly what the whole-buffer readers give, and refuse exactly what they refuse.
 */
const PASSPHRASE = 'quartz meadow 19 lantern ferry';
const LOG_N = 10;
const { dir, cleanup } = tempDir('confidante-streamed-read-');
afterAll(cleanup);

async function fromFile(bytes: Uint8Array | string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  try {
    return await decryptFileWithPassphrase(handle, PASSPHRASE, { pause: () => undefined });
  } finally {
    await handle.close();
  }
}

async function outcome(run: () => Promise<Buffer>): Promise<Buffer | string> {
  try {
    return await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
}

describe('age read from the file as it is decrypted', () => {
  it('gives the same plaintext as decrypting the whole file, at the chunk and batch edges', async () => {
    // 16 chunks are read per batch: sizes around both edges.
    for (const size of [0, 1, CHUNK_BYTES, CHUNK_BYTES + 1, 16 * CHUNK_BYTES, 16 * CHUNK_BYTES + 1, 40 * CHUNK_BYTES + 5]) {
      const plaintext = randomBytes(size);
      const file = await encryptWithPassphrase(plaintext, PASSPHRASE, { logN: LOG_N });
      expect((await fromFile(file, `size-${size}`)).equals(plaintext)).toBe(true);
    }
  });

  it('refuses what decryptWithPassphrase refuses, with the same sentence: flipped bytes, a cut file, a wrong passphrase', async () => {
    const plaintext = randomBytes(20 * CHUNK_BYTES + 3);
    const file = await encryptWithPassphrase(plaintext, PASSPHRASE, { logN: LOG_N });
    const damaged: Array<[string, Buffer]> = [
      ['flip in the header', Buffer.from(file).fill(0x41, 40, 41)],
      ['flip in the first batch', flip(file, file.length >> 4)],
      ['flip in the last chunk', flip(file, file.length - 5)],
      ['cut at a chunk edge', file.subarray(0, file.length - (3 * CHUNK_BYTES + 3 + 16))],
      ['cut mid-chunk', file.subarray(0, file.length - 1000)],
      ['header only', file.subarray(0, 150)],
    ];
    for (const [what, bytes] of damaged) {
      const whole = await outcome(() => decryptWithPassphrase(bytes, PASSPHRASE));
      expect(typeof whole, what).toBe('string');
      expect(await outcome(() => fromFile(bytes, 'damaged')), what).toEqual(whole);
    }
    const wrong = await encryptWithPassphrase(plaintext, 'another passphrase entirely 42', { logN: LOG_N });
    expect(await outcome(() => fromFile(wrong, 'wrong'))).toBe('That passphrase does not open this archive.');
  });

  it('opens an armored file too (read whole)', async () => {
    const plaintext = randomBytes(3 * CHUNK_BYTES);
    const armored = armorAgeFile(await encryptWithPassphrase(plaintext, PASSPHRASE, { logN: LOG_N }));
    expect((await fromFile(armored, 'armored.age')).equals(plaintext)).toBe(true);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x01;
  return copy;
}

describe('a zip read an entry at a time', () => {
  it('holds the same files as readZip', async () => {
    const entries = Array.from({ length: 50 }, (_, index) => ({ path: `folder/${index}.txt`, data: randomBytes(index * 100) }));
    const zip = await buildZip(entries);
    const index = runSteps(indexZipSteps(zip));
    const whole = readZip(zip);
    expect([...index.keys()]).toEqual([...whole.keys()]);
    for (const [name, bytes] of whole) expect(index.get(name)!.equals(bytes)).toBe(true);
    expect(index.get('not/there')).toBeUndefined();
  });

  it('keeps the limit on the whole: distinct entries add up, the same entry read again does not', async () => {
    const entries = ['a', 'b', 'c'].map((path) => ({ path, data: Buffer.alloc(1000, 0x61) }));
    const zip = await buildZip(entries);
    const limits = { maxEntries: 10, maxEntryBytes: 10_000, maxTotalBytes: 2500 };
    const index = runSteps(indexZipSteps(zip, limits));
    for (let again = 0; again < 5; again++) expect(index.get('a')!.length).toBe(1000);
    expect(index.get('b')!.length).toBe(1000);
    // Control: a third distinct entry passes the limit, as readZip refuses the zip.
    expect(() => index.get('c')).toThrow(/unpacks to more than/);
    expect(() => readZip(zip, limits)).toThrow(/unpacks to more than/);
  });

  it('refuses a damaged entry when it is read (its CRC), as readZip does', async () => {
    const zip = await buildZip([{ path: 'x.txt', data: Buffer.from('hello hello hello hello') }]);
    // fflate writes the local header (30 bytes + name) first; the deflated data follows.
    const damaged = Buffer.from(zip);
    damaged[30 + 'x.txt'.length + 2]! ^= 0xff;
    const index = runSteps(indexZipSteps(damaged));
    expect(() => index.get('x.txt')).toThrow(/damaged/);
    expect(() => readZip(damaged)).toThrow(/damaged/);
  });
});
