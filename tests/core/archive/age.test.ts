import { randomBytes } from 'node:crypto';
import { Decrypter, Encrypter, armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import {
  CHUNK_BYTES,
  StreamSealer,
  armorAgeFile,
  beginEncryption,
  decryptWithPassphrase,
  encryptWithPassphrase,
  startEncryption,
} from '../../../electron/core/archive/age/age';
import { aeadImplementations } from '../../../electron/core/archive/age/primitives';

const PASSPHRASE = 'quartz meadow 19 lantern ferry';
const LOG_N = 10;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('age v1 passphrase files', () => {
  // Sizes around the 64 KiB chunk edges, where STREAM implementations go wrong.
  const sizes = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 7];

  it('round-trips every size around chunk boundaries, with both cipher implementations', async () => {
    for (const size of sizes) {
      const plain = randomBytes(size);
      for (const [name, impl] of Object.entries(aeadImplementations)) {
        const sealed = await encryptWithPassphrase(plain, PASSPHRASE, { logN: LOG_N, aead: impl });
        const other = name === 'native' ? aeadImplementations.portable : aeadImplementations.native;
        expect((await decryptWithPassphrase(sealed, PASSPHRASE, { aead: other })).equals(plain), `${name} ${size}`).toBe(true);
      }
    }
  });

  it('gives the same file whatever sizes the plaintext arrives in', async () => {
    const plain = randomBytes(5 * CHUNK_BYTES + 123);
    const { prefix, sealer } = await startEncryption(PASSPHRASE, { logN: LOG_N });
    const parts: Buffer[] = [prefix];
    let at = 0;
    for (const step of [1, CHUNK_BYTES - 1, 10, CHUNK_BYTES * 2, 7, CHUNK_BYTES]) {
      parts.push(...sealer.push(plain.subarray(at, at + step)));
      at += step;
    }
    parts.push(...sealer.push(plain.subarray(at)), sealer.finish());
    expect((await decryptWithPassphrase(Buffer.concat(parts), PASSPHRASE)).equals(plain)).toBe(true);
    expect(() => sealer.finish()).toThrow();
    expect(() => new StreamSealer(Buffer.alloc(32)).finish().length).not.toThrow();
  });

  it('plans the header length before scrypt has run, for one- and two-digit work factors', async () => {
    for (const logN of [9, 10]) {
      const pending = beginEncryption(PASSPHRASE, { logN });
      const parts = [...pending.sealer.push(Buffer.from('payload first')), pending.sealer.finish()];
      const prefix = await pending.prefix;
      expect(prefix.length).toBe(pending.prefixLength);
      expect((await decryptWithPassphrase(Buffer.concat([prefix, ...parts]), PASSPHRASE)).toString()).toBe('payload first');
    }
    expect(() => beginEncryption(PASSPHRASE, { logN: 23 })).toThrow(RangeError);
  });

  it('interoperates with the age-encryption package both ways', async () => {
    for (const size of [0, 1000, 2 * CHUNK_BYTES]) {
      const plain = randomBytes(size);
      const ours = await encryptWithPassphrase(plain, PASSPHRASE, { logN: LOG_N });
      const decrypter = new Decrypter();
      decrypter.addPassphrase(PASSPHRASE);
      expect(Buffer.from(await decrypter.decrypt(ours)).equals(plain)).toBe(true);

      const encrypter = new Encrypter();
      encrypter.setPassphrase(PASSPHRASE);
      encrypter.setScryptWorkFactor(LOG_N);
      const theirs = await encrypter.encrypt(plain);
      expect((await decryptWithPassphrase(theirs, PASSPHRASE)).equals(plain)).toBe(true);
    }
  });

  it('armors as age does (64 columns between BEGIN and END) and reads armor back, both ways with age-encryption', async () => {
    const plain = randomBytes(3000);
    const armored = armorAgeFile(await encryptWithPassphrase(plain, PASSPHRASE, { logN: LOG_N }));
    const lines = armored.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN AGE ENCRYPTED FILE-----');
    expect(lines.at(-1)).toBe('-----END AGE ENCRYPTED FILE-----');
    expect(lines.slice(1, -2).every((line) => line.length === 64)).toBe(true);
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    expect(Buffer.from(await decrypter.decrypt(armor.decode(armored))).equals(plain)).toBe(true);

    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASSPHRASE);
    encrypter.setScryptWorkFactor(LOG_N);
    const theirs = armor.encode(await encrypter.encrypt(plain));
    expect((await decryptWithPassphrase(Buffer.from(`\n  ${theirs}`), PASSPHRASE)).equals(plain)).toBe(true);
  });

  it('writes the standard header: one scrypt stanza with the work factor asked for', async () => {
    const sealed = await encryptWithPassphrase(Buffer.from('hello'), PASSPHRASE, { logN: 12 });
    const lines = sealed.subarray(0, sealed.indexOf('\n---') + 48).toString('latin1').split('\n');
    expect(lines[0]).toBe('age-encryption.org/v1');
    expect(lines[1]).toMatch(/^-> scrypt [A-Za-z0-9+/]{22} 12$/);
    expect(lines[2]).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(lines[3]).toMatch(/^--- [A-Za-z0-9+/]{43}$/);
  });

  it('refuses with one sentence: wrong passphrase, not age, another age version, key recipients, huge work factor, truncation', async () => {
    const sealed = await encryptWithPassphrase(randomBytes(3 * CHUNK_BYTES), PASSPHRASE, { logN: LOG_N });
    expect((await rejection(decryptWithPassphrase(sealed, 'not the passphrase'))).code).toBe('wrong-passphrase');
    expect((await rejection(decryptWithPassphrase(Buffer.from('PK\x03\x04 just a zip'), PASSPHRASE))).message).toMatch(/not a Confidante archive/);
    expect((await rejection(decryptWithPassphrase(Buffer.from('age-encryption.org/v2\n'), PASSPHRASE))).message).toMatch(/newer age format/);
    // Armor is read (a coachee copy's web page holds it); a broken one says so.
    expect((await rejection(decryptWithPassphrase(Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----\n'), PASSPHRASE))).message).toMatch(/ASCII armor .* cannot be read/);

    const x25519 = Buffer.from('age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n');
    expect((await rejection(decryptWithPassphrase(x25519, PASSPHRASE))).message).toMatch(/not a passphrase/);

    const greedy = Buffer.from(sealed.toString('latin1').replace(/^(-> scrypt \S+) 10$/m, '$1 30'), 'latin1');
    const refused = await rejection(decryptWithPassphrase(greedy, PASSPHRASE));
    expect(refused.message).toMatch(/work factor \(2\^30\) too high/);

    for (const cut of [sealed.length - 1, sealed.length - 17, sealed.length - CHUNK_BYTES - 16, 200, 60]) {
      const error = await rejection(decryptWithPassphrase(sealed.subarray(0, cut), PASSPHRASE));
      expect(['damaged', 'invalid-input']).toContain(error.code);
    }
    // Cut exactly at a chunk boundary: every remaining chunk is intact, but none is marked final.
    const header = sealed.indexOf('\n---') + 49 + 16;
    expect((await rejection(decryptWithPassphrase(sealed.subarray(0, header + 2 * (CHUNK_BYTES + 16)), PASSPHRASE))).message).toMatch(/incomplete/);
  });
});
