import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '@shared/ipc/events';
import { decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { readZip } from '../../../electron/core/archive/zip/read';
import { buildZip } from '../../../electron/core/archive/zip/write';
import { seal } from './craft';
import type { AppCore } from '../../../electron/core/app-core';
import { tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, MAP_PICTURE, archiveHandlers, dumpVault, openCore, seedVault, type Seeded } from './fixtures';

const OPERATION = '6f1c3a2e-8b4d-4e5f-9a7b-1c2d3e4f5a6b';

describe('archive round trip', () => {
  let dir: string;
  let cleanup: () => void;
  let source: AppCore;
  let seeded: Seeded;
  const cores: AppCore[] = [];

  const freshCore = async (name: string) => {
    const core = await openCore(join(dir, name));
    cores.push(core);
    return core;
  };

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-archive-'));
    source = await freshCore('source');
    seeded = seedVault(source);
  });
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
    cleanup();
  });

  async function exportTo(core: AppCore, scope: Parameters<ReturnType<typeof archiveHandlers>['archiveExport']>[0]['scope'], name: string) {
    const destination = join(dir, name);
    const result = await archiveHandlers(core, destination).archiveExport({
      scope,
      purpose: 'backup',
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: OPERATION,
    });
    expect(result).toEqual({ saved: true, path: `${destination}.confidante.age`, bytes: readFileSync(`${destination}.confidante.age`).length, mapsWithoutPicture: 0 });
    return readFileSync(result.path!);
  }

  async function importInto(core: AppCore, archive: Buffer) {
    const handlers = archiveHandlers(core, null);
    const preview = await handlers.archivePreview({ base64: archive.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    expect(preview.conflicts).toEqual([]);
    return { preview, result: await handlers.archiveImport({ importToken: preview.importToken, resolutions: {} }) };
  }

  it('vault backup → fresh vault: every record, note, map and answer equal, and the search index follows', async () => {
    const events: AppEvent[] = [];
    source.onEvent((event) => events.push(event));
    const archive = await exportTo(source, { kind: 'vault' }, 'backup');

    const phases = events.flatMap((event) => (event.type === 'archive-progress' && event.operationId === OPERATION ? [event.phase] : []));
    expect(new Set(phases)).toEqual(new Set(['reading', 'packing', 'encrypting', 'done']));
    expect(phases.at(-1)).toBe('done');
    // Only the finished archive is left beside the destination: no partial file, nothing readable.
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual(['backup.confidante.age']);

    const target = await freshCore('target');
    const { preview, result } = await importInto(target, archive);
    expect(preview.scope).toEqual({ kind: 'vault', label: 'Whole vault' });
    expect(preview.purpose).toBe('backup');
    expect(preview.coachees.map((c) => [c.name, c.sessions.length])).toEqual([['Ana Lima', 2], ['Benoît Dubois', 1]]);
    expect(preview.firstSessionAt).toBe('2025-02-03T09:00:00.000Z');
    expect(preview.lastSessionAt).toBe('2025-03-10T14:00:00.000Z');
    expect(result).toEqual({
      written: { coachees: 2, boundaryChecks: 2, sessions: 3, notes: 2, maps: 1, actions: 2, promptAnswers: 2, customPrompts: 2, observations: 3 },
      skipped: 0,
      replaced: 0,
      keptBoth: 0,
    });
    expect(dumpVault(target)).toEqual(dumpVault(source));
    expect(target.repos.coachees.list({ search: 'Acme' }).map((c) => c.name)).toEqual(['Ana Lima']);
  });

  it('coachee scope carries all their sessions, follow-ups included, and nobody else', async () => {
    const archive = await exportTo(source, { kind: 'coachee', id: seeded.anaId }, 'ana');
    const target = await freshCore('target');
    const { result } = await importInto(target, archive);
    expect(result.written).toMatchObject({ coachees: 1, boundaryChecks: 1, sessions: 2, notes: 2, maps: 1, actions: 2, promptAnswers: 2, customPrompts: 1, observations: 2 });
    const expected = dumpVault(source);
    const actual = dumpVault(target);
    const ana = (rows: unknown[]) => rows.filter((row) => JSON.stringify(row).includes(seeded.anaId) || [seeded.sessionIds[0], seeded.sessionIds[1]].some((id) => JSON.stringify(row).includes(id!)));
    for (const table of ['coachees', 'boundary_checks', 'sessions', 'notes', 'system_maps', 'actions', 'prompt_answers', 'observations']) {
      expect(actual[table], table).toEqual(ana(expected[table]!));
    }
    // Only the custom prompt her sessions asked.
    expect(actual.custom_prompts).toEqual(expected.custom_prompts!.filter((row) => (row as { id: string }).id === seeded.customPromptId));
  });

  it('session scope carries the session and its coachee; a follow-up to a session left out is dropped', async () => {
    const [first] = seeded.sessionIds;
    const archive = await exportTo(source, { kind: 'session', id: first! }, 'session');
    const target = await freshCore('target');
    const { preview, result } = await importInto(target, archive);
    expect(preview.scope.label).toBe('Ana Lima, session of 2025-02-03');
    expect(result.written).toMatchObject({ coachees: 1, sessions: 1, notes: 1, maps: 1, actions: 2, promptAnswers: 2, observations: 2 });
    expect(target.repos.sessions.get(first!)).toEqual(source.repos.sessions.get(first!));
    expect(target.repos.notes.get(first!)).toEqual(source.repos.notes.get(first!));
    // The snapshot comes back as it was, and so does tldraw's picture of it (map.svg), still current.
    expect(source.repos.maps.get(first!)!.picture).toEqual({ svg: MAP_PICTURE, current: true });
    expect(target.repos.maps.get(first!)).toEqual(source.repos.maps.get(first!));
    expect(target.repos.answers.listBySession(first!)).toEqual(source.repos.answers.listBySession(first!));
    const followedUp = source.repos.actions.listBySession(first!);
    expect(target.repos.actions.listBySession(first!)).toEqual(followedUp.map((a) => ({ ...a, followedUpInSession: null })));
  });

  it('lays the archive out for people without Confidante', async () => {
    const archive = await exportTo(source, { kind: 'vault' }, 'layout');
    const files = readZip(await decryptWithPassphrase(archive, ARCHIVE_PASSPHRASE));
    const names = [...files.keys()];
    // README and index first; the manifest, which lists every other entry's hash, is written last.
    expect(names.slice(0, 2)).toEqual(['README.txt', 'index.md']);
    expect(names.at(-1)).toBe('manifest.json');
    const folder = names.find((name) => name.endsWith('/note.md') && name.includes('2025-02-03'))!.replace(/\/note\.md$/, '');
    expect(folder).toMatch(/^sessions\/2025-02-03_ana-lima_[0-9a-f-]{36}$/);
    for (const file of ['session.md', 'note.md', 'note.html', 'note.lexical.json', 'map.svg', 'map.tldraw.json']) expect(names).toContain(`${folder}/${file}`);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { formatVersion: number; files: Record<string, unknown> };
    expect(manifest.formatVersion).toBe(1);
    expect(Object.keys(manifest.files).sort()).toEqual(names.filter((name) => name !== 'manifest.json').sort());
    const summary = files.get(`${folder}/session.md`)!.toString();
    expect(summary).toContain('## Prompts and answers');
    expect(summary).toContain('Saying no to the CEO');
    expect(summary).toContain('- [ ] Send the article — coach');
    expect(files.get('README.txt')!.toString()).toContain('age -d -o archive.zip');
  });

  it('an archive in the previous layout (manifest first) still imports, every record equal', async () => {
    const archive = await exportTo(source, { kind: 'vault' }, 'new-layout');
    const files = readZip(await decryptWithPassphrase(archive, ARCHIVE_PASSPHRASE));
    // The same files, laid out as archives were before bounded-memory backups: the manifest first.
    const names = ['manifest.json', ...[...files.keys()].filter((name) => name !== 'manifest.json')];
    const old = await seal(await buildZip(names.map((path) => ({ path, data: files.get(path)! }))));
    expect([...readZip(await decryptWithPassphrase(old, ARCHIVE_PASSPHRASE)).keys()][0]).toBe('manifest.json');
    const target = await freshCore('target-old-layout');
    await importInto(target, old);
    expect(dumpVault(target)).toEqual(dumpVault(source));
  });
});
