import { describe, expect, it } from 'vitest';
import { archiveErrors } from '../../../electron/core/archive/errors';
import { backupProblemOf, isRefusedByArchive } from '../../../electron/core/backup/errors';
import { MAX_ZIP_ENTRIES, buildZipChunks, type ZipEntry } from '../../../electron/core/archive/zip/write';
import { readZip } from '../../../electron/core/archive/zip/read';

/**
 * A zip without ZIP64 counts its entries in 16 bits. An archive with more entries than that would
 * be written and then fail to read back (the 100,000-note benchmark vault's backup did): it is
 * refused while it is being written, with a sentence the coach can read, and a backup is not
 * retried for it.
 */
const entries = (count: number): ZipEntry[] => Array.from({ length: count }, (_, i) => ({ path: `r/${i}.txt`, data: new Uint8Array([i & 0xff]) }));
const LIMITS = { maxEntries: 1_000_000, maxEntryBytes: 1024, maxTotalBytes: 1024 * 1024 * 1024 };

describe('the zip entry limit', () => {
  it('the largest archive allowed is written and reads back whole', async () => {
    const zip = Buffer.concat(await buildZipChunks(entries(MAX_ZIP_ENTRIES), { parallel: 64 }));
    const files = readZip(zip, LIMITS);
    expect(files.size).toBe(MAX_ZIP_ENTRIES);
    expect([...(files.get(`r/${MAX_ZIP_ENTRIES - 1}.txt`) ?? [])]).toEqual([(MAX_ZIP_ENTRIES - 1) & 0xff]);
  }, 120_000);

  it('one more entry is refused before the archive is finished, in words', async () => {
    const refused = buildZipChunks(entries(MAX_ZIP_ENTRIES + 1), { parallel: 64 });
    await expect(refused).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'This vault holds more records than one archive file can carry (over 65,534 files), so no archive was written.',
    });
  }, 120_000);

  it('a backup refused for it says so plainly and is not retried; a write fault still is', () => {
    const refused = archiveErrors.tooManyToWrite(MAX_ZIP_ENTRIES);
    expect(isRefusedByArchive(refused)).toBe(true);
    expect(backupProblemOf(refused, '/media/usb', 15 * 60_000).message).toBe(
      'This vault holds more records than one archive file can carry (over 65,534 files), so no archive was written. Your earlier backups are kept; meanwhile, export each coachee as an archive from their page.',
    );
    // Control: an I/O failure is a write fault, said as one and tried again.
    const io = Object.assign(new Error('input/output error'), { code: 'EIO' });
    expect(isRefusedByArchive(io)).toBe(false);
    expect(backupProblemOf(io, '/media/usb', 15 * 60_000).message).toMatch(/could not be written to \/media\/usb \(EIO\).*tries again in 15 minutes/);
  });
});
