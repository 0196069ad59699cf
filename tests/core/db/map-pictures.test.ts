import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coachCalls } from '@shared/ipc/api';
import type { Envelope } from '@shared/errors';
import type { StoredSystemMap } from '@shared/domain/system-map';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { AppCore } from '../../../electron/core/app-core';
import { vaultWriter } from '../../../electron/core/archive/vault-writer';
import { applyMigrations, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, schemaVersion } from '../../../electron/core/db/migrations';
import { openEncryptedDatabase, type Db } from '../../../electron/core/db/open-database';
import { createRepositories } from '../../../electron/core/repositories';
import { documentHash } from '../../../electron/core/repositories/maps';
import { search } from '../../../electron/core/search/search';
import { GOOD_PASSPHRASE, TEST_KDF } from '../../support/temp-vault';
import { steppingClock, tempDir } from './helpers';

const schema = { schemaVersion: 2, sequences: { 'com.tldraw.shape': 4 } };
const shape = (id: string, text: string) => ({ id: `shape:${id}`, typeName: 'shape' as const, type: 'text', x: 10, y: 20, props: { text } });
/** A map as the coach's editor writes it. */
const snapshotOf = (...shapes: ReturnType<typeof shape>[]) =>
  JSON.stringify({ document: { store: Object.fromEntries(shapes.map((s) => [s.id, s])), schema } });
