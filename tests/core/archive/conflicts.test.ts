import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { ConflictChoice } from '@shared/domain/archive';
import type { AppCore } from '../../../electron/core/app-core';
import { snapshotDir, tempDir } from '../../support/temp-vault';
import { edited, entriesOf, entryText, sealEntries } from './craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, failure, openCore, seedVault, type Seeded } from './fixtures';

type Rows = Record<string, Array<Record<string, unknown>>>;

describe('importing into a vault that already holds the records', () => {
  let dir: string;
  let cleanup: () => void;
  let source: AppCore;
  let target: AppCore;
  let seeded: Seeded;
  let archive: Buffer;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-conflicts-'));
    source = await openCore(join(dir, 'source'));
    seeded = seedVault(source);
    archive = await sealEntries(entriesOf(source));
    // The target got the same backup earlier, and has moved on since.
    target = await openCore(join(dir, 'target'));
    const initial = archiveHandlers(target, null);
    const first = await initial.archivePreview({ base64: archive.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    await initial.archiveImport({ importToken: first.importToken, resolutions: {} });
    target.repos.coachees.update(seeded.anaId, { name: 'Ana Lima-Souza' });
    target.repos.sessions.update(seeded.sessionIds[0]!, { summary: 'Edited after the backup' });
    target.repos.observations.create({ sessionId: seeded.sessionIds[0]!, kind: 'observation', text: 'Written after the backup' });
  });
  afterEach(() => {
    source.close();
    target.close();
    cleanup();
  });

  async function preview(core: AppCore = target, bytes: Buffer = archive) {
    const handlers = archiveHandlers(core, null);
    return { handlers, preview: await handlers.archivePreview({ base64: bytes.toString('base64'), passphrase: ARCHIVE_PASSPHRASE }) };
  }

  const all = (ids: readonly { id: string }[], choice: ConflictChoice) => Object.fromEntries(ids.map(({ id }) => [id, choice]));

  it('the preview lists every record the vault already holds', async () => {
    const { preview: shown } = await preview();
    expect(shown.conflicts.map((c) => c.kind).sort()).toEqual(['coachee', 'coachee', 'custom-prompt', 'custom-prompt', 'session', 'session', 'session']);
    const ana = shown.conflicts.find((c) => c.id === seeded.anaId)!;
    expect(ana).toMatchObject({ kind: 'coachee', label: 'Ana Lima', coacheeId: null });
    expect(ana.vaultUpdatedAt > ana.archiveUpdatedAt).toBe(true);
    const session = shown.conflicts.find((c) => c.id === seeded.sessionIds[0])!;
    expect(session).toMatchObject({ kind: 'session', coacheeId: seeded.anaId, label: 'Ana Lima, 2025-02-03: Clarity on the new role' });
  });

  it('skip keeps the vault’s records untouched', async () => {
    const before = dumpVault(target);
    const { handlers, preview: shown } = await preview();
    const result = await handlers.archiveImport({ importToken: shown.importToken, resolutions: all(shown.conflicts, 'skip') });
    expect(result.skipped).toBe(7);
    expect(Object.values(result.written).every((n) => n === 0)).toBe(true);
    expect(dumpVault(target)).toEqual(before);
  });

  it('replace makes them what the archive holds', async () => {
    const { handlers, preview: shown } = await preview();
    const result = await handlers.archiveImport({ importToken: shown.importToken, resolutions: all(shown.conflicts, 'replace') });
    expect(result.replaced).toBe(7);
    expect(dumpVault(target)).toEqual(dumpVault(source));
  });

  it('keep both imports copies under new ids, with every reference remapped, and leaves the originals', async () => {
    const before = dumpVault(target) as Rows;
    const { handlers, preview: shown } = await preview();
    const result = await handlers.archiveImport({ importToken: shown.importToken, resolutions: all(shown.conflicts, 'keep-both') });
    expect(result).toMatchObject({ keptBoth: 7, written: { coachees: 2, sessions: 3, actions: 2, promptAnswers: 2, customPrompts: 2, observations: 3 } });
    const after = dumpVault(target) as Rows;
    // The originals are all still there, unchanged.
    for (const [table, rows] of Object.entries(before)) for (const row of rows) expect(after[table]).toContainEqual(row);

    const copies = (table: string) => after[table]!.filter((row) => !before[table]!.some((old) => JSON.stringify(old) === JSON.stringify(row)));
    const [anaCopy] = copies('coachees').filter((c) => c.name === 'Ana Lima');
    expect(anaCopy).toBeDefined();
    const anaSessions = copies('sessions').filter((s) => s.coachee_id === anaCopy!.id);
    expect(anaSessions.map((s) => s.walk_away_with).sort()).toEqual(['A plan for the Sam conversation', 'Clarity on the new role']);
    const copiedFirst = anaSessions.find((s) => s.walk_away_with === 'Clarity on the new role')!;
    const copiedSecond = anaSessions.find((s) => s.walk_away_with !== 'Clarity on the new role')!;
    const actions = copies('actions');
    expect(actions.every((a) => a.coachee_id === anaCopy!.id && a.session_id === copiedFirst.id)).toBe(true);
    expect(actions.find((a) => a.what === 'Call Sam')!.followed_up_in_session).toBe(copiedSecond.id);
    const promptCopy = copies('custom_prompts').find((p) => p.text === 'What are you avoiding?')!;
    expect(copies('prompt_answers').find((a) => a.answer === 'Saying no to the CEO')!.prompt_id).toBe(promptCopy.id);
    expect(copies('notes').map((n) => n.session_id).sort()).toEqual([copiedFirst.id, copiedSecond.id].sort());
    expect(copies('system_maps').map((m) => m.session_id)).toEqual([copiedFirst.id]);
    expect(copies('boundary_checks').map((b) => b.coachee_id)).toContain(anaCopy!.id);
  });

  it('mixed choices: skip the coachee but replace one session and copy another', async () => {
    const { handlers, preview: shown } = await preview();
    const resolutions = { ...all(shown.conflicts, 'skip'), [seeded.sessionIds[0]!]: 'replace' as const, [seeded.sessionIds[1]!]: 'keep-both' as const };
    await handlers.archiveImport({ importToken: shown.importToken, resolutions });
    expect(target.repos.coachees.get(seeded.anaId)!.name).toBe('Ana Lima-Souza');
    expect(target.repos.sessions.get(seeded.sessionIds[0]!)).toEqual(source.repos.sessions.get(seeded.sessionIds[0]!));
    expect(target.repos.observations.listBySession(seeded.sessionIds[0]!)).toEqual(source.repos.observations.listBySession(seeded.sessionIds[0]!));
    expect(target.repos.sessions.listByCoachee(seeded.anaId)).toHaveLength(3);
  });

  it('refuses without a choice for every conflict, or when the vault changed since the preview, writing nothing', async () => {
    const { handlers, preview: shown } = await preview();
    const before = snapshotDir(join(dir, 'target'));
    const partial = all(shown.conflicts.slice(1), 'replace');
    await expect(handlers.archiveImport({ importToken: shown.importToken, resolutions: partial })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Choose skip, replace or keep both for every conflict before importing.',
    });
    expect(snapshotDir(join(dir, 'target'))).toEqual(before);

    target.repos.customPrompts.delete(seeded.customPromptId);
    const rows = dumpVault(target);
    await expect(handlers.archiveImport({ importToken: shown.importToken, resolutions: all(shown.conflicts, 'replace') })).rejects.toMatchObject({
      code: 'conflict',
      message: 'The vault changed since the preview; preview the archive again before importing.',
    });
    expect(dumpVault(target)).toEqual(rows);
  });

  it('a failure half-way through rolls back everything', async () => {
    // The last action has a date of the right shape that does not exist: only the database can tell.
    const entries = entriesOf(source);
    const actions = JSON.parse(entryText(entries, 'data/actions.json')) as Array<Record<string, unknown>>;
    actions[actions.length - 1]!.dueDate = '2025-02-30';
    const broken = await sealEntries(edited(entries, { 'data/actions.json': JSON.stringify(actions) }));

    const fresh = await openCore(join(dir, 'fresh'));
    try {
      const before = dumpVault(fresh);
      const { handlers, preview: shown } = await preview(fresh, broken);
      expect(shown.conflicts).toEqual([]);
      const error = await failure(() => handlers.archiveImport({ importToken: shown.importToken, resolutions: {} }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('damaged');
      expect((error as AppError).message).toMatch(/^Nothing was imported: the vault refused a record in the archive \(CHECK constraint failed: .+\)\.$/);
      expect(dumpVault(fresh)).toEqual(before);
      expect(fresh.repos.coachees.list({ includeArchived: true })).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
