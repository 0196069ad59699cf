import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as vectors from 'cctv-age';

/**
 * The age project's own conformance vectors (C2SP CCTV, from npm as `cctv-age`): each is a few
 * `key: value` lines, a blank line, and an age file (zlib-compressed when `compressed: zlib`).
 * See node_modules/cctv-age/README.md for what each expectation means.
 */
export type Expectation = 'success' | 'no match' | 'HMAC failure' | 'header failure' | 'payload failure' | 'armor failure';

export interface AgeVector {
  name: string;
  expect: Expectation;
  /** SHA-256 (hex) of the plaintext; for a success, of the whole payload. */
  payload: string | null;
  passphrases: string[];
  fileKey: Buffer | null;
  armored: boolean;
  /** The age file itself (decompressed). */
  file: Buffer;
}

function parse(name: string, bytes: Uint8Array): AgeVector {
  const data = Buffer.from(bytes);
  const split = data.indexOf('\n\n');
  const fields = data
    .subarray(0, split)
    .toString('utf8')
    .split('\n')
    .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)] as const);
  const all = (key: string) => fields.filter(([k]) => k === key).map(([, value]) => value);
  const one = (key: string) => all(key)[0] ?? null;
  const body = data.subarray(split + 2);
  const fileKey = one('file key');
  return {
    name,
    expect: one('expect') as Expectation,
    payload: one('payload'),
    passphrases: all('passphrase'),
    fileKey: fileKey ? Buffer.from(fileKey, 'hex') : null,
    armored: one('armored') === 'yes',
    file: one('compressed') === 'zlib' ? inflateSync(body) : Buffer.from(body),
  };
}

export const AGE_VECTORS: readonly AgeVector[] = Object.entries(vectors as Record<string, Uint8Array>)
  .filter(([, value]) => value instanceof Uint8Array)
  .map(([name, value]) => parse(name, value))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
