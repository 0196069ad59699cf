import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { decryptWithFileKey, decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { aeadImplementations } from '../../../electron/core/archive/age/primitives';
import { CopyNotOpened, decodeArmor, decryptAgeFile } from '../../../renderer/src/coachee-copy/open-copy';
import { AGE_VECTORS, sha256Hex, type AgeVector } from './age-vectors';

/** What happened to a vector: the plaintext's SHA-256, or the refusal. */
async function outcome(run: () => Promise<Uint8Array> | Uint8Array): Promise<{ ok: true; sha256: string } | { ok: false; error: unknown }> {
  try {
    return { ok: true, sha256: sha256Hex(await run()) };
  } catch (error) {
    return { ok: false, error };
  }
}

const withPassphrase = AGE_VECTORS.filter((vector) => vector.passphrases.length > 0);
/** Vectors whose header parses and whose file key is given: they test the MAC and the STREAM payload. */
const withFileKey = AGE_VECTORS.filter(
  (vector) => vector.fileKey !== null && ['success', 'HMAC failure', 'payload failure'].includes(vector.expect) && !vector.name.startsWith('armor'),
);

describe('the age test vectors (C2SP CCTV, cctv-age on npm)', () => {
  it('are all there: 143 vectors, 26 of them with a passphrase, 38 with a file key and a header that parses', () => {
    expect(AGE_VECTORS).toHaveLength(143);
    expect(withPassphrase).toHaveLength(26);
    expect(withPassphrase.filter((vector) => vector.expect === 'success').map((vector) => vector.name)).toEqual(['armor_scrypt', 'scrypt']);
    // Every vector whose header parses and carries its file key: 38 in cctv-age 0.2.0.
    expect(withFileKey).toHaveLength(38);
  });

  describe("Confidante's own age code (electron/core/archive/age)", () => {
    it.each(withPassphrase.map((vector) => [vector.name, vector] as const))('passphrase vector %s: decrypts exactly, or is refused', async (_name, vector: AgeVector) => {
      for (const [name, aead] of Object.entries(aeadImplementations)) {
        const result = await outcome(() => decryptWithPassphrase(vector.file, vector.passphrases[0]!, { aead }));
        if (vector.expect === 'success') {
          expect(result, name).toEqual({ ok: true, sha256: vector.payload });
        } else {
          expect(result.ok, `${name}: ${vector.expect} must be refused`).toBe(false);
          // Refused with one sentence for the coach, never an unexplained crash.
          if (!result.ok) expect(result.error).toBeInstanceOf(AppError);
        }
      }
    });

    it('refuses every vector made for a key rather than a passphrase, with a sentence', async () => {
      for (const vector of AGE_VECTORS.filter((v) => v.passphrases.length === 0)) {
        const result = await outcome(() => decryptWithPassphrase(vector.file, 'not a passphrase of any vector'));
        expect(result.ok, vector.name).toBe(false);
        if (!result.ok) expect(result.error, vector.name).toBeInstanceOf(AppError);
      }
    });

    it.each(withFileKey.map((vector) => [`${vector.name} (${vector.expect})`, vector] as const))(
      'with the vector’s file key, the header MAC and the STREAM payload: %s',
      async (_name, vector: AgeVector) => {
        for (const [name, aead] of Object.entries(aeadImplementations)) {
          const result = await outcome(() => decryptWithFileKey(vector.file, vector.fileKey!, { aead }));
          if (vector.expect === 'success') expect(result, name).toEqual({ ok: true, sha256: vector.payload });
          else {
            expect(result.ok, `${name}: ${vector.expect} must be refused`).toBe(false);
            if (!result.ok) expect((result.error as AppError).code).toBe('damaged');
          }
        }
      },
    );
  });

  describe('the coachee copy page’s decryptor (age-encryption, with a progress-reporting scrypt)', () => {
    it.each(withPassphrase.map((vector) => [vector.name, vector] as const))('passphrase vector %s: decrypts exactly, or is refused', async (_name, vector: AgeVector) => {
      const progress: number[] = [];
      const result = await outcome(async () => {
        const file = vector.armored ? decodeArmor(vector.file.toString('latin1')) : vector.file;
        return decryptAgeFile(file, vector.passphrases[0]!, (fraction) => progress.push(fraction));
      });
      if (vector.expect === 'success') {
        expect(result).toEqual({ ok: true, sha256: vector.payload });
        // scrypt reported its way to the end: the page can show it.
        expect(progress.at(-1)).toBe(1);
      } else {
        expect(result.ok, `${vector.expect} must be refused`).toBe(false);
        if (!result.ok) expect(result.error).toBeInstanceOf(CopyNotOpened);
      }
    });

    it('tells a wrong passphrase from a damaged file', async () => {
      const scrypt = withPassphrase.find((vector) => vector.name === 'scrypt')!;
      const wrong = await outcome(() => decryptAgeFile(scrypt.file, 'not the passphrase'));
      expect(!wrong.ok && (wrong.error as CopyNotOpened).reason).toBe('wrong-passphrase');
      for (const name of ['scrypt_and_x25519', 'scrypt_work_factor_23', 'scrypt_salt_short']) {
        const vector = withPassphrase.find((v) => v.name === name)!;
        const result = await outcome(() => decryptAgeFile(vector.file, vector.passphrases[0]!));
        expect(!result.ok && (result.error as CopyNotOpened).reason, name).toBe('damaged');
      }
    });

    it('refuses every armor the vectors call malformed', () => {
      const malformed = AGE_VECTORS.filter((vector) => vector.expect === 'armor failure');
      expect(malformed.length).toBeGreaterThan(5);
      for (const vector of malformed) expect(() => decodeArmor(vector.file.toString('latin1')), vector.name).toThrow(CopyNotOpened);
    });
  });
});
