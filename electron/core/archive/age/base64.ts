/**
 * age's base64: the standard alphabet without `=` padding. The spec requires canonical encodings
 * (unused trailing bits zero) and decoders must refuse anything else, so a header has exactly one
 * byte-for-byte form and its MAC can be checked over it.
 */
const ALPHABET = /^[A-Za-z0-9+/]*$/;

export function encodeBase64NoPad(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64').replace(/=+$/, '');
}

/** The bytes, or null when `text` is not canonical unpadded base64. */
export function decodeBase64NoPad(text: string): Buffer | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  // Re-encoding catches non-zero unused bits: Node decodes them silently.
  return encodeBase64NoPad(bytes) === text ? bytes : null;
}
