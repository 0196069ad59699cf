import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveScope } from '@shared/domain/archive';
import { decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { readZip } from '../../../electron/core/archive/zip/read';
import type { AppCore } from '../../../electron/core/app-core';
import { tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, SENTINELS, archiveHandlers, openCore, seedVault, type Seeded } from './fixtures';

/** Boundary answers are booleans: what must not appear is their record (field names) at all. */
const PRIVATE_MARKERS = [SENTINELS.observation, SENTINELS.disclosure, 'managesPerformanceOrPay', 'conflictOfInterest', 'confidentialityAgreed'];

describe('coachee copy', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  let seeded: Seeded;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-copy-'));
    core = await openCore(join(dir, 'vault'));
    seeded = seedVault(core);
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  async function entries(scope: ArchiveScope, purpose: 'backup' | 'coachee-copy', name: string): Promise<Map<string, Buffer>> {
    const result = await archiveHandlers(core, join(dir, name)).archiveExport({
      scope,
      purpose,
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: '0b7e2f3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b',
    });
    return readZip(await decryptWithPassphrase(readFileSync(result.path!), ARCHIVE_PASSPHRASE));
  }

  const leaks = (files: Map<string, Buffer>) =>
    [...files].flatMap(([name, bytes]) => PRIVATE_MARKERS.filter((marker) => bytes.includes(Buffer.from(marker, 'utf8'))).map((marker) => `${name}: ${marker}`));

  it('a backup does hold the private side (so the search below can find it)', async () => {
    const files = await entries({ kind: 'vault' }, 'backup', 'backup');
    expect(leaks(files).length).toBeGreaterThan(0);
  });

  it.each([
    ['the whole vault', { kind: 'vault' } as ArchiveScope],
    ['one coachee', null],
    ['one session', 'session'],
  ])('holds no observation, self-disclosure or boundary answer in any entry: %s', async (_label, which) => {
    const scope: ArchiveScope =
      which === null ? { kind: 'coachee', id: seeded.anaId } : which === 'session' ? { kind: 'session', id: seeded.sessionIds[0]! } : (which as ArchiveScope);
    const files = await entries(scope, 'coachee-copy', `copy-${scope.kind}`);
    expect(leaks(files)).toEqual([]);
    expect([...files.keys()].filter((name) => /observations|boundary-checks/.test(name))).toEqual([]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { purpose: string; excluded: string[]; contents: Record<string, number> };
    expect(manifest).toMatchObject({ purpose: 'coachee-copy', excluded: ['observations', 'boundaryChecks'] });
    expect(manifest.contents).toMatchObject({ observations: 0, boundaryChecks: 0 });
    expect(files.get('README.txt')!.toString()).toContain('leaves out, on purpose');
    // Still the coachee's own material.
    expect(files.get('data/prompt-answers.json')!.toString()).toContain('Saying no to the CEO');
  });

  it('imports as a copy without a private side, and replacing from it keeps the vault’s observations', async () => {
    const files = await entries({ kind: 'coachee', id: seeded.anaId }, 'coachee-copy', 'copy-replace');
    expect(files.size).toBeGreaterThan(0);
    const archive = readFileSync(join(dir, 'copy-replace.confidante.age'));
    const handlers = archiveHandlers(core, null);
    const preview = await handlers.archivePreview({ base64: archive.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    expect(preview.purpose).toBe('coachee-copy');
    const observationsBefore = core.repos.observations.listBySession(seeded.sessionIds[0]!);
    const resolutions = Object.fromEntries(preview.conflicts.map((c) => [c.id, 'replace' as const]));
    await handlers.archiveImport({ importToken: preview.importToken, resolutions });
    expect(core.repos.observations.listBySession(seeded.sessionIds[0]!)).toEqual(observationsBefore);
    expect(core.repos.boundaryChecks.get(seeded.anaId)).not.toBeNull();
  });
});
