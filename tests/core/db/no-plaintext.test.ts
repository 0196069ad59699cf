import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrations';
import type { Db } from '../../../electron/core/db/open-database';
import { createRepositories } from '../../../electron/core/repositories';
import { search } from '../../../electron/core/search/search';
import { createVault, PASSPHRASE, tempDir } from './helpers';

const MARK = '7f3a9c';
const sentinel = (name: string): string => `SENTINEL-${name}-${MARK}`;

/** Write a distinct sentinel into every text column of every table, through the repositories. */
function writeSentinels(db: Db, batch: string): string[] {
  const s = (name: string): string => sentinel(`${batch}-${name}`);
  const repos = createRepositories(db);
  const coachee = repos.coachees.create({
    name: s('coachee-name'),
    role: s('coachee-role'),
    organisation: s('coachee-organisation'),
    ambitions: s('coachee-ambitions'),
    currentProjects: s('coachee-projects'),
    obstacles: s('coachee-obstacles'),
    supportWanted: s('coachee-support'),
    note: s('coachee-note'),
  });
  repos.boundaryChecks.save(coachee.id, {
    managesPerformanceOrPay: true,
    conflictOfInterest: true,
    confidentialityAgreed: true,
    limitsExplained: true,
    conflictAcknowledged: true,
  });
  const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: s('session-walkaway'), boundariesToday: s('session-boundaries') });
  repos.sessions.end(session.id, { outcome: 'partly', outcomeWords: s('session-outcome'), summary: s('session-summary') });
  repos.notes.save(session.id, JSON.stringify({ root: { text: s('notes-lexical') } }), s('notes-plain'));
  repos.maps.save(session.id, JSON.stringify({ shapes: [{ text: s('maps-snapshot') }] }));
  repos.customPrompts.create({ category: s('prompt-category'), intensity: 'direct', text: s('prompt-text') });
  repos.answers.create({
    sessionId: session.id,
    promptId: s('answer-prompt-id'),
    promptText: s('answer-prompt-text'),
    category: s('answer-category'),
    intensity: 'tough',
    answer: s('answer-text'),
  });
  repos.actions.create({ sessionId: session.id, what: s('action-what'), owner: s('action-owner') });
  repos.observations.create({ sessionId: session.id, kind: 'disclosure', text: s('observation-text') });
  repos.settings.set(s('settings-key'), { words: s('settings-value') });
  return [
    'coachee-name', 'coachee-role', 'coachee-organisation', 'coachee-ambitions', 'coachee-projects', 'coachee-obstacles',
    'coachee-support', 'coachee-note', 'session-walkaway', 'session-boundaries', 'session-outcome', 'session-summary',
    'notes-lexical', 'notes-plain', 'maps-snapshot', 'prompt-category', 'prompt-text', 'answer-prompt-id',
    'answer-prompt-text', 'answer-category', 'answer-text', 'action-what', 'action-owner', 'observation-text',
    'settings-key', 'settings-value',
  ].map(s);
}

interface Needle {
  label: string;
  bytes: Buffer;
}

function needles(sentinels: string[]): Needle[] {
  // The full strings, plus what the FTS index keeps of them: lower-cased tokens.
  const texts = [...sentinels, MARK, 'SENTINEL', 'sentinel'];
  return texts.flatMap((text) => [
    { label: `${text} (utf8)`, bytes: Buffer.from(text, 'utf8') },
    { label: `${text} (utf16le)`, bytes: Buffer.from(text, 'utf16le') },
  ]);
}

function leaks(bytes: Buffer, sentinels: string[]): string[] {
  return needles(sentinels)
    .filter((needle) => bytes.includes(needle.bytes))
    .map((needle) => needle.label);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no plaintext on disk', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('the detector finds the sentinels in an unencrypted database (control)', () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const file = join(dir, 'plain.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db);
    const sentinels = writeSentinels(db, 'control');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const walSentinels = writeSentinels(db, 'control-wal');
    const wal = readFileSync(`${file}-wal`);
    for (const text of walSentinels) expect(wal.includes(Buffer.from(text)), `wal ${text}`).toBe(true);
    db.close();
    const bytes = readFileSync(file);
    for (const text of [...sentinels, ...walSentinels]) expect(bytes.includes(Buffer.from(text)), text).toBe(true);
  });

  it('no sentinel reaches the database, WAL, shm, key file or any file in the data folder', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const vault = await createVault(dir);
    const db = vault.db;

    const sentinels = writeSentinels(db, 'main');
    const indexed = search(db, MARK, { limit: 100 });
    expect(new Set(indexed.map((hit) => hit.kind))).toEqual(new Set(['coachee', 'session', 'note', 'answer', 'action', 'observation']));

    // Move everything into the main file, then write more so the WAL holds fresh pages...
    db.pragma('wal_checkpoint(TRUNCATE)');
    sentinels.push(...writeSentinels(db, 'wal'));
    expect(search(db, 'wal', { limit: 5 }).length).toBeGreaterThan(0);

    // ...and read it now: closing the vault checkpoints the WAL and deletes it.
    const walPath = `${vault.files.database}-wal`;
    const wal = readFileSync(walPath);
    expect(wal.length).toBeGreaterThan(0);
    expect(leaks(wal, sentinels), 'live -wal').toEqual([]);
    const live = filesUnder(dir);
    expect(live).toEqual(expect.arrayContaining([vault.files.database, walPath, `${vault.files.database}-shm`, vault.files.keyFile]));
    for (const file of live) expect(leaks(readFileSync(file), sentinels), `live ${file}`).toEqual([]);

    vault.lock();
    const locked = filesUnder(dir);
    expect(locked).toEqual(expect.arrayContaining([vault.files.database, vault.files.keyFile]));
    for (const file of locked) {
      expect(statSync(file).size).toBeGreaterThan(0);
      expect(leaks(readFileSync(file), sentinels), `locked ${file}`).toEqual([]);
    }

    // The sentinels were really written: they come back after unlocking.
    await vault.unlock(PASSPHRASE);
    const repos = createRepositories(vault.db);
    expect(repos.coachees.list().map((c) => c.name).sort()).toEqual([sentinel('main-coachee-name'), sentinel('wal-coachee-name')]);
    expect(repos.settings.get(sentinel('wal-settings-key'))).toEqual({ words: sentinel('wal-settings-value') });
    vault.lock();
  });
});
