import { inflateRawSync } from 'node:zlib';
import { archiveErrors } from '../errors';
import { crc32 } from './crc32';
import { runSteps, type Steps } from '../steps';
import { isSafeEntryPath } from './paths';

/**
 * Limits on what an archive may unpack to. Declared sizes in a zip are the attacker's to choose,
 * so these are enforced on the bytes actually produced while inflating.
 */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

const MiB = 1024 * 1024;

/** Far beyond a coaching practice's vault (a 50 MB map is the largest single thing it allows). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxEntryBytes: 128 * MiB, maxTotalBytes: 512 * MiB };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535: look back no further than that.
  const stop = Math.max(0, zip.length - EOCD_BYTES - 0xffff);
  for (let at = zip.length - EOCD_BYTES; at >= stop; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_BYTES + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw archiveErrors.notAZip();
}

/** Entries of the central directory read, or checked, between two steps. */
const ENTRIES_PER_STEP = 2000;

function* readCentralDirectory(zip: Buffer, limits: ZipLimits): Steps<{ entries: CentralEntry[]; centralOffset: number }> {
  const eocd = findEndOfCentralDirectory(zip);
  const disk = zip.readUInt16LE(eocd + 4);
  const centralDisk = zip.readUInt16LE(eocd + 6);
  const onDisk = zip.readUInt16LE(eocd + 8);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  // Split archives and zip64 are never written by Confidante (archives stay far below 4 GiB).
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count || count === 0xffff || offset === 0xffffffff) throw archiveErrors.notAZip();
  if (count > limits.maxEntries) throw archiveErrors.tooManyEntries(limits.maxEntries);
  if (offset + size > eocd) throw archiveErrors.notAZip();

  const entries: CentralEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_BYTES > offset + size || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw archiveErrors.notAZip();
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const end = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (end > offset + size) throw archiveErrors.notAZip();
    let name: string;
    try {
      name = utf8.decode(zip.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength));
    } catch {
      throw archiveErrors.notAZip();
    }
    entries.push({
      name,
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at = end;
    if (index % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  return { entries, centralOffset: offset };
}

/** Where an entry's data lies, checked against its local header. */
function dataRange(zip: Buffer, entry: CentralEntry, centralOffset: number): [number, number] {
  const local = entry.localOffset;
  if (local + LOCAL_BYTES > centralOffset || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw archiveErrors.damagedEntry(entry.name);
  const nameLength = zip.readUInt16LE(local + 26);
  const extraLength = zip.readUInt16LE(local + 28);
  const localName = zip.subarray(local + LOCAL_BYTES, local + LOCAL_BYTES + nameLength);
  // Two names for one entry is how some tools are tricked into writing somewhere else.
  if (!localName.equals(Buffer.from(entry.name, 'utf8'))) throw archiveErrors.damagedEntry(entry.name);
  const start = local + LOCAL_BYTES + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > centralOffset) throw archiveErrors.damagedEntry(entry.name);
  return [local, end];
}

function inflate(entry: CentralEntry, data: Buffer, allowed: number, limits: ZipLimits): Buffer {
  if (entry.method === STORED) {
    if (data.length > allowed) throw tooBig(entry, allowed, limits);
    // A copy: the caller wipes the decrypted zip once it is read, and the entries must survive that.
    return Buffer.from(data);
  }
  try {
    // maxOutputLength stops inflating as soon as the output passes the limit.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, allowed) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(entry, allowed, limits);
    throw archiveErrors.damagedEntry(entry.name);
  }
}

function tooBig(entry: CentralEntry, allowed: number, limits: ZipLimits) {
  return allowed >= limits.maxEntryBytes
    ? archiveErrors.entryTooLarge(entry.name, Math.round(limits.maxEntryBytes / MiB))
    : archiveErrors.expandsTooMuch(Math.round(limits.maxTotalBytes / MiB));
}

/**
 * Unpack a zip held in memory into a map of file name → bytes, refusing names that escape the
 * archive, encrypted or exotic entries, overlapping entries, and anything past the limits.
 * Folder entries are skipped. Nothing touches the disk.
 */
export function readZip(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Buffer> {
  return runSteps(readZipSteps(zip, limits));
}

/** `readZip`, one entry at a time (a background backup's check inflates between keystrokes). */
export function* readZipSteps(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Steps<Map<string, Buffer>> {
  const index = yield* indexZipSteps(zip, limits);
  const files = new Map<string, Buffer>();
  for (const name of index.keys()) {
    files.set(name, index.get(name)!);
    yield;
  }
  return files;
}

/**
 * `readZipSteps` without unpacking: the same checks of the central directory, the names, the local
 * headers and the layout up front, then a map whose entries are inflated (and checked against
 * their CRC, size and the limits) each time one is asked for, and not kept. Reading a whole-vault
 * backup's check (backup/drill.ts) through it holds the zip and one entry at a time, not every
 * file of the vault unpacked at once; an entry read twice is inflated twice.
 */
export function* indexZipSteps(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Steps<ZipIndex> {
  if (zip.length < EOCD_BYTES) throw archiveErrors.notAZip();
  const { entries, centralOffset } = yield* readCentralDirectory(zip, limits);
  for (const entry of entries) if (!isSafeEntryPath(entry.name)) throw archiveErrors.unsafePath(entry.name);
  yield;
  const names = new Set<string>();
  const ranges: Array<[number, number]> = [];
  for (const entry of entries) {
    if (names.has(entry.name)) throw archiveErrors.damagedEntry(entry.name);
    names.add(entry.name);
    // Bit 0: encrypted with zip's own (weak) scheme; the archive is already encrypted as a whole.
    if (entry.flags & 0x1 || (entry.method !== STORED && entry.method !== DEFLATED)) throw archiveErrors.damagedEntry(entry.name);
    ranges.push(dataRange(zip, entry, centralOffset));
    if (ranges.length % ENTRIES_PER_STEP === 0) yield;
  }
  // Entries sharing bytes are the trick behind non-recursive zip bombs; a real zip never does it.
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) throw archiveErrors.notAZip();
  const files = new Map<string, { entry: CentralEntry; end: number }>();
  for (const [index, entry] of entries.entries()) {
    if (entry.name.endsWith('/')) {
      if (entry.size !== 0 || entry.compressedSize > 2) throw archiveErrors.damagedEntry(entry.name);
      continue;
    }
    files.set(entry.name, { entry, end: ranges[index]![1] });
  }
  return new ZipIndex(zip, files, limits);
}

/** The files of a zip in memory by name, each inflated when asked for (indexZipSteps). */
export class ZipIndex implements ReadonlyMap<string, Buffer> {
  /** Bytes the entries read so far unpack to, each entry counted once: the limit on the whole. */
  private total = 0;
  private readonly counted = new Set<string>();

  constructor(
    private readonly zip: Buffer,
    private readonly files: ReadonlyMap<string, { entry: CentralEntry; end: number }>,
    private readonly limits: ZipLimits,
  ) {}

  get size(): number {
    return this.files.size;
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  get(name: string): Buffer | undefined {
    const file = this.files.get(name);
    if (!file) return undefined;
    const { entry, end } = file;
    const seen = this.counted.has(name);
    const allowed = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.total + (seen ? entry.size : 0));
    const content = inflate(entry, this.zip.subarray(end - entry.compressedSize, end), allowed, this.limits);
    if (content.length !== entry.size || crc32(content) !== entry.crc) throw archiveErrors.damagedEntry(entry.name);
    if (!seen) {
      this.counted.add(name);
      this.total += content.length;
    }
    return content;
  }

  keys(): MapIterator<string> {
    return this.files.keys();
  }

  *values(): MapIterator<Buffer> {
    for (const name of this.files.keys()) yield this.get(name)!;
  }

  *entries(): MapIterator<[string, Buffer]> {
    for (const name of this.files.keys()) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): MapIterator<[string, Buffer]> {
    return this.entries();
  }

  forEach(callback: (value: Buffer, key: string, map: ReadonlyMap<string, Buffer>) => void, thisArg?: unknown): void {
    for (const [name, bytes] of this.entries()) callback.call(thisArg, bytes, name, this);
  }
}
