import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { armor } from 'age-encryption';
import { archiveErrors } from '../errors';
import { runSteps, runStepsPaced, type Pause, type Steps } from '../steps';
import { decodeBase64NoPad, encodeBase64NoPad } from './base64';
import { encodeHeader, encodeHeaderWithoutMac, parseHeader, type ParsedHeader, type Stanza } from './header';
import { TAG_BYTES, aead, equalBytes, hkdfSha256, hmacSha256, scryptKey, type Aead } from './primitives';

/**
 * age v1 with one scrypt (passphrase) recipient, written with Node's native scrypt and
 * ChaCha20-Poly1305 so that exporting keeps pace with the age CLI. The files are standard: the
 * `age` tool, or any age implementation, opens them with the passphrase.
 *
 *   header  = "age-encryption.org/v1" / "-> scrypt <salt> <logN>" / wrapped file key / "--- <HMAC>"
 *   payload = 16-byte nonce, then 64 KiB chunks sealed under HKDF(file key, nonce, "payload")
 *             with nonce = 11-byte big-endian chunk counter ‖ last-chunk flag.
 */

/** age's own default work factor: about a second of one core, 256 MiB of memory. */
export const DEFAULT_SCRYPT_LOG_N = 18;
/** Above this a file would make us spend minutes and gigabytes before we could refuse it. */
export const MAX_SCRYPT_LOG_N = 22;

export const CHUNK_BYTES = 64 * 1024;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
const FILE_KEY_BYTES = 16;
const PAYLOAD_NONCE_BYTES = 16;
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
const ZERO_NONCE = Buffer.alloc(12);

function passphraseBytes(passphrase: string): Buffer {
  // Exactly the bytes typed, as the age tool uses them: no normalization, or its files would not open here.
  return Buffer.from(passphrase, 'utf8');
}

function scryptSalt(salt: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(SCRYPT_LABEL, 'latin1'), salt]);
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 11-byte big-endian counter; 2^48 chunks (16 EiB) is more than any archive needs.
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

export interface EncryptionStart {
  /** Header and payload nonce: the first bytes of the file. */
  prefix: Buffer;
  sealer: StreamSealer;
}

/**
 * An encryption whose payload can be sealed before its header exists. The payload key comes
 * from the random file key alone; only the header needs the (slow) scrypt, and its length is
 * known in advance. So the payload is sealed and written while scrypt runs on the thread pool,
 * and the header goes in front once it is ready.
 */
export interface PendingEncryption {
  /** Bytes of header and payload nonce: where the payload starts in the file. */
  prefixLength: number;
  sealer: StreamSealer;
  /** Header and payload nonce, once scrypt has wrapped the file key. */
  prefix: Promise<Buffer>;
}

function checkedLogN(logN: number): number {
  if (!Number.isInteger(logN) || logN < 1 || logN > MAX_SCRYPT_LOG_N) throw new RangeError(`scrypt logN must be 1..${MAX_SCRYPT_LOG_N}`);
  return logN;
}

/** The header's length for a work factor: every other part of a passphrase header has a fixed size. */
function prefixLengthFor(logN: number): number {
  const placeholder: Stanza = { args: ['scrypt', encodeBase64NoPad(Buffer.alloc(16)), String(logN)], body: Buffer.alloc(FILE_KEY_BYTES + TAG_BYTES) };
  return encodeHeader([placeholder], Buffer.alloc(32)).length + PAYLOAD_NONCE_BYTES;
}

export function beginEncryption(passphrase: string, options: { logN?: number; aead?: Aead } = {}): PendingEncryption {
  const logN = checkedLogN(options.logN ?? DEFAULT_SCRYPT_LOG_N);
  const cipher = options.aead ?? aead;
  const fileKey = randomBytes(FILE_KEY_BYTES);
  const nonce = randomBytes(PAYLOAD_NONCE_BYTES);
  const sealer = new StreamSealer(hkdfSha256(fileKey, nonce, 'payload'), cipher);
  const prefixLength = prefixLengthFor(logN);
  const prefix = (async () => {
    try {
      const salt = randomBytes(16);
      const wrapKey = await scryptKey(passphraseBytes(passphrase), scryptSalt(salt), logN);
      const stanza: Stanza = { args: ['scrypt', encodeBase64NoPad(salt), String(logN)], body: cipher.seal(wrapKey, ZERO_NONCE, fileKey) };
      wrapKey.fill(0);
      const mac = hmacSha256(hkdfSha256(fileKey, Buffer.alloc(0), 'header'), encodeHeaderWithoutMac([stanza]));
      const bytes = Buffer.concat([encodeHeader([stanza], mac), nonce]);
      if (bytes.length !== prefixLength) throw new Error('the age header is not the length it was planned to be');
      return bytes;
    } finally {
      fileKey.fill(0);
    }
  })();
  return { prefixLength, sealer, prefix };
}

