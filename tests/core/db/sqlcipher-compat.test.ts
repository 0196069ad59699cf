import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../../electron/core/db/open-database';
import { createRepositories } from '../../../electron/core/repositories';
import { tempDir } from './helpers';

/**
 * Known-answer test of the on-disk format, computed with node:crypto only: if these pass, a stock
 * SQLCipher 4 opens the vault with PRAGMA key = "x'<hex>'" (the emergency-access promise).
 *
 * SQLCipher 4 page layout (sqlcipher's sqlcipher_page_cipher / sqlcipher_page_hmac):
 *   page 1 starts with the 16-byte KDF salt in place of "SQLite format 3\0";
 *   every page ends with 80 reserved bytes: 16-byte IV, then 64-byte HMAC-SHA512;
 *   the ciphertext (AES-256-CBC, no padding) runs from the page start (16 on page 1) to the IV;
 *   HMAC-SHA512 covers ciphertext ‖ IV ‖ page number as 4 bytes little-endian;
 *   with a raw key the encryption key is the key itself (no PBKDF2), and the HMAC key is
 *   PBKDF2-HMAC-SHA512(encryption key, salt XOR 0x3a, 2 iterations, 32 bytes).
 */
const PAGE_SIZE = 4096;
const RESERVE = 80;
const IV_SIZE = 16;
const SALT_SIZE = 16;
const KNOWN_TEXT = 'Known-answer coachee Ottoline';

interface PageCheck {
  macMatches: boolean;
  plaintext: Buffer;
}

function hmacKey(key: Buffer, salt: Buffer): Buffer {
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
  return pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
}

function checkPage(file: Buffer, pageNumber: number, key: Buffer, macKey: Buffer, pgnoEndian: 'le' | 'be' = 'le'): PageCheck {
  const page = file.subarray((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE);
  const start = pageNumber === 1 ? SALT_SIZE : 0;
  const ciphertext = page.subarray(start, PAGE_SIZE - RESERVE);
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + IV_SIZE);
  const storedMac = page.subarray(PAGE_SIZE - RESERVE + IV_SIZE);
  const pgno = Buffer.alloc(4);
  if (pgnoEndian === 'le') pgno.writeUInt32LE(pageNumber);
  else pgno.writeUInt32BE(pageNumber);
  const mac = createHmac('sha512', macKey).update(ciphertext).update(iv).update(pgno).digest();
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return { macMatches: storedMac.length === 64 && timingSafeEqual(mac, storedMac), plaintext };
}

describe('SQLCipher 4 compatibility (known answer, node:crypto only)', () => {
  const { dir, remove } = tempDir();
  const key = randomBytes(32);
  let file: Buffer;

  beforeAll(() => {
    const path = join(dir, 'kat.vault');
    const db = openEncryptedDatabase(path, key, { create: true });
    migrate(db);
    const repos = createRepositories(db);
    const coachee = repos.coachees.create({ name: KNOWN_TEXT, ambitions: 'x'.repeat(5000) });
    repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A clear next step' });
    db.close(); // checkpoints the WAL: everything is in the main file
    file = readFileSync(path);
  });
  afterAll(remove);

  it('page 1: salt, HMAC-SHA512 over ciphertext ‖ IV ‖ LE page number, then an SQLite header with reserve 80', () => {
    expect(file.length % PAGE_SIZE).toBe(0);
    const salt = file.subarray(0, SALT_SIZE);
    expect(salt.equals(Buffer.from('SQLite format 3\0'))).toBe(false);

    const { macMatches, plaintext } = checkPage(file, 1, key, hmacKey(key, salt));
    expect(macMatches).toBe(true);

    // plaintext[i] is byte 16 + i of the SQLite header.
    const header = (offset: number): number => plaintext[offset - SALT_SIZE] ?? -1;
    expect(plaintext.readUInt16BE(0)).toBe(0x1000); // bytes 16-17: page size 4096
    expect([header(18), header(19)]).toEqual([2, 2]); // WAL mode
    expect(header(20)).toBe(RESERVE); // bytes reserved at the end of each page
    expect([header(21), header(22), header(23)]).toEqual([64, 32, 32]); // fixed payload fractions
    expect(plaintext.readUInt32BE(28 - SALT_SIZE)).toBe(file.length / PAGE_SIZE); // database size in pages
    expect([0x05, 0x0d]).toContain(header(100)); // sqlite_schema b-tree page type
  });

  it('every page authenticates and decrypts, and the data written is in the plaintext', () => {
    const macKey = hmacKey(key, file.subarray(0, SALT_SIZE));
    const pages = file.length / PAGE_SIZE;
    expect(pages).toBeGreaterThan(3);
    const plaintexts: Buffer[] = [];
    for (let n = 1; n <= pages; n++) {
      const { macMatches, plaintext } = checkPage(file, n, key, macKey);
      expect(macMatches, `page ${n}`).toBe(true);
      plaintexts.push(plaintext);
    }
    const all = Buffer.concat(plaintexts);
    expect(all.includes(Buffer.from(KNOWN_TEXT))).toBe(true);
    expect(all.includes(Buffer.from('CREATE TABLE coachees'))).toBe(true);
    // ...and none of it is readable without decrypting.
    expect(file.includes(Buffer.from(KNOWN_TEXT))).toBe(false);
  });

  it('fails for a wrong key, a tampered page or a big-endian page number (the check can fail)', () => {
    const salt = file.subarray(0, SALT_SIZE);
    const wrongKey = randomBytes(32);
    expect(checkPage(file, 1, wrongKey, hmacKey(wrongKey, salt)).macMatches).toBe(false);

    const tampered = Buffer.from(file);
    tampered[200] = (tampered[200] ?? 0) ^ 0x01;
    expect(checkPage(tampered, 1, key, hmacKey(key, salt)).macMatches).toBe(false);

    expect(checkPage(file, 1, key, hmacKey(key, salt), 'be').macMatches).toBe(false);

    // Page 2 checked as if it were page 3: the page number is part of the MAC.
    const page2 = file.subarray(PAGE_SIZE, 2 * PAGE_SIZE);
    const shifted = Buffer.concat([file.subarray(0, 2 * PAGE_SIZE), page2]);
    expect(checkPage(shifted, 3, key, hmacKey(key, salt)).macMatches).toBe(false);
  });
});
