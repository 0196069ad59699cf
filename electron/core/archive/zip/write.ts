import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { archiveErrors } from '../errors';
import { crc32 } from './crc32';
import type { Pause } from '../steps';
import { isSafeEntryPath } from './paths';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

export interface BuildZipOptions {
  /**
   * Deflate level. 1 (the default) deflates a practice's archive in ~2/3 of level 3's time and a fifth
   * of level 6's, for a zip ~2% larger (bench/archive.bench.ts: 509 / 781 / 2462 ms; 23.2 / 22.7 / 22.3 MiB).
   */
  level?: number;
  /** The time stamped on every entry (the archive's creation time), so the zip does not leak more. */
  mtime?: Date;
  /** Checked between entries: throw to stop (the export's cancel). */
  checkpoint?: () => void;
  /** Between entries, to let other work through (a background backup); may throw to stop. */
  pause?: Pause;
  /** Entries compressed ahead on the thread pool (default 3); a background backup uses fewer. */
  parallel?: number;
  /**
   * Let go of each entry once it is in the zip (its slot in `entries` is emptied), so a large
   * archive does not hold its whole uncompressed content until the zip is done. Only for a caller
   * that hands its array over and has no further use for it.
   */
  consumeEntries?: boolean;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * The most entries a zip holds without ZIP64, which fflate does not write: its end record counts
 * entries in 16 bits, so a 65,536th entry would leave a zip whose directory reads short (seen on the
 * 100,000-note benchmark vault: a 1 GB backup that failed its drill for want of its manifest). An
 * archive that could not be read back is refused before it is finished, never written. 0xffff itself
 * is the zip format's "see the ZIP64 record" marker, so the last count that means itself is one less.
 */
export const MAX_ZIP_ENTRIES = 0xfffe;

/** Entries compressed ahead of the one being added: enough to keep two cores busy. */
const PARALLEL = 3;
const DEFLATED = 8;

/**
 * Build a zip in memory: fflate writes the container (local headers, data descriptors, central
 * directory) and Node's zlib deflates each entry on the thread pool, a few at a time. That is
 * several times faster than deflating in JavaScript, and keeps the event loop free, so progress
 * events go out and a cancel request can arrive while a large vault is packed.
 */
export async function buildZip(entries: readonly ZipEntry[], options: BuildZipOptions = {}): Promise<Buffer> {
  return Buffer.concat(await buildZipChunks(entries, options));
}

/**
 * `buildZip`, as the pieces fflate wrote (headers, deflated data, central directory) in order,
 * without copying them into one buffer.
 */
export async function buildZipChunks(entries: readonly ZipEntry[], options: BuildZipOptions = {}): Promise<Uint8Array[]> {
  for (const entry of entries) if (!isSafeEntryPath(entry.path)) throw new Error(`unsafe zip entry name ${entry.path}`);
  const chunks: Uint8Array[] = [];
  const zip = new ZipStream((chunk) => chunks.push(chunk), options);
  const total = entries.reduce((sum, entry) => sum + entry.data.length, 0);
  let done = 0;
  for (const [index, entry] of entries.entries()) {
    await zip.add(entry);
    // Handed to the zip: a caller that gave its array away need not keep the entry alive.
    if (options.consumeEntries) (entries as Array<ZipEntry | undefined>)[index] = undefined;
    done += entry.data.length;
    options.onProgress?.(done, total);
    const waiting = options.pause?.();
    if (waiting) await waiting;
  }
  await zip.end();
  return chunks;
}

/**
 * A zip written as its entries arrive: each is deflated on the thread pool (a few ahead of the
 * one being written, `parallel`), and fflate's output (local header, deflated data, data
 * descriptor; at the end the central directory) goes to `sink` at once, in order. Nothing but the
 * central directory's small records stays behind, so a caller that seals and writes what the
 * sink gets (writeArchive) holds no more than the entries in flight.
 */
export class ZipStream {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private ended = false;
  private readonly level: number;
  private readonly mtime: Date;
  private readonly parallel: number;
  /** Entries being deflated, oldest first: written to the zip in the order they were added. */
  private readonly pending: Array<{ entry: ZipEntry; crc: number; deflated: Promise<Buffer> }> = [];
  private entries = 0;

  constructor(
    sink: (chunk: Uint8Array) => void,
    private readonly options: Pick<BuildZipOptions, 'level' | 'mtime' | 'parallel' | 'checkpoint'> = {},
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else sink(chunk);
      if (final) this.ended = true;
    });
    this.level = options.level ?? 1;
    this.mtime = options.mtime ?? new Date();
    this.parallel = Math.max(0, options.parallel ?? PARALLEL);
  }

  /** Start deflating `entry`; resolves once all but the last `parallel` entries are in the zip. */
  async add(entry: ZipEntry): Promise<void> {
    if (!isSafeEntryPath(entry.path)) throw new Error(`unsafe zip entry name ${entry.path}`);
    if (++this.entries > MAX_ZIP_ENTRIES) throw archiveErrors.tooManyToWrite(MAX_ZIP_ENTRIES);
    const deflated = deflateRawAsync(entry.data, { level: this.level });
    // Awaited in order (write()); if an earlier entry stops the zip, later failures are moot.
    deflated.catch(() => {});
    this.pending.push({ entry, crc: crc32(entry.data), deflated });
    while (this.pending.length > this.parallel) await this.writeOldest();
  }

  /** Write what is still being deflated, then the central directory. */
  async end(): Promise<void> {
    while (this.pending.length > 0) await this.writeOldest();
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.ended) throw new Error('the zip did not finish');
  }

  private async writeOldest(): Promise<void> {
    const { entry, crc, deflated } = this.pending[0]!;
    const data = await deflated;
    this.pending.shift();
    this.options.checkpoint?.();
    const file: ZipInputFile = { filename: entry.path, size: entry.data.length, crc, compression: DEFLATED, mtime: this.mtime };
    this.zip.add(file);
    // zlib's output is an ordinary (never shared) ArrayBuffer; fflate's types ask for exactly that.
    file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
    if (this.failure) throw this.failure;
  }
}
