import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import { tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, failure, openCore, seedVault } from '../archive/fixtures';
import type { AppEvent } from '@shared/ipc/events';
import { eventsOf, nextEvent } from './support';

const EXPORT = '3d4c5b6a-7980-4a1b-8c2d-3e4f5a6b7c8d';
const IMPORT = ['4e5d6c7b-8a91-4b2c-9d3e-4f5a6b7c8d9e', '5f6e7d8c-9ba2-4c3d-8e4f-5a6b7c8d9eaf'];

/** Archive import, which used to be one silent synchronous step: now progress, and a Cancel until it commits. */
describe('archive import with progress and cancel', () => {
  let dir: string;
  let cleanup: () => void;
  const cores: AppCore[] = [];
  let archive: Buffer;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-import-'));
    const source = await openCore(join(dir, 'source'));
    cores.push(source);
    seedVault(source);
    const ana = source.repos.coachees.list()[0]!;
    for (let i = 0; i < 1000; i++) {
      const session = source.repos.sessions.create({ coacheeId: ana.id, walkAwayWith: `Bulk ${i}` });
      source.repos.notes.save(session.id, '{"root":{}}', `bulk note ${i}`);
    }
    const destination = join(dir, 'vault');
    await archiveHandlers(source, destination).archiveExport({ scope: { kind: 'vault' }, purpose: 'backup', passphrase: ARCHIVE_PASSPHRASE, confirm: ARCHIVE_PASSPHRASE, operationId: EXPORT });
    archive = readFileSync(`${destination}.confidante.age`);
  });
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
    cleanup();
  });

  it('reports records written as "importing" progress, and a cancel before the commit leaves the vault untouched', async () => {
    const target = await openCore(join(dir, 'target'));
    cores.push(target);
    const events: AppEvent[] = [];
    target.onEvent((event) => events.push(event));
    const handlers = archiveHandlers(target, null);
    const before = dumpVault(target);

    const preview = await handlers.archivePreview({ base64: archive.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    const started = nextEvent(target, (event) => event.type === 'archive-progress' && event.operationId === IMPORT[0] && event.phase === 'importing');
    const importing = failure(() => handlers.archiveImport({ importToken: preview.importToken, resolutions: {}, operationId: IMPORT[0] }));
    await started;
    // Runs at the import's first pause: records are written, inside its still open transaction.
    expect(target.vault.db.inTransaction).toBe(true);
    expect(await handlers.archiveCancel({ operationId: IMPORT[0]! })).toEqual({ cancelled: true });
    expect(await importing).toMatchObject({ code: 'cancelled', message: 'The import was cancelled; nothing was imported.' });
    expect(dumpVault(target)).toEqual(before);

    // The preview still holds: the same import runs to the end, with progress up to every record.
    const done = await handlers.archiveImport({ importToken: preview.importToken, resolutions: {}, operationId: IMPORT[1] });
    expect(done.written.sessions).toBe(1003);
    const progress = eventsOf(events, 'archive-progress').filter((event) => event.operationId === IMPORT[1]);
    expect(progress.at(-1)).toMatchObject({ phase: 'importing' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(2000);
  });
});