/** Derive the keys and write the header; the (slow) scrypt runs on the thread pool. */
export async function startEncryption(passphrase: string, options: { logN?: number; aead?: Aead } = {}): Promise<EncryptionStart> {
  const pending = beginEncryption(passphrase, options);
  return { prefix: await pending.prefix, sealer: pending.sealer };
}

/**
 * The STREAM payload, fed in pieces of any size. A full chunk is sealed only once more data is
 * known to follow it, because the last chunk carries the final flag and must not be empty.
 */
export class StreamSealer {
  private counter = 0;
  private readonly carry = Buffer.alloc(CHUNK_BYTES);
  private carried = 0;
  private finished = false;

  constructor(
    private readonly key: Buffer,
    private readonly cipher: Aead = aead,
  ) {}

  /** Seal what can be sealed now; returns the ciphertext chunks, in order. */
  push(data: Uint8Array): Buffer[] {
    if (this.finished) throw new Error('the payload is already finished');
    const out: Buffer[] = [];
    let offset = 0;
    if (this.carried > 0 || data.length <= CHUNK_BYTES) {
      const take = Math.min(CHUNK_BYTES - this.carried, data.length);
      this.carry.set(data.subarray(0, take), this.carried);
      this.carried += take;
      offset = take;
      if (offset === data.length) return out;
      out.push(this.seal(this.carry, false));
      this.carried = 0;
    }
    while (data.length - offset > CHUNK_BYTES) {
      out.push(this.seal(data.subarray(offset, offset + CHUNK_BYTES), false));
      offset += CHUNK_BYTES;
    }
    this.carry.set(data.subarray(offset), 0);
    this.carried = data.length - offset;
    return out;
  }

  /** The final chunk (empty only when the whole payload is). */
  finish(): Buffer {
    if (this.finished) throw new Error('the payload is already finished');
    this.finished = true;
    const last = this.seal(this.carry.subarray(0, this.carried), true);
    this.key.fill(0);
    this.carry.fill(0);
    return last;
  }

  private seal(chunk: Uint8Array, last: boolean): Buffer {
    return this.cipher.seal(this.key, chunkNonce(this.counter++, last), chunk);
  }
}

/** Encrypt a whole buffer in memory (tests, small files); exports stream to disk instead. */
export async function encryptWithPassphrase(plaintext: Uint8Array, passphrase: string, options: { logN?: number; aead?: Aead } = {}): Promise<Buffer> {
  const { prefix, sealer } = await startEncryption(passphrase, options);
  return Buffer.concat([prefix, ...sealer.push(plaintext), sealer.finish()]);
}

export interface DecryptOptions {
  /** Refuse files asking for more scrypt work than this (default MAX_SCRYPT_LOG_N). */
  maxLogN?: number;
  aead?: Aead;
  /** Between chunks, to let other work through (a background backup's check); may throw to stop. */
  pause?: Pause;
  onProgress?: (done: number, total: number) => void;
}

/** Chunks opened per step of a paced decryption (1 MiB). */
const CHUNKS_PER_STEP = 16;

/** Unwrap the file key from a passphrase header; every refusal is one AppError sentence. */
async function unwrapFileKey(stanzas: readonly Stanza[], passphrase: string, maxLogN: number, cipher: Aead): Promise<Buffer> {
  const scryptStanzas = stanzas.filter((stanza) => stanza.args[0] === 'scrypt');
  if (scryptStanzas.length === 0) throw archiveErrors.notPassphrase();
  // The spec: an scrypt stanza must be alone in its header.
  if (stanzas.length !== 1) throw archiveErrors.damagedHeader();
  const { args, body } = scryptStanzas[0]!;
  const salt = args.length === 3 ? decodeBase64NoPad(args[1]!) : null;
  if (!salt || salt.length !== 16 || !/^[1-9][0-9]*$/.test(args[2]!) || body.length !== FILE_KEY_BYTES + TAG_BYTES) {
    throw archiveErrors.damagedHeader();
  }
  const logN = Number(args[2]);
  if (logN > maxLogN) throw archiveErrors.workFactorTooHigh(logN);
  const wrapKey = await scryptKey(passphraseBytes(passphrase), scryptSalt(salt), logN);
  const fileKey = cipher.open(wrapKey, ZERO_NONCE, body);
  wrapKey.fill(0);
  if (!fileKey) throw archiveErrors.wrongPassphrase();
  return fileKey;
}

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Whether a file is age's ASCII armor (PEM-like text), which may be preceded by whitespace. */
function isArmored(file: Uint8Array): boolean {
  let at = 0;
  while (at < file.length && (file[at] === 0x20 || file[at] === 0x09 || file[at] === 0x0a || file[at] === 0x0d)) at++;
  return Buffer.from(file.subarray(at, at + ARMOR_BEGIN.length)).toString('latin1') === ARMOR_BEGIN;
}

