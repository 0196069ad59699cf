/**
 * Passphrase strength, shared so the create screen shows the same verdict the vault enforces.
 * A rough entropy estimate by character classes, with penalties for repeats and common patterns:
 * good enough to stop "password1" and to reward long passphrases of plain words.
 */
export type StrengthLevel = 'too-weak' | 'weak' | 'fair' | 'strong';

export interface Strength {
  level: StrengthLevel;
  bits: number;
  /** One sentence of advice, or an empty string when the passphrase is strong. */
  advice: string;
  acceptable: boolean;
}

export const MIN_PASSPHRASE_LENGTH = 10;
const ACCEPTABLE_BITS = 50;

const COMMON = ['password', 'passwort', 'qwerty', 'azerty', '123456', 'letmein', 'welcome', 'iloveyou', 'admin', 'coach', 'confidante', 'secret'];

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(passphrase).size;
  // Repeated characters add little: count each distinct character fully, repeats at a quarter.
  const effectiveLength = Math.min(length, distinct + (length - distinct) / 4);
  let bits = pool > 0 ? Math.round(effectiveLength * Math.log2(pool)) : 0;
  const lower = passphrase.toLowerCase();
  if (COMMON.some((word) => lower.includes(word))) bits = Math.round(bits * 0.5);
  if (/^(.)\1+$/.test(passphrase) || /^(0123456789|abcdefghij)/i.test(passphrase)) bits = Math.min(bits, 10);

  if (length < MIN_PASSPHRASE_LENGTH) {
    return { level: 'too-weak', bits, acceptable: false, advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.` };
  }
  if (bits < 35) return { level: 'too-weak', bits, acceptable: false, advice: 'Too easy to guess: add more unrelated words.' };
  if (bits < ACCEPTABLE_BITS) return { level: 'weak', bits, acceptable: false, advice: 'Still guessable: add another word or two.' };
  if (bits < 70) return { level: 'fair', bits, acceptable: true, advice: 'Acceptable; one more word would make it strong.' };
  return { level: 'strong', bits, acceptable: true, advice: '' };
}
