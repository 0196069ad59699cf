import type { ArchiveProgressPhase } from '@shared/domain/archive';
import type { FileHandle } from 'node:fs/promises';
import { writeFileAtomicWith, type AtomicWriteOptions } from '../vault/atomic-write';
import { beginEncryption, type PendingEncryption } from './age/age';
import type { ArchiveContent } from './content';
import { packArchiveStream, type PackOptions } from './pack';
import type { Pause } from './steps';
import { ZipStream, type ZipEntry } from './zip/write';

export interface WriteArchiveOptions {
  /** scrypt work factor; tests lower it, production keeps age's default. */
  logN?: number;
  /** Throws to stop (cancel); called between slices of work. */
  checkpoint?: () => void;
  /**
   * For work in the background (backups): called between small units of packing, zipping and
   * encrypting, so the event loop gets through; it may throw to stop. Exports run without it.
   */
  pause?: Pause;
  /** Plaintext encrypted per slice (default 4 MiB); a background backup uses smaller slices. */
  sliceBytes?: number;
  /** Zip entries compressed ahead on the thread pool (default 3). */
  zipParallel?: number;
  /** Renders notes (see PackOptions): a background backup keeps the renders of notes that did not change. */
  renderNote?: PackOptions['renderNote'];
  onProgress?: (phase: ArchiveProgressPhase, done: number, total: number) => void;
}

/** Plaintext is sealed in slices this big; each written before the next, with a turn of the event loop between. */
const ENCRYPT_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Encrypt `plaintext` into `destination` atomically, through the vault's atomic writer: the
 * ciphertext goes to a fresh owner-only temp file beside it (created exclusively, so nothing
 * planted there can redirect it), is fsynced, and only then renamed over the destination, so the
 * coach never finds a half-written archive under the real name, and a failure or a cancel leaves
 * nothing behind. Only ciphertext ever reaches the disk. The payload is written while scrypt still
 * runs; its header is written in front of it at the end.
 */
export async function writeEncrypted(
  plaintext: Uint8Array | Uint8Array[],
  destination: string,
  encryption: PendingEncryption,
  options: Pick<WriteArchiveOptions, 'checkpoint' | 'onProgress' | 'pause' | 'sliceBytes'> & Pick<AtomicWriteOptions, 'randomSuffix'> = {},
): Promise<number> {
  return writeFileAtomicWith(
    destination,
    async (file) => {
      let position = encryption.prefixLength;
      const write = async (chunks: readonly Uint8Array[]) => {
        if (chunks.length === 0) return;
        const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        await file.write(buffer, 0, buffer.length, position);
        position += buffer.length;
      };
      const slice = options.sliceBytes ?? ENCRYPT_SLICE_BYTES;
      // One buffer, or the zip's pieces in order (sealed as one stream: the same bytes either way).
      const parts = Array.isArray(plaintext) ? plaintext : [plaintext];
      const total = parts.reduce((sum, part) => sum + part.length, 0);
      let sealed = 0;
      for (const part of parts) {
        for (let at = 0; at < part.length; at += slice) {
          options.checkpoint?.();
          const end = Math.min(at + slice, part.length);
          await write(encryption.sealer.push(part.subarray(at, end)));
          sealed += end - at;
          options.onProgress?.('encrypting', sealed, total);
          const waiting = options.pause?.();
          if (waiting) await waiting;
        }
      }
      options.checkpoint?.();
      await write([encryption.sealer.finish()]);
      const prefix = await encryption.prefix;
      options.checkpoint?.();
      await file.write(prefix, 0, prefix.length, 0);
      return position;
    },
    options.randomSuffix ? { randomSuffix: options.randomSuffix } : {},
  );
}

/**
 * Pack, zip, encrypt and write an archive's content to `destination`, one entry at a time: each
 * entry is laid out (a session's notes rendered), deflated, its bytes sealed in age STREAM chunks
 * and written to the temp file as they come, then let go, so memory holds the content and a few
 * entries, never the whole zip. The manifest, which needs every other entry's hash, goes last
 * (readers find it through the central directory). scrypt (the slow part of encryption) runs on
 * the thread pool meanwhile; the header is written in front of the payload at the end, and the
 * atomic writer renames the file only once it is complete and fsynced.
 */
