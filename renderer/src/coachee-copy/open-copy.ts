import { Decrypter, armor } from 'age-encryption';
import { unzipSync } from 'fflate';
import { COACHEE_RECORD_FILE } from '@shared/domain/archive';
import { ScryptPassphraseIdentity } from './scrypt-identity';

/**
 * Opening a coachee copy, without the DOM (tests run it in Node against the age test vectors):
 * the armored age file → the zip Confidante wrote → its files. Decryption is the age-encryption
 * package's (armor, header, MAC, STREAM payload); only the scrypt step is ours, for progress.
 */

export type NotOpenedReason = 'wrong-passphrase' | 'damaged';

export class CopyNotOpened extends Error {
  constructor(readonly reason: NotOpenedReason) {
    super(reason === 'wrong-passphrase' ? 'That passphrase does not open this record.' : 'This file is damaged and cannot be opened.');
  }
}

/** The binary age file inside an ASCII-armored block (age-encryption's strict decoder). */
export function decodeArmor(armored: string): Uint8Array {
  try {
    return armor.decode(armored);
  } catch {
    throw new CopyNotOpened('damaged');
  }
}

/** Decrypt an age passphrase file; a passphrase that does not open it says so, anything else is "damaged". */
export async function decryptAgeFile(file: Uint8Array, passphrase: string, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const identity = new ScryptPassphraseIdentity(passphrase, onProgress);
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(file);
  } catch {
    throw new CopyNotOpened(identity.refused ? 'wrong-passphrase' : 'damaged');
  }
}

/** The files of the zip, by path; a zip without the record is not a coachee copy. */
export function unpackCopy(zip: Uint8Array): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    throw new CopyNotOpened('damaged');
  }
  if (!files[COACHEE_RECORD_FILE]) throw new CopyNotOpened('damaged');
  return new Map(Object.entries(files));
}

export async function openCopy(armored: string, passphrase: string, onProgress?: (fraction: number) => void): Promise<Map<string, Uint8Array>> {
  return unpackCopy(await decryptAgeFile(decodeArmor(armored), passphrase, onProgress));
}
