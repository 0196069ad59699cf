/**
 * The encrypted vault: its cost against plain SQLite, and how search, autosave, unlock and the
 * coachee list grow with the size of a practice. Everything runs the app's real code: the Vault
 * (production KDF), openEncryptedDatabase, migrate, the repositories, search() and the idle
 * maintenance; the plain baseline is the same library with the same pragmas.
 *
 *   vault.encrypted_over_plain          the same workload (~2 KB notes, one transaction each, then
 *                                       searches) on plain and encrypted databases, interleaved
 *   vault.portable_aes_over_hardware    the encrypted workload with the library forced onto its
 *                                       portable AES, over the hardware path, interleaved likewise
 *   vault.search_p95_ms.<size>          search() with 1–3 word queries
 *   vault.autosave_p95_ms.<size>        notes.save of a 20 KB note growing word by word, idle
 *                                       maintenance running in the pauses between saves as it does
 *   vault.autosave_under_load_p95_ms.<size>  the same while every core is kept busy by other processes
 *   vault.idle_step_p95_ms.<size>       one step of that idle work (the main thread is busy this long)
 *   vault.unlock_to_home_ms.<size>      Vault.unlock (KDF included) + settings + coachee list
 *   vault.unlock_after_kdf_ms.<size>    the same without the KDF: open + migrate + settings + list
 *   vault.coachee_list_ms.<size>        the home screen's coachee list, first call after unlock
 *   vault.<figure>.growth.<b>_over_<a>  how a figure grew between two sizes (10× the notes: ~1 is
 *                                       flat, ~10 is linear work in a hot path)
 *   vault.kdf_ms                        the production passphrase KDF (median)
 *
 * Sizes: 1,000, 10,000 and 100,000 notes (--quick: 1,000 and 5,000), with coachees, sessions, maps
 * and actions in proportion (support/vault-seed.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { idleMaintenance } from '../electron/core/db/idle-maintenance';
import { migrate } from '../electron/core/db/migrations';
import { openEncryptedDatabase, type Db } from '../electron/core/db/open-database';
import { createRepositories, type Repositories } from '../electron/core/repositories';
import { search } from '../electron/core/search/search';
import { deriveKey, newScryptParams, PASSPHRASE_KDF } from '../electron/core/vault/kdf';
import { readKeyFile, unwrapKey } from '../electron/core/vault/key-file';
import { Vault } from '../electron/core/vault/vault';
import { runtimeAesPath, setRuntimeAesPath } from '../scripts/aes-path.mjs';
import { openPlainDatabase } from './support/plain-db';
import { bench, describe, median, note, p95, QUICK, run, startWindow, type Measured } from './support/report';
import { seedVault } from './support/vault-seed';
import { lexicalNote, prng, searchQueries, topicsFor, type SearchQuery } from './support/words';

const SIZES = QUICK ? [1_000, 5_000] : [1_000, 10_000, 100_000];
const RATIO_NOTES = QUICK ? 1_000 : 10_000;
const RATIO_COACHEES = RATIO_NOTES / 50;
const NOTE_BYTES = 2048;
/** Inserts and queries alternate between the subjects in chunks, so drift hits all alike. */
const INSERT_CHUNK = QUICK ? 200 : 500;
const WORKLOAD_QUERIES = QUICK ? 200 : 500;
const QUERY_CHUNK = 100;
const SEARCH_SAMPLES = QUICK ? 200 : 1000;
const AUTOSAVE_SAMPLES = QUICK ? 60 : 300;
const AUTOSAVE_BYTES = 20 * 1024;
const UNLOCK_RUNS = QUICK ? 2 : 7;
const KDF_RUNS = QUICK ? 3 : 7;
const PASSPHRASE = 'lantern orchard 47 quietly river';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const label = (notes: number): string => (notes >= 1000 ? `${notes / 1000}k` : String(notes));
const mb = (bytes: number): number => bytes / (1024 * 1024);

// --------------------------------------------------------------------------------------------
// 1. Encrypted against plain, and hardware AES against portable: one workload, interleaved.

interface Subject {
  label: 'plain' | 'encrypted' | 'encrypted, portable AES';
  db: Db;
  repos: Repositories;
  sessionIds: string[];
  insertMs: number;
  insertSamples: number[];
  queryMs: number;
  /** Runs `work` with this subject's AES path in force (the library's cached CPU check). */
  use<T>(work: () => T): T;
}

