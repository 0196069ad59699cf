import { createCipheriv, createDecipheriv, createHmac, getCiphers, hkdfSync, scrypt, timingSafeEqual } from 'node:crypto';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

/** ChaCha20-Poly1305 (RFC 8439) with a 16-byte tag appended to the ciphertext, as age lays it out. */
export interface Aead {
  seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer;
  /** null when the tag does not verify (wrong key, or the bytes were changed). */
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | null;
}

export const TAG_BYTES = 16;

const nativeAead: Aead = {
  seal(key, nonce, plaintext) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
    const body = cipher.update(plaintext);
    const tail = cipher.final();
    return Buffer.concat([body, tail, cipher.getAuthTag()], body.length + tail.length + TAG_BYTES);
  },
  open(key, nonce, sealed) {
    if (sealed.length < TAG_BYTES) return null;
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    try {
      const tail = decipher.final();
      return tail.length === 0 ? body : Buffer.concat([body, tail]);
    } catch {
      return null;
    }
  },
};

/** Pure JS, for runtimes whose crypto library lacks the cipher (Electron's BoringSSL does). */
const portableAead: Aead = {
  seal(key, nonce, plaintext) {
    const sealed = chacha20poly1305(key, nonce).encrypt(plaintext);
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  },
  open(key, nonce, sealed) {
    try {
      const plain = chacha20poly1305(key, nonce).decrypt(sealed);
      return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    } catch {
      return null;
    }
  },
};

function nativeAvailable(): boolean {
  if (!getCiphers().includes('chacha20-poly1305')) return false;
  try {
    // Listed is not proof: check it round-trips before trusting it with archives.
    const key = Buffer.alloc(32, 7);
    const nonce = Buffer.alloc(12, 1);
    const sealed = nativeAead.seal(key, nonce, Buffer.from('age'));
    return nativeAead.open(key, nonce, sealed)?.toString() === 'age';
  } catch {
    return false;
  }
}

/** Native OpenSSL where Node has it (5–10× faster), the portable one otherwise. Same bytes either way. */
export const aead: Aead = nativeAvailable() ? nativeAead : portableAead;
export const aeadImplementations = { native: nativeAead, portable: portableAead } as const;

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * scrypt(N = 2^logN, r = 8, p = 1, dkLen = 32) on libuv's thread pool: native and off the main
 * thread, so the app stays responsive while the work factor does its job.
 */
export function scryptKey(passphrase: Uint8Array, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below age's default work factor.
  const maxmem = 128 * N * 8 + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, { N, r: 8, p: 1, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
