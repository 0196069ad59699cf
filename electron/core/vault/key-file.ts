import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { writeFileAtomic } from './atomic-write';
import { deriveKey, newScryptParams, type KdfCost, type ScryptParams } from './kdf';

/**
 * The key file holds the vault's data key, never in clear: wrapped (AES-256-GCM) once under a key
 * derived from the passphrase and once under a key derived from the recovery code. Changing the
 * passphrase rewrites only this small file; the database is never re-encrypted.
 */
export const KEY_FILE_FORMAT = 'confidante-vault-keys';
export const KEY_FILE_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
const scryptSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 24),
  r: z.number().int().min(1).max(64),
  p: z.number().int().min(1).max(16),
  salt: base64,
});
const wrapSchema = z.object({
  kdf: scryptSchema,
  alg: z.literal('A256GCM'),
  iv: base64,
  tag: base64,
  ciphertext: base64,
});
const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  /** How the data key opens the database: a raw 256-bit SQLCipher 4 key. */
  cipher: z.literal('sqlcipher4-raw-key'),
  createdAt: z.string(),
  passphrase: wrapSchema,
  recovery: wrapSchema,
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type Wrap = z.infer<typeof wrapSchema>;
export type WrapSlot = 'passphrase' | 'recovery';

function aad(slot: WrapSlot): Buffer {
  // Binds each wrap to its slot and format, so wraps cannot be swapped or replayed across versions.
  return Buffer.from(`${KEY_FILE_FORMAT}/v${KEY_FILE_VERSION}/${slot}`);
}

export async function wrapKey(dataKey: Buffer, secret: string, slot: WrapSlot, cost: KdfCost): Promise<Wrap> {
  const kdf: ScryptParams = newScryptParams(cost);
  const kek = await deriveKey(secret, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(slot));
    // Only ciphertext here: the data key goes in as a Buffer and never comes out in clear.
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      kdf,
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/**
 * The data key, or null when the secret is wrong (the GCM tag does not verify). The key is only
 * ever in Buffers the caller zeroes: decipher output is copied into a buffer of its own (never a
 * slice of Node's shared pool, which `Buffer.concat` would hand out) and wiped, also when the tag
 * fails, since unauthenticated output under the right KEK is the key itself.
 */
export async function unwrapKey(wrap: Wrap, secret: string, slot: WrapSlot): Promise<Buffer | null> {
  const kek = await deriveKey(secret, wrap.kdf);
  const parts: Buffer[] = [];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    parts.push(decipher.update(Buffer.from(wrap.ciphertext, 'base64')));
    parts.push(decipher.final());
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    if (length !== 32) return null;
    const key = Buffer.alloc(32);
    let at = 0;
    for (const part of parts) at += part.copy(key, at);
    return key;
  } catch {
    return null;
  } finally {
    kek.fill(0);
    for (const part of parts) part.fill(0);
  }
}

export function readKeyFile(file: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('damaged', `The vault key file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('damaged', `The vault key file ${file} is damaged: it is not valid JSON.`, { file });
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > KEY_FILE_VERSION) {
      throw new AppError('damaged', `The vault key file ${file} was written by a newer Confidante (format ${version}); update the app to open it.`, { file });
    }
    throw new AppError('damaged', `The vault key file ${file} is damaged: its fields are not what Confidante writes.`, { file });
  }
  return parsed.data;
}

export function writeKeyFile(file: string, keyFile: KeyFile, hooks?: { afterTempWrite?: () => void }): void {
  writeFileAtomic(file, `${JSON.stringify(keyFile, null, 2)}\n`, hooks);
}