function openSubject(kind: Subject['label'], file: string, key: Buffer): Subject {
  const portable = kind === 'encrypted, portable AES';
  const use = <T>(work: () => T): T => {
    if (!portable) return work();
    setRuntimeAesPath(false);
    try {
      return work();
    } finally {
      setRuntimeAesPath(true);
    }
  };
  const db = use(() => (kind === 'plain' ? openPlainDatabase(file) : openEncryptedDatabase(file, key, { create: true })));
  use(() => migrate(db));
  return { label: kind, db, repos: createRepositories(db), sessionIds: [], insertMs: 0, insertSamples: [], queryMs: 0, use };
}

/** Coachees with a boundary check and `sessions` sessions in all, in one untimed transaction. */
function seedPeople(subject: Subject, coachees: number, sessions: number): void {
  const { repos } = subject;
  const start = Date.parse('2023-01-09T09:00:00Z');
  subject.use(() =>
    subject.db.transaction(() => {
      const ids: string[] = [];
      for (let i = 0; i < coachees; i += 1) {
        const coachee = repos.coachees.create({ name: `Coachee ${i}`, role: 'Head of Product', organisation: 'Northwind' });
        repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
        ids.push(coachee.id);
      }
      for (let i = 0; i < sessions; i += 1) {
        const session = repos.sessions.create({ coacheeId: ids[i % ids.length] ?? '', walkAwayWith: `Clarity ${i}`, startedAt: new Date(start + i * 3 * 3600_000).toISOString() });
        subject.sessionIds.push(session.id);
      }
    })(),
  );
}

function insertNotes(subject: Subject, notes: readonly { lexicalJson: string; plainText: string }[], from: number, to: number): void {
  const { repos, sessionIds } = subject;
  subject.use(() => {
    const begun = performance.now();
    for (let i = from; i < to; i += 1) {
      const item = notes[i]!;
      const t0 = performance.now();
      // Outside a transaction, each save is its own committed (and, synchronous=FULL, fsynced) transaction.
      repos.notes.save(sessionIds[i]!, item.lexicalJson, item.plainText);
      subject.insertSamples.push(performance.now() - t0);
    }
    subject.insertMs += performance.now() - begun;
  });
}

function runQueries(subject: Subject, queries: readonly SearchQuery[]): number {
  return subject.use(() => {
    const begun = performance.now();
    for (const query of queries) search(subject.db, query.text);
    return performance.now() - begun;
  });
}

async function ratioBench(dir: string): Promise<void> {
  const key = randomBytes(32);
  const next = prng(2024);
  const worlds = Array.from({ length: RATIO_COACHEES }, (_, i) => topicsFor(1000 + i));
  const notes = Array.from({ length: RATIO_NOTES }, (_, i) => lexicalNote(NOTE_BYTES, next, worlds[i % RATIO_COACHEES]!));
  const workloadQueries = searchQueries(WORKLOAD_QUERIES, prng(7));
  // Warm-up: the same code paths on throwaway databases (JIT, the native module, the page cache).
  for (const kind of ['plain', 'encrypted'] as const) {
    const warm = openSubject(kind, join(dir, `warmup-${kind}.db`), key);
    seedPeople(warm, 10, 200);
    insertNotes(warm, notes, 0, 200);
    runQueries(warm, workloadQueries.slice(0, 50));
    warm.db.close();
  }
  // The library's own CPU check has run (the warm-up encrypted pages): which path did it pick?
  const aes = runtimeAesPath();
  note(`ratio workload: ${RATIO_NOTES} notes of ~${NOTE_BYTES} B (one transaction each), then ${WORKLOAD_QUERIES} searches; AES path in this process: ${aes.path ?? `unknown (${aes.reason})`}`);

  const kinds: Subject['label'][] = aes.path === 'hardware' ? ['plain', 'encrypted', 'encrypted, portable AES'] : ['plain', 'encrypted'];
  const subjects = kinds.map((kind, i) => openSubject(kind, join(dir, `ratio-${i}.db`), key));
  for (const subject of subjects) seedPeople(subject, RATIO_COACHEES, RATIO_NOTES);
  const measured = startWindow();
  // Round r starts with subject r mod n, so each goes first, second and last equally often.
  const order = (round: number) => subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
  for (let from = 0, round = 0; from < RATIO_NOTES; from += INSERT_CHUNK, round += 1) {
    for (const subject of order(round)) {
      gc();
      insertNotes(subject, notes, from, Math.min(from + INSERT_CHUNK, RATIO_NOTES));
    }
  }
  for (let from = 0, round = 0; from < WORKLOAD_QUERIES; from += QUERY_CHUNK, round += 1) {
    const chunk = workloadQueries.slice(from, from + QUERY_CHUNK);
    for (const subject of order(round)) {
      gc();
      subject.queryMs += runQueries(subject, chunk);
    }
  }
  for (const subject of subjects) {
    note(`${subject.label}: inserts ${subject.insertMs.toFixed(0)} ms (per insert ${describe(subject.insertSamples)}), searches ${subject.queryMs.toFixed(0)} ms`);
    subject.db.close();
  }
  const [plain, encrypted, portable] = subjects as [Subject, Subject, Subject | undefined];
  const total = (subject: Subject) => subject.insertMs + subject.queryMs;
  note(`ratio encrypted/plain: inserts ${(encrypted.insertMs / plain.insertMs).toFixed(3)}, searches ${(encrypted.queryMs / plain.queryMs).toFixed(3)}`);
  bench('vault.plain_workload_ms', total(plain), 'ms', measured);
  bench('vault.encrypted_workload_ms', total(encrypted), 'ms', measured);
  bench('vault.encrypted_over_plain', total(encrypted) / total(plain), 'ratio', measured);
  if (portable) {
    note(`ratio portable/hardware AES: inserts ${(portable.insertMs / encrypted.insertMs).toFixed(3)}, searches ${(portable.queryMs / encrypted.queryMs).toFixed(3)}`);
    bench('vault.portable_aes_over_hardware', total(portable) / total(encrypted), 'ratio', measured);
  }
}

