import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../../electron/core/db/open-database';
import { createRepositories } from '../../../electron/core/repositories';
import { cpuHasAes, inspectBinary, loadedModule, processMemory, runtimeAesPath, setRuntimeAesPath, softwareAesTables } from '../../../scripts/aes-path.mjs';
import { tempDir } from './helpers';

/**
 * Which AES the vault runs, proven on the module this process loaded (scripts/aes-path.mjs says
 * how it looks): the hardware path is compiled in, the library's own CPU check picked it, and the
 * pages of a vault are encrypted by it and not by the portable code. The last is shown by breaking
 * the portable code (scrambling its lookup tables in this process): the vault still writes pages a
 * stock AES decrypts; forced onto the portable path (the control), the same write does not.
 *
 * Linux only (ELF and /proc/self/mem); elsewhere the suite is skipped and says so.
 */
const PAGE_SIZE = 4096;
const RESERVE = 80;
const SALT_SIZE = 16;
const KNOWN_TEXT = 'Known-answer coachee Philippa';

/** Page 1 checked with node:crypto as SQLCipher 4 lays it out (see sqlcipher-compat.test.ts). */
function checkFirstPage(file: string, key: Buffer): { authentic: boolean; sqliteHeader: boolean } {
  const bytes = readFileSync(file);
  if (bytes.length < PAGE_SIZE) return { authentic: false, sqliteHeader: false };
  const page = bytes.subarray(0, PAGE_SIZE);
  const salt = page.subarray(0, SALT_SIZE);
  const ciphertext = page.subarray(SALT_SIZE, PAGE_SIZE - RESERVE);
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16);
  const storedMac = page.subarray(PAGE_SIZE - RESERVE + 16);
  const macKey = pbkdf2Sync(key, Buffer.from(salt.map((byte) => byte ^ 0x3a)), 2, 32, 'sha512');
  const pageNumber = Buffer.alloc(4);
  pageNumber.writeUInt32LE(1);
  const mac = createHmac('sha512', macKey).update(ciphertext).update(iv).update(pageNumber).digest();
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  // Bytes 16–23 of an SQLite header: page size 4096, WAL (2, 2), 80 reserved bytes, 64/32/32.
  const sqliteHeader = plaintext.subarray(0, 8).equals(Buffer.from([0x10, 0x00, 2, 2, RESERVE, 64, 32, 32]));
  return { authentic: timingSafeEqual(mac, storedMac), sqliteHeader };
}

/** A small vault written through the app's code and closed (checkpointed into the main file). */
function writeVault(file: string, key: Buffer): void {
  const db = openEncryptedDatabase(file, key, { create: true });
  try {
    migrate(db);
    createRepositories(db).coachees.create({ name: KNOWN_TEXT, ambitions: 'x'.repeat(3000) });
  } finally {
    db.close();
  }
}

function readVault(file: string, key: Buffer): string[] {
  const db = openEncryptedDatabase(file, key);
  try {
    return createRepositories(db).coachees.list().map((coachee) => coachee.name);
  } finally {
    db.close();
  }
}

/** Flip every byte of the portable code's tables; returns the undo. */
function scramblePortableAes(): () => void {
  const tables = softwareAesTables();
  expect(tables.length).toBe(8);
  const saved = tables.map((table) => ({ ...table, bytes: Buffer.from(processMemory(table.address, table.size)) }));
  for (const table of saved) processMemory(table.address, Buffer.from(table.bytes.map((byte) => byte ^ 0xa5)));
  return () => {
    for (const table of saved) processMemory(table.address, table.bytes);
  };
}

const probeable = process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64');

describe.skipIf(!probeable)('AES in hardware (Linux: the loaded module is inspected in place)', () => {
  const { dir, remove } = tempDir();
  afterAll(remove);
  const key = randomBytes(32);
  beforeAll(() => {
    // Opening and reading a vault loads the module and runs the library's CPU check.
    const first = join(dir, 'first.vault');
    writeVault(first, key);
    expect(readVault(first, key)).toEqual([KNOWN_TEXT]);
  });

  it('the SQLite module this process loaded has the hardware AES path compiled in', () => {
    const loaded = loadedModule();
    expect(loaded, 'better_sqlite3.node mapped into this process').not.toBeNull();
    expect(inspectBinary(loaded?.file ?? '')).toMatchObject({ verdict: 'hardware' });
  });

  it("the library's own CPU check picked the path this CPU supports", () => {
    const expected = cpuHasAes() ? 'hardware' : 'software';
    expect(runtimeAesPath().path).toBe(expected);
    // The machines this project builds and tests on (x86-64 since 2010, every arm64 Mac and server)
    // have AES instructions; if CI ever lands on one without, this line says so plainly.
    expect(cpuHasAes(), 'this CPU has AES instructions (x86: aes and sse4_1 flags)').toBe(true);
  });

  it('vault pages are encrypted by the hardware path: breaking the portable code changes nothing', () => {
    const undo = scramblePortableAes();
    try {
      const file = join(dir, 'hardware.vault');
      writeVault(file, key);
      expect(checkFirstPage(file, key)).toEqual({ authentic: true, sqliteHeader: true });
      expect(readVault(file, key)).toEqual([KNOWN_TEXT]);
    } finally {
      undo();
    }
  });

  it('control: forced onto the portable path with its tables broken, the same write is not AES', () => {
    const undo = scramblePortableAes();
    setRuntimeAesPath(false);
    const file = join(dir, 'portable.vault');
    try {
      expect(runtimeAesPath().path).toBe('software');
      try {
        writeVault(file, key);
      } catch {
        // SQLite may notice the garbage before the file is complete; the pages tell either way.
      }
    } finally {
      setRuntimeAesPath(true);
      undo();
    }
    expect(runtimeAesPath().path).toBe('hardware');
    expect(existsSync(file)).toBe(true);
    // Authenticated (the HMAC is fine) but not AES-256-CBC of an SQLite page: the portable code ran.
    expect(checkFirstPage(file, key)).toEqual({ authentic: true, sqliteHeader: false });
  });

  it('both paths write the same SQLCipher 4 pages: each reads what the other wrote', () => {
    const byHardware = join(dir, 'by-hardware.vault');
    const byPortable = join(dir, 'by-portable.vault');
    writeVault(byHardware, key);
    setRuntimeAesPath(false);
    try {
      expect(readVault(byHardware, key)).toEqual([KNOWN_TEXT]);
      writeVault(byPortable, key);
    } finally {
      setRuntimeAesPath(true);
    }
    expect(checkFirstPage(byPortable, key)).toEqual({ authentic: true, sqliteHeader: true });
    expect(readVault(byPortable, key)).toEqual([KNOWN_TEXT]);
  });
});
