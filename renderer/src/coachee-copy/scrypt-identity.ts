import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { Identity, Stanza } from 'age-encryption';

const LABEL = new TextEncoder().encode('age-encryption.org/v1/scrypt');
/** age-encryption's own ceiling (a 2^20 scrypt takes 1 GiB): a copy from Confidante uses 2^18. */
export const MAX_LOG_N = 20;
const FILE_KEY_BYTES = 16;
const TAG_BYTES = 16;

/** Canonical unpadded base64 (what age requires of a salt), or null. */
function decodeSalt(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]{22}$/.test(text)) return null;
  const binary = atob(`${text}==`);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  // Re-encoding catches non-zero unused bits, which atob accepts silently.
  return btoa(binary).replace(/=+$/, '') === text ? bytes : null;
}

/**
 * age's passphrase (scrypt) identity for age-encryption's Decrypter, doing exactly what the
 * package's own ScryptIdentity does (the same stanza checks, the same @noble/hashes scrypt), but
 * through scrypt's async variant: the derivation yields to the browser every few milliseconds and
 * reports how far it got, so the page paints a progress bar instead of freezing for a second.
 *
 * `refused` tells a wrong passphrase (scrypt ran, the file key did not open) from a damaged file.
 */
export class ScryptPassphraseIdentity implements Identity {
  refused = false;

  constructor(
    private readonly passphrase: string,
    private readonly onProgress: (fraction: number) => void = () => {},
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args.length < 1 || stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      if (stanza.args.length !== 3) throw new Error('invalid scrypt stanza');
      const [, saltText = '', logNText = ''] = stanza.args;
      if (!/^[1-9][0-9]*$/.test(logNText)) throw new Error('invalid scrypt stanza');
      const salt = decodeSalt(saltText);
      if (!salt) throw new Error('invalid scrypt stanza');
      const logN = Number(logNText);
      if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high');
      if (stanza.body.length !== FILE_KEY_BYTES + TAG_BYTES) throw new Error('invalid stanza');
      const labelAndSalt = new Uint8Array(LABEL.length + salt.length);
      labelAndSalt.set(LABEL);
      labelAndSalt.set(salt, LABEL.length);
      const key = await scryptAsync(this.passphrase, labelAndSalt, {
        N: 2 ** logN,
        r: 8,
        p: 1,
        dkLen: 32,
        maxmem: 128 * 8 * 2 ** MAX_LOG_N + 1024 * 1024,
        asyncTick: 20,
        onProgress: this.onProgress,
      });
      try {
        return chacha20poly1305(key, new Uint8Array(12)).decrypt(stanza.body);
      } catch {
        this.refused = true;
        return null;
      } finally {
        key.fill(0);
      }
    }
    return null;
  }
}