// --------------------------------------------------------------------------------------------
// 2. A practice of each size.

interface SizeFigures {
  search_p95_ms: number;
  autosave_p95_ms: number;
  autosave_under_load_p95_ms: number;
  idle_step_p95_ms: number;
  unlock_to_home_ms: number;
  unlock_after_kdf_ms: number;
  coachee_list_ms: number;
}

/** All cores but one kept busy by other processes (at least one), for as long as `work` runs. */
const HOGS = Math.max(1, cpus().length - 1);
async function underLoad<T>(work: () => T): Promise<T> {
  const hogs: ChildProcess[] = Array.from({ length: HOGS }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)); // let them get going
    return work();
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
}

/** The same 20 KB note, one more word typed each time, saved as autosave does, idle work in between. */
function autosaveSamples(db: Db, repos: Repositories, sessionId: string, base: string, samples: number, idleSteps: number[], cpuMs: number[]): number[] {
  const document = JSON.parse(base) as { root: { children: { children: { text: string }[] }[] } };
  const blocks = document.root.children;
  const last = blocks[blocks.length - 1]?.children[0];
  if (!last) throw new Error('the generated note has no text');
  const maintenance = idleMaintenance(db);
  const times: number[] = [];
  const words = ['and', 'then', 'she', 'said', 'the', 'board', 'would', 'decide', 'next', 'week'];
  for (let i = 0; i < samples + 10; i += 1) {
    last.text += ` ${words[i % words.length]}`;
    const lexicalJson = JSON.stringify(document);
    const plainText = blocks.map((block) => block.children.map((child) => child.text).join('')).join('\n\n');
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    repos.notes.save(sessionId, lexicalJson, plainText);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (i >= 10) {
      times.push(ms);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
    // The pause before the next autosave (at least 0.5 s in the editor): the idle work runs in it.
    for (let step = 0; step < 50; step += 1) {
      const s0 = performance.now();
      const result = maintenance.step(true);
      idleSteps.push(performance.now() - s0);
      if (!result.merged) break;
    }
  }
  return times;
}

function noteOfJsonBytes(bytes: number, seed: number): { lexicalJson: string; plainText: string } {
  let plainBytes = Math.round(bytes * 0.85);
  const topics = topicsFor(seed);
  let made = lexicalNote(plainBytes, prng(seed), topics);
  for (let i = 0; i < 8 && Math.abs(made.lexicalJson.length - bytes) > 256; i += 1) {
    plainBytes = Math.round(plainBytes * (bytes / made.lexicalJson.length));
    made = lexicalNote(plainBytes, prng(seed), topics);
  }
  return made;
}

function timeQueries(db: Db, queries: readonly SearchQuery[], cpuMs: number[] = []): number[] {
  return queries.map((query) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    search(db, query.text);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    return ms;
  });
}