/**
 * The binary age file: as it is, or decoded from its ASCII armor (what a coachee copy's web page
 * holds) with the age-encryption package's strict armor decoder.
 */
function dearmored(file: Uint8Array): Uint8Array {
  if (!isArmored(file)) return file;
  try {
    return armor.decode(Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('latin1'));
  } catch {
    throw archiveErrors.damagedArmor();
  }
}

/** The age file in its ASCII armor (64-column base64 between BEGIN and END lines), as the age tool reads it. */
export function armorAgeFile(file: Uint8Array): string {
  return armor.encode(file);
}

/**
 * Decrypt an age passphrase file held in memory, binary or armored. Checks the header MAC before
 * touching the payload and every chunk's tag, so a flipped byte anywhere is refused, as is a file
 * cut short.
 */
export async function decryptWithPassphrase(file: Uint8Array, passphrase: string, options: DecryptOptions = {}): Promise<Buffer> {
  const cipher = options.aead ?? aead;
  const bytes = dearmored(file);
  const header = parseHeader(bytes);
  const fileKey = await unwrapFileKey(header.stanzas, passphrase, options.maxLogN ?? MAX_SCRYPT_LOG_N, cipher);
  try {
    const steps = openPayloadSteps(bytes, header, fileKey, cipher, options.onProgress);
    return options.pause ? await runStepsPaced(steps, options.pause) : runSteps(steps);
  } finally {
    fileKey.fill(0);
  }
}

/**
 * Decrypt with a known file key, whatever the file's recipients: the header MAC and the payload
 * only. For conformance tests (the age test vectors carry their file keys); archives are always
 * opened with decryptWithPassphrase.
 */
export function decryptWithFileKey(file: Uint8Array, fileKey: Uint8Array, options: Pick<DecryptOptions, 'aead'> = {}): Buffer {
  const bytes = dearmored(file);
  return openPayload(bytes, parseHeader(bytes), fileKey, options.aead ?? aead);
}

function openPayload(file: Uint8Array, header: ParsedHeader, fileKey: Uint8Array, cipher: Aead): Buffer {
  return runSteps(openPayloadSteps(file, header, fileKey, cipher));
}

/** The header MAC, then the payload a megabyte per step (a background backup's check pauses between them). */
function* openPayloadSteps(
  file: Uint8Array,
  header: ParsedHeader,
  fileKey: Uint8Array,
  cipher: Aead,
  onProgress?: (done: number, total: number) => void,
): Steps<Buffer> {
  const mac = hmacSha256(hkdfSha256(fileKey, Buffer.alloc(0), 'header'), header.macInput);
  if (!equalBytes(mac, header.mac)) throw archiveErrors.tamperedHeader();
  const payload = file.subarray(header.payloadOffset);
  if (payload.length < PAYLOAD_NONCE_BYTES + TAG_BYTES) throw archiveErrors.truncated();
  const key = hkdfSha256(fileKey, payload.subarray(0, PAYLOAD_NONCE_BYTES), 'payload');
  try {
    return yield* openStreamSteps(key, payload.subarray(PAYLOAD_NONCE_BYTES), cipher, onProgress);
  } finally {
    key.fill(0);
  }
}

function* openStreamSteps(key: Buffer, sealed: Uint8Array, cipher: Aead, onProgress?: (done: number, total: number) => void): Steps<Buffer> {
  const chunks = chunkCount(sealed.length);
  const plaintext = Buffer.alloc(sealed.length - chunks * TAG_BYTES);
  let complete = false;
  try {
    for (let index = 0; index < chunks; index++) {
      const start = index * SEALED_CHUNK_BYTES;
      openChunk(key, index, chunks, sealed.subarray(start, Math.min(start + SEALED_CHUNK_BYTES, sealed.length)), cipher, plaintext);
      if (index % CHUNKS_PER_STEP === CHUNKS_PER_STEP - 1 && index !== chunks - 1) {
        onProgress?.(index + 1, chunks);
        yield;
      }
    }
    onProgress?.(chunks, chunks);
    complete = true;
    return plaintext;
  } finally {
    // Stopped half way (a cancel, a damaged chunk): what was decrypted does not linger.
    if (!complete) plaintext.fill(0);
  }
}