const svgOf = (words: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="4" y="20">${words}</text></svg>`;

describe('map pictures in the encrypted vault', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  /** An encrypted database file on disk with its key, opened the way an unlock opens it. */
  function encryptedFile(): { file: string; key: Buffer; open: () => Db } {
    const { dir, remove } = tempDir();
    const file = join(dir, 'confidante.vault');
    const key = randomBytes(32);
    const opened: Db[] = [];
    cleanups.push(() => {
      for (const db of opened) if (db.open) db.close();
      remove();
    });
    return {
      file,
      key,
      open: () => {
        const db = openEncryptedDatabase(file, key, { create: opened.length === 0 });
        opened.push(db);
        return db;
      },
    };
  }

  it('migration 002 on a vault written by schema 1 keeps every map, its words and its search entry', () => {
    const vaultFile = encryptedFile();
    const v1 = vaultFile.open();
    applyMigrations(v1, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(v1)).toBe(1);
    const repos = createRepositories(v1, { now: steppingClock() });
    const coachee = repos.coachees.create({ name: 'Ada' });
    const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'See the system' });
    // Written the way version 1 of the map repository wrote it.
    const snapshotJson = snapshotOf(shape('a', 'heron steering group'));
    v1.prepare(`INSERT INTO system_maps (session_id, snapshot_json, plain_text, updated_at) VALUES (?, ?, ?, ?)`).run(
      session.id,
      snapshotJson,
      'heron steering group',
      '2025-03-03T09:30:00.000Z',
    );
    const before = v1.prepare(`SELECT session_id, snapshot_json, plain_text, updated_at FROM system_maps`).all();
    v1.close();

    // Unlock: open the file again and migrate, as Vault.unlock does.
    const db = vaultFile.open();
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    expect(db.prepare(`SELECT session_id, snapshot_json, plain_text, updated_at FROM system_maps`).all()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(search(db, 'heron').map((hit) => [hit.kind, hit.sessionId])).toEqual([['map', session.id]]);

    const migrated = createRepositories(db, { now: steppingClock('2025-04-01T00:00:00.000Z') });
    // An old map has no picture yet: nothing pretends to show it.
    expect(migrated.maps.get(session.id)).toEqual({ sessionId: session.id, snapshotJson, updatedAt: '2025-03-03T09:30:00.000Z', picture: null });
    // The first save after the upgrade stores the picture beside the snapshot it was made from.
    migrated.maps.save(session.id, snapshotJson, { svg: svgOf('heron') });
    expect(migrated.maps.get(session.id)?.picture).toEqual({ svg: svgOf('heron'), current: true });
  });

  it('save and get round-trip the SVG through the encrypted file, and it is not readable on disk', () => {
    const vaultFile = encryptedFile();
    const db = vaultFile.open();
    migrate(db);
    const repos = createRepositories(db, { now: steppingClock() });
    const session = repos.sessions.create({ coacheeId: repos.coachees.create({ name: 'Ben' }).id, walkAwayWith: 'x' });
    const snapshotJson = snapshotOf(shape('a', 'one'), shape('b', 'two'));
    const svg = svgOf('KINGFISHERPICTURE');

    const saved = repos.maps.save(session.id, snapshotJson, { svg });
    expect(saved).toMatchObject({ snapshotJson, picture: { svg, current: true } });
    expect(repos.maps.get(session.id)).toEqual(saved);
    db.close();

    expect(readFileSync(vaultFile.file).includes(Buffer.from('KINGFISHERPICTURE'))).toBe(false);
    const reopened = vaultFile.open();
    expect(createRepositories(reopened).maps.get(session.id)).toEqual(saved);
  });

  it('a picture belongs to one snapshot: a newer snapshot makes it stale, and a late picture of an old one is dropped', () => {
    const { open } = encryptedFile();
    const db = open();
    migrate(db);
    const repos = createRepositories(db, { now: steppingClock() });
    const session = repos.sessions.create({ coacheeId: repos.coachees.create({ name: 'Cy' }).id, walkAwayWith: 'x' });
    const first = snapshotOf(shape('a', 'one'));
    const second = snapshotOf(shape('a', 'one'), shape('b', 'two'));

    repos.maps.save(session.id, first, { svg: svgOf('first') });
    // Saved without a picture (the window closed before one was made): the old one stays, marked stale.
    repos.maps.save(session.id, second);
    expect(repos.maps.get(session.id)).toMatchObject({ snapshotJson: second, picture: { svg: svgOf('first'), current: false } });
    // A picture of the first snapshot arriving now is not the stored drawing's: refused.
    expect(repos.maps.savePicture(session.id, first, svgOf('late'))).toBe(false);
    expect(repos.maps.get(session.id)?.picture).toEqual({ svg: svgOf('first'), current: false });
    // The picture of the stored drawing is kept, and current.
    expect(repos.maps.savePicture(session.id, second, svgOf('second'))).toBe(true);
    expect(repos.maps.get(session.id)?.picture).toEqual({ svg: svgOf('second'), current: true });
    // An empty map's picture is "nothing to draw", and current.
    const empty = snapshotOf();
    repos.maps.save(session.id, empty, { svg: null });
    expect(repos.maps.get(session.id)?.picture).toEqual({ svg: null, current: true });
    // No map, no picture.
    expect(repos.maps.savePicture('no-such-session', empty, null)).toBe(false);
  });

  it('the same drawing written with its keys in another order (the shared screen) keeps the picture current', () => {
    const { open } = encryptedFile();
    const db = open();
    migrate(db);
    const repos = createRepositories(db, { now: steppingClock() });
    const session = repos.sessions.create({ coacheeId: repos.coachees.create({ name: 'Di' }).id, walkAwayWith: 'x' });
    const a = shape('a', 'one');
    const b = shape('b', 'two');
    const byCoach = snapshotOf(a, b);
    const reordered = (s: ReturnType<typeof shape>) => ({ props: s.props, y: s.y, x: s.x, type: s.type, typeName: s.typeName, id: s.id });
    const byHub = JSON.stringify({ document: { schema, store: { [b.id]: reordered(b), [a.id]: reordered(a) } } });
    expect(byHub).not.toBe(byCoach);
    expect(documentHash(byHub)).toBe(documentHash(byCoach));

    const saved = repos.maps.save(session.id, byCoach, { svg: svgOf('both') });
    const again = repos.maps.save(session.id, byHub);
    expect(again).toEqual(saved);
    expect(again.picture).toEqual({ svg: svgOf('both'), current: true });
    // Control: a real change to the drawing does make it stale.
    expect(repos.maps.save(session.id, snapshotOf(a)).picture?.current).toBe(false);
  });

  it('a writer that knows nothing of pictures (the archive import) cannot leave an old picture passing as current', () => {
    const { open } = encryptedFile();
    const db = open();
    migrate(db);
    const repos = createRepositories(db, { now: steppingClock() });
    const session = repos.sessions.create({ coacheeId: repos.coachees.create({ name: 'Eve' }).id, walkAwayWith: 'x' });
    repos.maps.save(session.id, snapshotOf(shape('a', 'one')), { svg: svgOf('one') });

    const imported = snapshotOf(shape('z', 'imported'));
    db.transaction(() => vaultWriter(db).saveMap({ sessionId: session.id, snapshotJson: imported, updatedAt: '2025-05-05T00:00:00.000Z' }))();
    expect(repos.maps.get(session.id)).toMatchObject({ snapshotJson: imported, picture: { svg: svgOf('one'), current: false } });
    // A picture of the imported drawing is accepted again once the repository has written it.
    repos.maps.save(session.id, imported);
    expect(repos.maps.savePicture(session.id, imported, svgOf('imported'))).toBe(true);
    expect(repos.maps.get(session.id)?.picture).toEqual({ svg: svgOf('imported'), current: true });
  });
});

describe('map pictures through the API', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  async function unlockedCore() {
    const { dir, remove } = tempDir();
    const core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
    await core.vault.create(GOOD_PASSPHRASE);
    cleanups.push(() => {
      core.close();
      remove();
    });
    const handlers = createCoachHandlers(core, {
      appVersion: 'test',
      saveFile: () => Promise.reject(new Error('no files')),
      chooseDestination: () => Promise.resolve(null),
    });
    const call = async <T>(method: keyof typeof coachCalls, input: unknown): Promise<Envelope<T>> =>
      (await dispatch(coachCalls, handlers, method, input)) as Envelope<T>;
    const coachee = core.repos.coachees.create({ name: 'Ana' });
    const sessionId = core.repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A map' }).id;
    return { core, call, sessionId };
  }

  it('mapSave stores the picture with the snapshot, mapGet returns it; a picture that is not an SVG is refused', async () => {
    const { call, sessionId } = await unlockedCore();
    const snapshotJson = snapshotOf(shape('a', 'one'));
    expect(await call('mapSave', { sessionId, snapshotJson, svg: svgOf('one') })).toEqual({ ok: true, value: null });
    const got = await call<StoredSystemMap>('mapGet', { sessionId });
    expect(got.ok && got.value.picture).toEqual({ svg: svgOf('one'), current: true });

    const refused = await call('mapSave', { sessionId, snapshotJson, svg: '<script>alert(1)</script>' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('mapGet', { sessionId })).toEqual(got);
  });

  it('while the map is shared, the coach\'s picture is kept only when it shows the drawing the hub holds', async () => {
    const { core, call, sessionId } = await unlockedCore();
    const a = shape('a', 'one');
    const b = shape('b', 'two');
    core.share.start(sessionId, { kind: 'map' }, snapshotOf(a));
    // The coachee adds a shape; the coach's editor has it too and saves with its picture.
    core.share.fromCoachee({ added: { [b.id]: b }, updated: {}, removed: {} });
    await call('mapSave', { sessionId, snapshotJson: snapshotOf(a, b), svg: svgOf('a and b') });
    expect(core.repos.maps.get(sessionId)?.picture).toEqual({ svg: svgOf('a and b'), current: true });
    // The coachee's screen gets that picture with the map.
    expect(core.share.screen()).toMatchObject({ view: { kind: 'map' }, mapSvg: svgOf('a and b'), mapLicenseKey: '' });

    // A picture of a drawing the hub no longer holds is not stored.
    const late = await call<{ stored: boolean }>('mapSavePicture', { sessionId, snapshotJson: snapshotOf(a), svg: svgOf('only a') });
    expect(late).toEqual({ ok: true, value: { stored: false } });
    expect(core.repos.maps.get(sessionId)?.picture?.svg).toBe(svgOf('a and b'));
  });

  it('the license key is kept in the vault\'s settings, cleaned of what copying adds, and reaches the shared screen', async () => {
    const { core, call, sessionId } = await unlockedCore();
    const set = await call('mapLicenseKeySet', { key: '  tldraw-abc/\u200Bdef.ghi\n' });
    expect(set).toMatchObject({ ok: true, value: { tldrawLicenseKey: 'tldraw-abc/def.ghi' } });
    expect(await call('settingsGet', {})).toMatchObject({ ok: true, value: { tldrawLicenseKey: 'tldraw-abc/def.ghi', autoLockMinutes: 10 } });
    core.share.start(sessionId, { kind: 'map' }, snapshotOf());
    expect(core.share.screen().mapLicenseKey).toBe('tldraw-abc/def.ghi');
    core.share.stop();

    core.lock('user');
    await core.vault.unlock(GOOD_PASSPHRASE);
    expect(core.settings().tldrawLicenseKey).toBe('tldraw-abc/def.ghi');
    expect(await call('mapLicenseKeySet', { key: '' })).toMatchObject({ ok: true, value: { tldrawLicenseKey: '' } });
  });
});