async function sizeBench(root: string, notes: number): Promise<SizeFigures> {
  const size = label(notes);
  const dir = join(root, `vault-${size}`);
  const vault = new Vault({ dir });
  try {
    // Seeding is not timed. The index is then merged as idle maintenance leaves a vault that has
    // had idle time (FTS5 'optimize': one segment); the WAL goes into the main file on lock.
    let t0 = performance.now();
    await vault.create(PASSPHRASE);
    const seeded = seedVault(vault.db, createRepositories(vault.db), notes);
    vault.db.prepare(`INSERT INTO search_index (search_index) VALUES ('optimize')`).run();
    vault.lock();
    const fileMb = mb(statSync(vault.files.database).size);
    note(
      `${size}: ${seeded.shape.notes} notes, ${seeded.shape.coachees} coachees, ${seeded.sessionIds.length} sessions, ${seeded.mapSessionIds.length} maps, ${seeded.shape.actions} actions; ` +
        `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s, vault file ${fileMb.toFixed(0)} MB`,
    );

    // Unlock to home, as the app does it: Vault.unlock (KDF, open, migrate), settings, coachee list.
    const unlockWindow = startWindow();
    const toHome: number[] = [];
    const lists: number[] = [];
    for (let i = 0; i < UNLOCK_RUNS + 1; i += 1) {
      gc();
      t0 = performance.now();
      await vault.unlock(PASSPHRASE);
      const repos = createRepositories(vault.db);
      repos.settings.get('settings');
      const l0 = performance.now();
      const listed = repos.coachees.list();
      const t1 = performance.now();
      vault.lock();
      if (listed.length !== seeded.shape.coachees) throw new Error(`expected ${seeded.shape.coachees} coachees, got ${listed.length}`);
      if (i === 0) continue;
      toHome.push(t1 - t0);
      lists.push(t1 - l0);
    }
    note(`${size}: unlock → home data ${describe(toHome)}; coachee list (first call after unlock) ${describe(lists)}`);
    bench(`vault.unlock_to_home_ms.${size}`, median(toHome), 'ms', unlockWindow);
    bench(`vault.coachee_list_ms.${size}`, median(lists), 'ms', unlockWindow);

    // The same without the KDF: the key unwrapped once, then open + migrate + settings + list.
    const afterKdfWindow = startWindow();
    const key = await unwrapKey(readKeyFile(vault.files.keyFile).passphrase, PASSPHRASE, 'passphrase');
    if (!key) throw new Error('the passphrase did not unwrap the key');
    const afterKdf: number[] = [];
    for (let i = 0; i < UNLOCK_RUNS * 2 + 1; i += 1) {
      gc();
      t0 = performance.now();
      const db = openEncryptedDatabase(vault.files.database, key);
      migrate(db);
      const repos = createRepositories(db);
      repos.settings.get('settings');
      repos.coachees.list();
      const t1 = performance.now();
      db.close();
      if (i > 0) afterKdf.push(t1 - t0);
    }
    key.fill(0);
    note(`${size}: unlock after the KDF (open, migrate, settings, coachee list) ${describe(afterKdf)}`);
    bench(`vault.unlock_after_kdf_ms.${size}`, median(afterKdf), 'ms', afterKdfWindow);

    await vault.unlock(PASSPHRASE);
    const db = vault.db;
    const repos = createRepositories(db);

    // Search: the first 50 queries warm the cache (the coach's first search after unlock is cold).
    const queries = searchQueries(SEARCH_SAMPLES + 50, prng(99));
    timeQueries(db, queries.slice(0, 50));
    gc();
    const searchWindow = startWindow();
    const searchCpu: number[] = [];
    const searches = timeQueries(db, queries.slice(50), searchCpu);
    const broad = searches.filter((_, i) => queries[i + 50]!.broad);
    note(`${size}: search ${describe(searches)}; its CPU time ${describe(searchCpu)}; with a word most notes have ${describe(broad)}`);
    bench(`vault.search_p95_ms.${size}`, p95(searches), 'ms', searchWindow);

    // Autosave into a session of this vault, then the same under load.
    const big = noteOfJsonBytes(AUTOSAVE_BYTES, 5);
    const sessionId = repos.sessions.create({ coacheeId: seeded.coacheeIds[0]!, walkAwayWith: 'Bench: a long session' }).id;
    const idleSteps: number[] = [];
    const saveCpu: number[] = [];
    gc();
    const autosaveWindow = startWindow();
    const saves = autosaveSamples(db, repos, sessionId, big.lexicalJson, AUTOSAVE_SAMPLES, idleSteps, saveCpu);
    // CPU time apart from wall time: what is left is waiting (the WAL's fsync, or the scheduler).
    note(`${size}: autosave of a ${(big.lexicalJson.length / 1024).toFixed(0)} KB note ${describe(saves)}; its CPU time ${describe(saveCpu)}; idle steps between saves ${describe(idleSteps)}`);
    bench(`vault.autosave_p95_ms.${size}`, p95(saves), 'ms', autosaveWindow);
    bench(`vault.idle_step_p95_ms.${size}`, p95(idleSteps), 'ms', autosaveWindow);

    const loadedSessionId = repos.sessions.create({ coacheeId: seeded.coacheeIds[1]!, walkAwayWith: 'Bench: a session under load' }).id;
    const loadedSteps: number[] = [];
    const loadedCpu: number[] = [];
    gc();
    const loadWindow = startWindow();
    const loaded = await underLoad(() => autosaveSamples(db, repos, loadedSessionId, big.lexicalJson, AUTOSAVE_SAMPLES, loadedSteps, loadedCpu));
    note(`${size}: autosave with ${HOGS} busy process(es) beside it ${describe(loaded)}; its CPU time ${describe(loadedCpu)}; idle steps ${describe(loadedSteps)}`);
    // The hogs are our children, so they count as ours: `noisy` here means load beyond the one we made.
    bench(`vault.autosave_under_load_p95_ms.${size}`, p95(loaded), 'ms', loadWindow);

    gc();
    note(`${size}: this process's resident memory with the vault open: ${mb(process.memoryUsage().rss).toFixed(0)} MB`);
    vault.lock();
    return {
      search_p95_ms: p95(searches),
      autosave_p95_ms: p95(saves),
      autosave_under_load_p95_ms: p95(loaded),
      idle_step_p95_ms: p95(idleSteps),
      unlock_to_home_ms: median(toHome),
      unlock_after_kdf_ms: median(afterKdf),
      coachee_list_ms: median(lists),
    };
  } finally {
    vault.lock();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function kdfBench(): Promise<number> {
  const measured: Measured = startWindow();
  const cost = `scrypt N=2^${Math.log2(PASSPHRASE_KDF.N)} r=${PASSPHRASE_KDF.r} p=${PASSPHRASE_KDF.p}`;
  const kdf: number[] = [];
  for (let i = 0; i < KDF_RUNS + 1; i += 1) {
    gc();
    const params = newScryptParams(PASSPHRASE_KDF);
    const t0 = performance.now();
    await deriveKey(PASSPHRASE, params);
    if (i > 0) kdf.push(performance.now() - t0);
  }
  note(`kdf (${cost}): ${describe(kdf)}`);
  bench('vault.kdf_ms', median(kdf), 'ms', measured);
  return median(kdf);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confidante-bench-vault-'));
  try {
    await ratioBench(dir);
    const kdf = await kdfBench();
    const figures = new Map<number, SizeFigures>();
    for (const notes of SIZES) figures.set(notes, await sizeBench(dir, notes));
    // Growth between sizes: the noisy mark is the worse of the two figures' windows, so none here;
    // read them together with the figures above.
    for (let i = 1; i < SIZES.length; i += 1) {
      const [a, b] = [SIZES[i - 1]!, SIZES[i]!];
      const [fa, fb] = [figures.get(a)!, figures.get(b)!];
      for (const key of Object.keys(fa) as (keyof SizeFigures)[]) {
        console.log(`BENCH vault.${key}.growth.${label(b)}_over_${label(a)} ${(fb[key] / fa[key]).toFixed(2)} x`);
      }
    }
    const largest = figures.get(SIZES[SIZES.length - 1]!)!;
    note(`at ${label(SIZES[SIZES.length - 1]!)}: unlock to home data ${largest.unlock_to_home_ms.toFixed(0)} ms = KDF ${kdf.toFixed(0)} ms + ${(largest.unlock_to_home_ms - kdf).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run('vault', main);
