import { writeFileAtomicAsync } from '../../vault/atomic-write';
import { armorAgeFile, beginEncryption } from '../age/age';
import type { ArchiveContent } from '../content';
import type { WriteArchiveOptions } from '../export';
import { packArchive } from '../pack';
import { buildZip } from '../zip/write';
import { coacheeCopyPage } from './page';

/** Plaintext sealed per slice, with a turn of the event loop (a cancel) between slices. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Write a coachee copy as one web page: the same zip a `.confidante.age` copy holds, encrypted
 * with the same age code (scrypt at age's default work factor, on the thread pool while the zip
 * is built), ASCII-armored, inside the decryptor page. The page goes to disk through the vault's
 * atomic writer (a fresh owner-only temp file, renamed into place), so a cancel or a failure
 * leaves nothing. Returns the page's size in bytes.
 */
export async function writeCoacheeCopyPage(
  content: ArchiveContent,
  passphrase: string,
  destination: string,
  options: Pick<WriteArchiveOptions, 'logN' | 'checkpoint' | 'onProgress'> = {},
): Promise<number> {
  if (content.purpose !== 'coachee-copy') throw new Error('only a coachee copy is written as a web page');
  const encryption = beginEncryption(passphrase, { ...(options.logN !== undefined ? { logN: options.logN } : {}) });
  encryption.prefix.catch(() => {});
  const entries = packArchive(content);
  options.checkpoint?.();
  const zip = await buildZip(entries, {
    mtime: new Date(content.createdAt),
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
    onProgress: (done, total) => options.onProgress?.('packing', done, total),
  });
  const sealed: Buffer[] = [];
  try {
    for (let at = 0; at < zip.length; at += SLICE_BYTES) {
      options.checkpoint?.();
      const end = Math.min(at + SLICE_BYTES, zip.length);
      sealed.push(...encryption.sealer.push(zip.subarray(at, end)));
      options.onProgress?.('encrypting', end, zip.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    sealed.push(encryption.sealer.finish());
  } finally {
    // Best effort: the plaintext zip does not linger in memory longer than it must.
    zip.fill(0);
  }
  const page = coacheeCopyPage(armorAgeFile(Buffer.concat([await encryption.prefix, ...sealed])));
  options.checkpoint?.();
  await writeFileAtomicAsync(destination, page);
  return Buffer.byteLength(page, 'utf8');
}