/** How many STREAM chunks `sealedBytes` of payload (after its nonce) hold; refuses a length age never writes. */
function chunkCount(sealedBytes: number): number {
  const chunks = Math.ceil(sealedBytes / SEALED_CHUNK_BYTES);
  const lastSize = sealedBytes - (chunks - 1) * SEALED_CHUNK_BYTES;
  // A final chunk shorter than a tag, or empty after full ones, is never written by age.
  if (chunks === 0 || lastSize < TAG_BYTES || (lastSize === TAG_BYTES && chunks > 1)) throw archiveErrors.truncated();
  return chunks;
}

/** Open chunk `index` of `chunks` into its place in `plaintext`; a bad tag is a tampered (or cut) file. */
function openChunk(key: Buffer, index: number, chunks: number, chunk: Uint8Array, cipher: Aead, plaintext: Buffer): void {
  const last = index === chunks - 1;
  const opened = cipher.open(key, chunkNonce(index, last), chunk);
  if (!opened) {
    // A non-final chunk where the final one should be: the file was cut at a chunk boundary.
    if (last && cipher.open(key, chunkNonce(index, false), chunk)) throw archiveErrors.truncated();
    throw archiveErrors.tamperedPayload();
  }
  opened.copy(plaintext, index * CHUNK_BYTES);
  opened.fill(0);
}

/** Bytes read from the front of a file for its header: a passphrase header is a few hundred. */
const HEAD_BYTES = 64 * 1024;

async function readAt(file: FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await file.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw archiveErrors.truncated();
    done += bytesRead;
  }
}

/**
 * `decryptWithPassphrase` reading the file as it goes, a megabyte of chunks at a time, so the
 * ciphertext is never in memory whole beside the plaintext (the backup's restore drill). The same
 * checks, in the same order, with the same refusals: an armored file, or one whose header does not
 * fit in the first 64 KiB, is read whole and opened by decryptWithPassphrase.
 */
export async function decryptFileWithPassphrase(file: FileHandle, passphrase: string, options: DecryptOptions = {}): Promise<Buffer> {
  const cipher = options.aead ?? aead;
  const { size } = await file.stat();
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  await readAt(file, head, 0);
  let header: ParsedHeader;
  try {
    if (isArmored(head)) throw archiveErrors.armored();
    header = parseHeader(head);
    if (header.payloadOffset + PAYLOAD_NONCE_BYTES > head.length && size > head.length) throw archiveErrors.damagedHeader();
  } catch (error) {
    if (head.length === size) throw error;
    return decryptWithPassphrase(await file.readFile(), passphrase, options);
  }
  const fileKey = await unwrapFileKey(header.stanzas, passphrase, options.maxLogN ?? MAX_SCRYPT_LOG_N, cipher);
  let key: Buffer | null = null;
  let plaintext: Buffer | null = null;
  let complete = false;
  try {
    const mac = hmacSha256(hkdfSha256(fileKey, Buffer.alloc(0), 'header'), header.macInput);
    if (!equalBytes(mac, header.mac)) throw archiveErrors.tamperedHeader();
    const payloadBytes = size - header.payloadOffset;
    if (payloadBytes < PAYLOAD_NONCE_BYTES + TAG_BYTES) throw archiveErrors.truncated();
    key = hkdfSha256(fileKey, head.subarray(header.payloadOffset, header.payloadOffset + PAYLOAD_NONCE_BYTES), 'payload');
    const start = header.payloadOffset + PAYLOAD_NONCE_BYTES;
    const sealedBytes = size - start;
    const chunks = chunkCount(sealedBytes);
    plaintext = Buffer.alloc(sealedBytes - chunks * TAG_BYTES);
    const batch = Buffer.alloc(Math.min(sealedBytes, CHUNKS_PER_STEP * SEALED_CHUNK_BYTES));
    for (let index = 0; index < chunks; index += CHUNKS_PER_STEP) {
      const from = index * SEALED_CHUNK_BYTES;
      const bytes = batch.subarray(0, Math.min(batch.length, sealedBytes - from));
      await readAt(file, bytes, start + from);
      for (let at = 0; at < bytes.length; at += SEALED_CHUNK_BYTES) {
        openChunk(key, index + at / SEALED_CHUNK_BYTES, chunks, bytes.subarray(at, Math.min(at + SEALED_CHUNK_BYTES, bytes.length)), cipher, plaintext);
      }
      const done = Math.min(index + CHUNKS_PER_STEP, chunks);
      options.onProgress?.(done, chunks);
      if (done < chunks) {
        const waiting = options.pause?.();
        if (waiting) await waiting;
      }
    }
    complete = true;
    return plaintext;
  } finally {
    fileKey.fill(0);
    key?.fill(0);
    // Stopped half way (a cancel, a damaged chunk): what was decrypted does not linger.
    if (!complete) plaintext?.fill(0);
  }
}
