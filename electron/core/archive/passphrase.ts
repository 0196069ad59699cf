import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so nothing is misread when the passphrase is read out or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 4;

/**
 * A generated archive passphrase: 24 random base32 characters in six groups, 120 bits, e.g.
 * `7KQ2-MX9D-R4TB-HWZ3-C8FJ-6VNE`. Far beyond what scrypt needs to resist guessing, and short
 * enough to dictate over the phone to a coachee.
 */
export function generateArchivePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
