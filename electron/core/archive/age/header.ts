import { archiveErrors } from '../errors';
import { decodeBase64NoPad, encodeBase64NoPad } from './base64';

/**
 * The textual age v1 header (c2sp.org/age): a version line, recipient stanzas, and a MAC line.
 * Parsing is strict (canonical base64, exact line lengths), so a header has one valid byte form.
 */
export const AGE_VERSION_LINE = 'age-encryption.org/v1';
const AGE_VERSION_PREFIX = 'age-encryption.org/';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const MAC_PREFIX = '---';
const COLUMNS = 64;
const BODY_BYTES_PER_LINE = 48;
/** A passphrase header is ~130 bytes; anything this long is not one we would open. */
const MAX_HEADER_BYTES = 16 * 1024;

export interface Stanza {
  args: string[];
  body: Buffer;
}

export interface ParsedHeader {
  stanzas: Stanza[];
  /** The header up to and including `---`: what the MAC covers. */
  macInput: Buffer;
  mac: Buffer;
  /** Where the payload (nonce, then STREAM chunks) starts. */
  payloadOffset: number;
}

/** The header without its MAC, ending in `---`: the bytes the MAC is computed over. */
export function encodeHeaderWithoutMac(stanzas: readonly Stanza[]): Buffer {
  const lines = [AGE_VERSION_LINE];
  for (const stanza of stanzas) {
    lines.push(`-> ${stanza.args.join(' ')}`);
    const encoded = encodeBase64NoPad(stanza.body);
    for (let at = 0; at < encoded.length; at += COLUMNS) lines.push(encoded.slice(at, at + COLUMNS));
    // The body ends with a line shorter than 64 columns, empty if need be.
    if (stanza.body.length % BODY_BYTES_PER_LINE === 0) lines.push('');
  }
  lines.push(MAC_PREFIX);
  return Buffer.from(lines.join('\n'), 'latin1');
}

export function encodeHeader(stanzas: readonly Stanza[], mac: Uint8Array): Buffer {
  return Buffer.concat([encodeHeaderWithoutMac(stanzas), Buffer.from(` ${encodeBase64NoPad(mac)}\n`, 'latin1')]);
}

/** Reads LF-terminated lines of printable ASCII from the start of a file. */
class LineReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  next(): string {
    const end = this.bytes.indexOf(0x0a, this.offset);
    if (end < 0 || end > MAX_HEADER_BYTES) throw archiveErrors.damagedHeader();
    for (let i = this.offset; i < end; i++) {
      const byte = this.bytes[i]!;
      if (byte < 0x20 || byte > 0x7e) throw archiveErrors.damagedHeader();
    }
    const line = Buffer.from(this.bytes.subarray(this.offset, end)).toString('latin1');
    this.offset = end + 1;
    return line;
  }
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return bytes.length >= text.length && Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text;
}

export function parseHeader(file: Uint8Array): ParsedHeader {
  if (!startsWith(file, AGE_VERSION_PREFIX)) {
    throw startsWith(file, ARMOR_BEGIN) ? archiveErrors.armored() : archiveErrors.notAnArchive();
  }
  if (!startsWith(file, `${AGE_VERSION_LINE}\n`)) throw archiveErrors.newerAge();
  const reader = new LineReader(file);
  reader.next();

  const stanzas: Stanza[] = [];
  for (;;) {
    const lineStart = reader.offset;
    const line = reader.next();
    if (line.startsWith('-> ')) {
      const args = line.slice(3).split(' ');
      if (args.some((arg) => arg.length === 0)) throw archiveErrors.damagedHeader();
      stanzas.push({ args, body: readBody(reader) });
      continue;
    }
    if (line.startsWith(`${MAC_PREFIX} `) && stanzas.length > 0) {
      const mac = decodeBase64NoPad(line.slice(MAC_PREFIX.length + 1));
      if (!mac || mac.length !== 32) throw archiveErrors.damagedHeader();
      const macInput = Buffer.from(file.subarray(0, lineStart + MAC_PREFIX.length));
      return { stanzas, macInput, mac, payloadOffset: reader.offset };
    }
    throw archiveErrors.damagedHeader();
  }
}

function readBody(reader: LineReader): Buffer {
  let encoded = '';
  for (;;) {
    const line = reader.next();
    if (line.length > COLUMNS) throw archiveErrors.damagedHeader();
    encoded += line;
    if (line.length < COLUMNS) break;
  }
  const body = decodeBase64NoPad(encoded);
  if (!body) throw archiveErrors.damagedHeader();
  return body;
}
