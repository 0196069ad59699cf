import type { ArchiveProgressPhase } from '@shared/domain/archive';
import { writeFileAtomicWith, type AtomicWriteOptions } from '../vault/atomic-write';
import { beginEncryption, type PendingEncryption } from './age/age';
import type { ArchiveContent } from './content';
import { packArchive, packArchiveSteps, type PackOptions } from './pack';
import { runStepsPaced, type Pause } from './steps';
import { buildZipChunks } from './zip/write';

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
  /** Paced packing only: sessions laid out so far (rendering notes is the long part of a large vault). */
  onPacked?: (sessions: number, total: number) => void;
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
 * Pack, zip and encrypt an archive's content to `destination`. The zip exists only in memory, as
 * the pieces it was written in (never copied into one buffer), and each entry's uncompressed bytes
 * are let go once it is compressed; scrypt (the slow part of encryption) runs on the thread pool
 * while the zip is built.
 */
export async function writeArchive(content: ArchiveContent, passphrase: string, destination: string, options: WriteArchiveOptions = {}): Promise<number> {
  // scrypt starts now, on the thread pool, and runs while the zip is built and encrypted.
  const encryption = beginEncryption(passphrase, { ...(options.logN !== undefined ? { logN: options.logN } : {}) });
  // If packing fails first, the key derivation's outcome no longer matters; never leave it unhandled.
  encryption.prefix.catch(() => {});
  let packed = 0;
  const entries = options.pause
    ? await runStepsPaced(packArchiveSteps(content, options.renderNote ? { renderNote: options.renderNote } : {}), () => {
        packed += 1;
        options.onPacked?.(Math.min(packed, content.sessions.length), content.sessions.length);
        return options.pause!();
      })
    : packArchive(content);
  options.checkpoint?.();
  const zip = await buildZipChunks(entries, {
    mtime: new Date(content.createdAt),
    consumeEntries: true,
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
    ...(options.zipParallel !== undefined ? { parallel: options.zipParallel } : {}),
    onProgress: (done, total) => options.onProgress?.('packing', done, total),
  });
  try {
    return await writeEncrypted(zip, destination, encryption, options);
  } finally {
    // Best effort: the plaintext zip does not linger in memory longer than it must.
    for (const piece of zip) piece.fill(0);
  }
}
