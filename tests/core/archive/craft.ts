import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { ArchivePurpose, ArchiveScope } from '@shared/domain/archive';
import { encryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { collectArchive } from '../../../electron/core/archive/collect';
import { packArchive } from '../../../electron/core/archive/pack';
import { crc32 } from '../../../electron/core/archive/zip/crc32';
import { buildZip, type ZipEntry } from '../../../electron/core/archive/zip/write';
import type { AppCore } from '../../../electron/core/app-core';
import { ARCHIVE_PASSPHRASE, TEST_LOG_N } from './fixtures';

/** The entries Confidante would write for this scope and purpose. */
export function entriesOf(core: AppCore, scope: ArchiveScope = { kind: 'vault' }, purpose: ArchivePurpose = 'backup'): ZipEntry[] {
  return packArchive(collectArchive(core.repos, scope, purpose, { appVersion: '0.1.0-test', createdAt: '2025-04-01T10:00:00.000Z' }));
}

export function entryText(entries: readonly ZipEntry[], path: string): string {
  return Buffer.from(entries.find((entry) => entry.path === path)!.data).toString('utf8');
}

/** Replace (or add) entries, then recompute the manifest's checksums so only the change itself is wrong. */
export function edited(entries: readonly ZipEntry[], changes: Record<string, string>, editManifest?: (manifest: Record<string, unknown>) => void): ZipEntry[] {
  const next = entries.filter((entry) => !Object.hasOwn(changes, entry.path)).concat(
    Object.entries(changes).map(([path, text]) => ({ path, data: Buffer.from(text, 'utf8') })),
  );
  const manifest = JSON.parse(entryText(next, 'manifest.json')) as Record<string, unknown>;
  manifest.files = Object.fromEntries(
    next.filter((e) => e.path !== 'manifest.json').map((e) => [e.path, { sha256: createHash('sha256').update(e.data).digest('hex'), bytes: e.data.length }]),
  );
  editManifest?.(manifest);
  return next.map((entry) => (entry.path === 'manifest.json' ? { path: entry.path, data: Buffer.from(JSON.stringify(manifest), 'utf8') } : entry));
}

export async function sealEntries(entries: readonly ZipEntry[], passphrase = ARCHIVE_PASSPHRASE): Promise<Buffer> {
  return encryptWithPassphrase(await buildZip(entries), passphrase, { logN: TEST_LOG_N });
}

export async function seal(bytes: Uint8Array, passphrase = ARCHIVE_PASSPHRASE): Promise<Buffer> {
  return encryptWithPassphrase(bytes, passphrase, { logN: TEST_LOG_N });
}

export interface RawEntry {
  name: string;
  /** Uncompressed content; deflated unless `stored`. */
  data: Buffer;
  stored?: boolean;
  /** Lie about the size in both headers (zip bombs do). */
  declaredSize?: number;
  /** `data` deflated already (big test inputs are deflated once). */
  deflated?: Buffer;
}

/**
 * A zip written by hand, so tests can make what no well-behaved tool would: names that escape,
 * sizes that lie. Local headers carry sizes (no data descriptors); no zip64.
 */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.stored ? entry.data : (entry.deflated ?? deflateRawSync(entry.data, { level: 9 }));
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
