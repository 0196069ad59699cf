import { Zip, ZipDeflate, type DeflateOptions } from 'fflate';
import { isSafeEntryPath } from './paths';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

export interface BuildZipOptions {
  /** Deflate level; 6 (zlib's default) is a good trade for JSON and text. */
  level?: DeflateOptions['level'];
  /** The time stamped on every entry (the archive's creation time), so the zip does not leak more. */
  mtime?: Date;
  /** Checked between slices: throw to stop (the export's cancel). */
  checkpoint?: () => void;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/** Input is deflated in slices this big, with a turn of the event loop between them. */
const SLICE_BYTES = 1024 * 1024;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Build a zip in memory with fflate, giving the event loop a turn between slices so progress
 * events go out and a cancel request can arrive while a large vault is packed.
 */
export async function buildZip(entries: readonly ZipEntry[], options: BuildZipOptions = {}): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  const total = entries.reduce((sum, entry) => sum + entry.data.length, 0);
  let done = 0;
  for (const entry of entries) {
    if (!isSafeEntryPath(entry.path)) throw new Error(`unsafe zip entry name ${entry.path}`);
    const file = new ZipDeflate(entry.path, { level: options.level ?? 6 });
    file.mtime = options.mtime ?? new Date();
    zip.add(file);
    if (entry.data.length === 0) file.push(entry.data, true);
    for (let at = 0; at < entry.data.length; at += SLICE_BYTES) {
      const end = Math.min(at + SLICE_BYTES, entry.data.length);
      file.push(entry.data.subarray(at, end), end === entry.data.length);
      done += end - at;
      options.onProgress?.(done, total);
      options.checkpoint?.();
      await nextTurn();
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  if (!ended) throw new Error('the zip did not finish');
  return Buffer.concat(chunks);
}
