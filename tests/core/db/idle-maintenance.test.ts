import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_AFTER_WRITES, CHECKPOINT_QUIET_MS, IdleMaintenance, QUIET_MS, type MaintenanceTimers } from '../../../electron/core/db/idle-maintenance';
import type { Db } from '../../../electron/core/db/open-database';
import { createRepositories, type Repositories } from '../../../electron/core/repositories';
import type { Vault } from '../../../electron/core/vault/vault';
import { createVault, tempDir } from './helpers';

/**
 * Autosave leaves the search index's segment merges and the WAL checkpoint to idle time. Observed
 * on the real encrypted vault through two things SQLite keeps: the FTS5 structure record (which
 * segments the index holds) and the WAL-index header in the -shm file (frames written, frames
 * copied into the database).
 */

/** The segment ids of the FTS5 index, read from its structure record (FTS5 fts5StructureDecode). */
function segments(db: Db): Set<number> {
  const record = db.prepare('SELECT block FROM search_index_data WHERE id = 10').pluck().get() as Buffer;
  let at = 4; // the config cookie
  if (record.subarray(4, 8).equals(Buffer.from([0xff, 0x00, 0x00, 0x01]))) at = 8; // structure v2
  const varint = (): number => {
    let value = 0;
    for (let i = 0; i < 9; i += 1) {
      const byte = record[at++] ?? 0;
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    return value;
  };
  const v2 = at === 8;
  const levels = varint();
  varint(); // segments in all
  varint(); // write counter
  const ids = new Set<number>();
  for (let level = 0; level < levels; level += 1) {
    varint(); // nMerge
    const count = varint();
    for (let s = 0; s < count; s += 1) {
      ids.add(varint());
      varint(); // first page
      varint(); // last page
      if (v2) for (let f = 0; f < 5; f += 1) varint(); // origin1, origin2, tombstone pages, tombstone entries, entries
    }
  }
  return ids;
}

/** Frames in the WAL since it last restarted, and how many of them are copied into the database. */
function walFrames(file: string): { written: number; copied: number } {
  const shm = readFileSync(`${file}-shm`);
  // WAL-index header (sqlite.org/walformat.html): mxFrame at byte 16; nBackfill at byte 96.
  return { written: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

/** Manual timers: nothing runs until the test says so. */
function manualTimers(): MaintenanceTimers & { at: number; pending: { run: () => void; due: number } | null; advance(ms: number): void } {
  const timers = {
    at: 0,
    pending: null as { run: () => void; due: number } | null,
    now: () => timers.at,
    set: (run: () => void, ms: number) => (timers.pending = { run, due: timers.at + ms }),
    clear: () => {
      timers.pending = null;
    },
    advance(ms: number) {
      timers.at += ms;
      const pending = timers.pending;
      if (pending && pending.due <= timers.at) {
        timers.pending = null;
        pending.run();
      }
    },
  };
  return timers;
}

/** A long note as the coach keeps typing: 2,000 words over a wide vocabulary, so a save writes several index leaves. */
const noteText = (i: number): string => Array.from({ length: 2000 + i }, (_, w) => `term${(w * 7919 + i * 31) % 6000}`).join(' ');

describe('idle maintenance', () => {
  let folder: ReturnType<typeof tempDir>;
  let vault: Vault;
  let db: Db;
  let repos: Repositories;
  let sessionId: string;

  beforeEach(async () => {
    folder = tempDir();
    vault = await createVault(folder.dir);
    db = vault.db;
    repos = createRepositories(db);
    const coachee = repos.coachees.create({ name: 'Maintenance Coachee' });
    sessionId = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A long note' }).id;
  });
  afterEach(() => {
    vault.lock();
    folder.remove();
  });

  /** Autosaves of one growing note; for each, the segments it removed (merged away) and added. */
  function saves(count: number, between: () => void): { mergedAway: number[][]; added: number[] } {
    const mergedAway: number[][] = [];
    const added: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const before = segments(db);
      repos.notes.save(sessionId, '{}', noteText(i));
      const after = segments(db);
      mergedAway.push([...before].filter((id) => !after.has(id)));
      added.push([...after].filter((id) => !before.has(id)).length);
      between();
    }
    return { mergedAway, added };
  }

  it('with the idle work done in the pauses, no autosave merges segments', () => {
    const maintenance = new IdleMaintenance(db, manualTimers());
    const { mergedAway, added } = saves(60, () => {
      while (maintenance.step(true).merged) {
        // merge until nothing is left to merge, as the pause before the next autosave allows
      }
    });
    // Each save wrote its own small segment and touched no other.
    expect(mergedAway.flat()).toEqual([]);
    expect(added.every((n) => n === 1)).toBe(true);
    // The idle work kept the index small, and it is sound (FTS5 checks it against the notes).
    expect(segments(db).size).toBeLessThanOrEqual(8);
    expect(() => db.prepare(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it('control: without it, FTS5 merges inside the autosaves themselves', () => {
    const { mergedAway } = saves(60, () => undefined);
    expect(mergedAway.filter((ids) => ids.length > 0).length).toBeGreaterThan(0);
  });

  it('autosaves leave the WAL to the idle checkpoint, which copies every frame', () => {
    const maintenance = new IdleMaintenance(db, manualTimers());
    while (maintenance.step(true).merged) {
      // settle the index first
    }
    maintenance.step(true);
    const settled = walFrames(vault.files.database);
    expect(settled.copied).toBe(settled.written);
    for (let i = 0; i < 10; i += 1) repos.notes.save(sessionId, '{}', noteText(i));
    const afterSaves = walFrames(vault.files.database);
    expect(afterSaves.written).toBeGreaterThan(afterSaves.copied);
    let result = maintenance.step(true);
    while (result.merged) result = maintenance.step(true);
    expect(result.checkpointed).toBeGreaterThan(0);
    const idle = walFrames(vault.files.database);
    expect(idle.copied).toBe(idle.written);
    expect(repos.notes.get(sessionId)?.plainText).toBe(noteText(9));
  });

  it('waits for a pause: merges after QUIET_MS, a checkpoint only after CHECKPOINT_QUIET_MS or many writes', () => {
    const timers = manualTimers();
    const maintenance = new IdleMaintenance(db, timers);
    const frames = () => walFrames(vault.files.database);
    // Ten writes a little under QUIET_MS apart: each one pushes the work back, nothing runs.
    for (let i = 0; i < 10; i += 1) {
      repos.notes.save(sessionId, '{}', noteText(i));
      maintenance.afterWrite();
      timers.advance(QUIET_MS - 1);
    }
    const busy = frames();
    expect(busy.written).toBeGreaterThan(busy.copied);
    // The pause: merge steps run (each rescheduled at once) until the index is settled…
    timers.advance(1);
    for (let i = 0; i < 100 && timers.pending && timers.pending.due <= timers.at; i += 1) timers.advance(0);
    expect(frames().copied).toBe(busy.copied);
    // …and the checkpoint waits for the longer pause.
    timers.advance(CHECKPOINT_QUIET_MS);
    const idle = frames();
    expect(idle.copied).toBe(idle.written);
    // Many writes with short pauses only: the checkpoint comes at the next short pause.
    for (let i = 0; i < CHECKPOINT_AFTER_WRITES; i += 1) {
      repos.notes.save(sessionId, '{}', noteText(i + 20));
      maintenance.afterWrite();
      timers.advance(i % 2 === 0 ? QUIET_MS - 1 : 1);
    }
    timers.advance(QUIET_MS);
    for (let i = 0; i < 100 && timers.pending && timers.pending.due <= timers.at; i += 1) timers.advance(0);
    const afterMany = frames();
    expect(afterMany.copied).toBe(afterMany.written);
  });

  it('map saves and their pictures leave the same work to the pause (the connection\'s own timers)', async () => {
    const map = (i: number): string =>
      JSON.stringify({ document: { store: { 'shape:a': { id: 'shape:a', typeName: 'shape', type: 'text', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: noteText(i) }] }] } } } }, schema: {} } });
    const settled = async (): Promise<boolean> => {
      // The real timers: a checkpoint after CHECKPOINT_QUIET_MS of quiet, polled well past it.
      for (let waited = 0; waited < CHECKPOINT_QUIET_MS * 4; waited += 100) {
        const frames = walFrames(vault.files.database);
        if (frames.copied === frames.written) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    };
    // Control: a write that schedules nothing (a profile edit) stays in the WAL however long the pause.
    repos.coachees.create({ name: 'Control Coachee' });
    expect(await settled()).toBe(false);
    for (let i = 0; i < 5; i += 1) repos.maps.save(sessionId, map(i));
    expect(repos.maps.savePicture(sessionId, map(4), '<svg/>')).toBe(true);
    const busy = walFrames(vault.files.database);
    expect(busy.written).toBeGreaterThan(busy.copied);
    expect(await settled()).toBe(true);
    expect(repos.maps.get(sessionId)?.picture).toEqual({ svg: '<svg/>', current: true });
  });

  it('never runs inside a transaction, and stops with the connection', () => {
    const maintenance = new IdleMaintenance(db, manualTimers());
    repos.notes.save(sessionId, '{}', noteText(1));
    const inside = db.transaction(() => maintenance.step(true))();
    expect(inside).toEqual({ merged: false, checkpointed: null });
    vault.lock();
    expect(maintenance.step(true)).toEqual({ merged: false, checkpointed: null });
    // afterEach locks again: harmless.
  });
});