export async function writeArchive(content: ArchiveContent, passphrase: string, destination: string, options: WriteArchiveOptions = {}): Promise<number> {
  // scrypt starts now, on the thread pool, and runs while the zip is built and encrypted.
  const encryption = beginEncryption(passphrase, { ...(options.logN !== undefined ? { logN: options.logN } : {}) });
  // If packing fails first, the key derivation's outcome no longer matters; never leave it unhandled.
  encryption.prefix.catch(() => {});
  return writeFileAtomicWith(destination, async (file) => {
    const out = new SealedWriter(file, encryption, options.sliceBytes ?? ENCRYPT_SLICE_BYTES);
    const zip = new ZipStream((chunk) => out.push(chunk), {
      mtime: new Date(content.createdAt),
      ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
      ...(options.zipParallel !== undefined ? { parallel: options.zipParallel } : {}),
    });
    const sessions = content.sessions.length;
    const laidOut: ZipEntry[] = [];
    const steps = packArchiveStream(content, (entry) => laidOut.push(entry), options.renderNote ? { renderNote: options.renderNote } : {});
    // Steps: the README and index, then one per session, then the data files and the manifest.
    let step = 0;
    try {
      for (;;) {
        const next = steps.next();
        // This step's entries into the zip (and so sealed and written) before the next is laid out.
        for (const entry of laidOut.splice(0)) {
          await zip.add(entry);
          await out.flush();
        }
        if (next.done) break;
        options.checkpoint?.();
        // The sessions are most of the work (each laid out, zipped, sealed and written in turn):
        // "packing" until they are all out; the data files, the manifest and the file's end are "encrypting".
        if (step <= sessions) options.onProgress?.('packing', step, sessions);
        else options.onProgress?.('encrypting', 0, 1);
        step += 1;
        const waiting = options.pause?.();
        if (waiting) await waiting;
      }
    } catch (error) {
      // Stopped between steps (a cancel, a lock, a fault): let the generator's own finally blocks run.
      steps.return();
      throw error;
    }
    await zip.end();
    options.checkpoint?.();
    const bytes = await out.finish();
    options.onProgress?.('encrypting', 1, 1);
    return bytes;
  });
}

/**
 * The payload of an age file, written as it is sealed: plaintext of any size goes in (`push`,
 * synchronous, as fflate hands over its output), is sealed in 64 KiB STREAM chunks, and the
 * ciphertext goes to the file (`flush`) once a slice of it has gathered. The header, which waits
 * for scrypt, goes in front at the end.
 */
class SealedWriter {
  private position: number;
  private sealed: Buffer[] = [];
  private sealedBytes = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly encryption: PendingEncryption,
    private readonly sliceBytes: number,
  ) {
    this.position = encryption.prefixLength;
  }

  push(plaintext: Uint8Array): void {
    for (const chunk of this.encryption.sealer.push(plaintext)) {
      this.sealed.push(chunk);
      this.sealedBytes += chunk.length;
    }
  }

  /** Write the sealed chunks, once they make a slice (`all`: whatever there is). */
  async flush(all = false): Promise<void> {
    if (this.sealedBytes === 0 || (!all && this.sealedBytes < this.sliceBytes)) return;
    const buffer = this.sealed.length === 1 ? this.sealed[0]! : Buffer.concat(this.sealed);
    this.sealed = [];
    this.sealedBytes = 0;
    await this.file.write(buffer, 0, buffer.length, this.position);
    this.position += buffer.length;
  }

  /** The final chunk, then the header in front; the file's length. */
  async finish(): Promise<number> {
    const last = this.encryption.sealer.finish();
    this.sealed.push(last);
    this.sealedBytes += last.length;
    await this.flush(true);
    const prefix = await this.encryption.prefix;
    await this.file.write(prefix, 0, prefix.length, 0);
    return this.position;
  }
}
