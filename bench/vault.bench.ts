/**
 * The encrypted vault against plain SQLite, search, autosave, the passphrase KDF and opening the
 * vault after it. Everything runs the app's real code: openEncryptedDatabase, migrate, the
 * repositories and search(); the plain baseline is the same library with the same pragmas.
 *
 *   vault.encrypted_over_plain  10,000 ~2 KB notes, one transaction each, then a batch of searches
 *   vault.search_p95_ms         search() over those 10,000 notes, 1–3 word queries
 *   vault.autosave_p95_ms       notes.save of a 20 KB note, one committed transaction
 *   vault.kdf_ms                the production passphrase KDF (median)
 *   vault.unlock_open_ms        open + migrate + first query with the raw key, after the KDF (median)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../electron/core/db/migrations';
import { openEncryptedDatabase, type Db } from '../electron/core/db/open-database';
import { createRepositories, type Repositories } from '../electron/core/repositories';
import { search } from '../electron/core/search/search';
import { deriveKey, newScryptParams, PASSPHRASE_KDF } from '../electron/core/vault/kdf';
import type { WayOfWorking } from '../shared/domain/working-style';
import { openPlainDatabase } from './support/plain-db';
import { bench, describe, median, note, p95, run } from './support/report';
import { COACHEE_NAMES, lexicalNote, pick, prng, ROLES, searchQueries, topicsFor, type SearchQuery } from './support/words';

const NOTES = 10_000;
const COACHEES = 200;
const NOTE_BYTES = 2048;
/** Inserts and queries alternate between the two databases in chunks, so drift hits both alike. */
const INSERT_CHUNK = 500;
const WORKLOAD_QUERIES = 500;
const QUERY_CHUNK = 100;
const SEARCH_SAMPLES = 1000;
const AUTOSAVE_SAMPLES = 300;
const AUTOSAVE_BYTES = 20 * 1024;
const KDF_RUNS = 7;
const OPEN_RUNS = 15;
const WAYS: readonly WayOfWorking[] = ['talk', 'draw', 'challenge'];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Subject {
  label: 'plain' | 'encrypted';
  file: string;
  db: Db;
  repos: Repositories;
  sessionIds: string[];
  insertMs: number;
  insertSamples: number[];
  queryMs: number;
}

function openSubject(label: Subject['label'], file: string, key: Buffer): Subject {
  const db = label === 'encrypted' ? openEncryptedDatabase(file, key, { create: true }) : openPlainDatabase(file);
  migrate(db);
  return { label, file, db, repos: createRepositories(db), sessionIds: [], insertMs: 0, insertSamples: [], queryMs: 0 };
}

/** Coachees with a boundary check and `sessions` sessions in all, in one untimed transaction. */
function seedPeople(subject: Subject, coachees: number, sessions: number): void {
  const next = prng(42);
  const { repos } = subject;
  const start = Date.parse('2023-01-09T09:00:00Z');
  subject.db.transaction(() => {
    const ids: string[] = [];
    for (let i = 0; i < coachees; i += 1) {
      const coachee = repos.coachees.create({
        name: COACHEE_NAMES[i % COACHEE_NAMES.length] ?? `Coachee ${i}`,
        role: pick(ROLES, next),
        organisation: pick(['Northwind', 'Globex', 'Initech', 'Umbrella Health', 'Hooli', 'Acme'], next),
        preferredMode: pick(WAYS, next),
      });
      repos.boundaryChecks.save(coachee.id, {
        managesPerformanceOrPay: false,
        conflictOfInterest: false,
        confidentialityAgreed: true,
        limitsExplained: true,
        conflictAcknowledged: false,
      });
      ids.push(coachee.id);
    }
    for (let i = 0; i < sessions; i += 1) {
      const session = repos.sessions.create({
        coacheeId: ids[i % ids.length] ?? '',
        walkAwayWith: `Clarity on ${pick(['the reorg', 'the promotion case', 'a hard conversation', 'the roadmap', 'my energy'], next)}`,
        startedAt: new Date(start + i * 3 * 3600_000).toISOString(),
      });
      subject.sessionIds.push(session.id);
    }
  })();
}

function insertNotes(subject: Subject, notes: readonly { lexicalJson: string; plainText: string }[], from: number, to: number): void {
  const { repos, sessionIds } = subject;
  const begun = performance.now();
  for (let i = from; i < to; i += 1) {
    const item = notes[i]!;
    const t0 = performance.now();
    // Outside a transaction, each save is its own committed (and, synchronous=FULL, fsynced) transaction.
    repos.notes.save(sessionIds[i]!, item.lexicalJson, item.plainText);
    subject.insertSamples.push(performance.now() - t0);
  }
  subject.insertMs += performance.now() - begun;
}

function runQueries(subject: Subject, queries: readonly SearchQuery[]): { ms: number; hits: number } {
  let hits = 0;
  const begun = performance.now();
  for (const query of queries) hits += search(subject.db, query.text).length;
  return { ms: performance.now() - begun, hits };
}

function timeQueries(db: Db, queries: readonly SearchQuery[]): number[] {
  return queries.map((query) => {
    const t0 = performance.now();
    search(db, query.text);
    return performance.now() - t0;
  });
}

/** The same 20 KB note, one more word typed each time, saved as autosave does. */
function autosaveSamples(subject: Subject, sessionId: string, base: string, samples: number, warmup: number): number[] {
  const document = JSON.parse(base) as { root: { children: { children: { text: string }[] }[] } };
  const blocks = document.root.children;
  const last = blocks[blocks.length - 1]?.children[0];
  if (!last) throw new Error('the generated note has no text');
  const times: number[] = [];
  const words = ['and', 'then', 'she', 'said', 'the', 'board', 'would', 'decide', 'next', 'week'];
  for (let i = 0; i < warmup + samples; i += 1) {
    last.text += ` ${words[i % words.length]}`;
    const lexicalJson = JSON.stringify(document);
    const plainText = blocks.map((block) => block.children.map((child) => child.text).join('')).join('\n\n');
    const t0 = performance.now();
    subject.repos.notes.save(sessionId, lexicalJson, plainText);
    const ms = performance.now() - t0;
    if (i >= warmup) times.push(ms);
  }
  return times;
}

/** A note whose Lexical JSON is about `bytes` long. */
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confidante-bench-vault-'));
  const key = randomBytes(32);
  const subjects: Subject[] = [];
  try {
    note(`vault: ${NOTES} notes of ~${NOTE_BYTES} B, ${COACHEES} coachees, temp dir ${dir}`);

    // The workload, generated up front so its cost is not timed.
    // Session i belongs to coachee i % COACHEES (seedPeople), and its note is about that coachee's world.
    const next = prng(2024);
    const worlds = Array.from({ length: COACHEES }, (_, i) => topicsFor(1000 + i));
    const notes = Array.from({ length: NOTES }, (_, i) => lexicalNote(NOTE_BYTES, next, worlds[i % COACHEES]!));
    const avg = (f: (n: { lexicalJson: string; plainText: string }) => number) => notes.reduce((s, n) => s + f(n), 0) / notes.length;
    note(`note size: plain text avg ${avg((n) => n.plainText.length).toFixed(0)} B, Lexical JSON avg ${avg((n) => n.lexicalJson.length).toFixed(0)} B`);
    const workloadQueries = searchQueries(WORKLOAD_QUERIES, prng(7));
    note(`queries, e.g.: ${workloadQueries.slice(0, 10).map((q) => JSON.stringify(q.text)).join(', ')}`);

    // Warm-up: the same code paths on throwaway databases (JIT, the native module, the page cache).
    for (const label of ['plain', 'encrypted'] as const) {
      const warm = openSubject(label, join(dir, `warmup-${label}.db`), key);
      seedPeople(warm, 20, 400);
      insertNotes(warm, notes, 0, 400);
      runQueries(warm, workloadQueries.slice(0, 100));
      warm.db.close();
    }

    const plain = openSubject('plain', join(dir, 'plain.db'), key);
    const encrypted = openSubject('encrypted', join(dir, 'vault.db'), key);
    subjects.push(plain, encrypted);
    for (const subject of subjects) seedPeople(subject, COACHEES, NOTES);

    // 1. The same workload on both, interleaved chunk by chunk (alternating which goes first).
    for (let from = 0, round = 0; from < NOTES; from += INSERT_CHUNK, round += 1) {
      const to = Math.min(from + INSERT_CHUNK, NOTES);
      for (const subject of round % 2 === 0 ? [plain, encrypted] : [encrypted, plain]) {
        gc();
        insertNotes(subject, notes, from, to);
      }
    }
    let hitTotal = 0;
    for (let from = 0, round = 0; from < WORKLOAD_QUERIES; from += QUERY_CHUNK, round += 1) {
      const chunk = workloadQueries.slice(from, from + QUERY_CHUNK);
      for (const subject of round % 2 === 0 ? [plain, encrypted] : [encrypted, plain]) {
        gc();
        const result = runQueries(subject, chunk);
        subject.queryMs += result.ms;
        if (subject === encrypted) hitTotal += result.hits;
      }
    }
    for (const subject of subjects) {
      note(`${subject.label}: ${NOTES} inserts ${subject.insertMs.toFixed(0)} ms (per insert ${describe(subject.insertSamples)}), ${WORKLOAD_QUERIES} searches ${subject.queryMs.toFixed(0)} ms`);
    }
    note(`searches returned ${(hitTotal / WORKLOAD_QUERIES).toFixed(1)} hits on average (limit 20)`);
    const plainTotal = plain.insertMs + plain.queryMs;
    const encryptedTotal = encrypted.insertMs + encrypted.queryMs;
    note(`ratio encrypted/plain: inserts ${(encrypted.insertMs / plain.insertMs).toFixed(3)}, searches ${(encrypted.queryMs / plain.queryMs).toFixed(3)}`);
    bench('vault.plain_workload_ms', plainTotal, 'ms');
    bench('vault.encrypted_workload_ms', encryptedTotal, 'ms');
    bench('vault.encrypted_over_plain', encryptedTotal / plainTotal, 'ratio');

    // 2. Search latency over the 10,000 notes, on the encrypted vault (plain for comparison).
    const queries = searchQueries(SEARCH_SAMPLES, prng(99));
    for (const subject of subjects) timeQueries(subject.db, queries.slice(0, 50));
    gc();
    const plainSearch = timeQueries(plain.db, queries);
    gc();
    const encryptedSearch = timeQueries(encrypted.db, queries);
    const broad = (times: number[], wanted: boolean) => times.filter((_, i) => queries[i]!.broad === wanted);
    for (const [label, times] of [['plain', plainSearch], ['encrypted', encryptedSearch]] as const) {
      note(`search ${label}: ${describe(times)}`);
      note(`  topic/name queries: ${describe(broad(times, false))}`);
      note(`  with a word most notes have ("team", "feedback"…): ${describe(broad(times, true))}`);
    }
    bench('vault.search_p95_ms', p95(encryptedSearch), 'ms');

    // What-if, for context only: the same searches with a 64 MiB page cache instead of SQLite's
    // default 2 MiB, so pages stay decrypted in memory instead of being decrypted on every read.
    const defaultCache = Number(encrypted.db.pragma('cache_size', { simple: true }));
    for (const subject of subjects) subject.db.pragma('cache_size = -65536');
    for (const subject of subjects) timeQueries(subject.db, queries);
    const cachedPlain = timeQueries(plain.db, queries);
    const cachedEncrypted = timeQueries(encrypted.db, queries);
    note(
      `what-if cache_size=64MiB (warm; the app uses the default, ${defaultCache}): search p95 plain ${p95(cachedPlain).toFixed(1)} ms, encrypted ${p95(cachedEncrypted).toFixed(1)} ms`,
    );
    for (const subject of subjects) subject.db.pragma(`cache_size = ${defaultCache}`);

    // 3. Autosave of a 20 KB note: one committed transaction per save, FTS row updated by trigger.
    const big = noteOfJsonBytes(AUTOSAVE_BYTES, 5);
    note(`autosave note: Lexical JSON ${big.lexicalJson.length} B, plain text ${big.plainText.length} B, into a vault of ${NOTES} notes`);
    gc();
    const plainSaves = autosaveSamples(plain, plain.sessionIds[17]!, big.lexicalJson, AUTOSAVE_SAMPLES, 20);
    gc();
    const encryptedSaves = autosaveSamples(encrypted, encrypted.sessionIds[17]!, big.lexicalJson, AUTOSAVE_SAMPLES, 20);
    note(`autosave plain: ${describe(plainSaves)}`);
    note(`autosave encrypted: ${describe(encryptedSaves)}`);
    bench('vault.autosave_p95_ms', p95(encryptedSaves), 'ms');

    // 4. Opening the vault once the key is known: open + migrate + the first query the home screen makes.
    for (const subject of subjects) subject.db.close();
    subjects.length = 0;
    const total: number[] = [];
    const openOnly: number[] = [];
    const firstQuery: number[] = [];
    for (let i = 0; i < OPEN_RUNS + 1; i += 1) {
      gc();
      const t0 = performance.now();
      const db = openEncryptedDatabase(encrypted.file, key);
      migrate(db);
      const t1 = performance.now();
      const listed = createRepositories(db).coachees.list();
      const t2 = performance.now();
      db.close();
      if (listed.length !== COACHEES) throw new Error(`expected ${COACHEES} coachees, got ${listed.length}`);
      if (i === 0) continue;
      total.push(t2 - t0);
      openOnly.push(t1 - t0);
      firstQuery.push(t2 - t1);
    }
    note(`unlock open: open+migrate ${describe(openOnly)}; first query (coachee list, ${COACHEES} coachees) ${describe(firstQuery)}`);
    bench('vault.unlock_open_ms', median(total), 'ms');

    // 5. The production passphrase KDF, as unlock runs it.
    const cost = `scrypt N=2^${Math.log2(PASSPHRASE_KDF.N)} r=${PASSPHRASE_KDF.r} p=${PASSPHRASE_KDF.p}`;
    const kdf: number[] = [];
    for (let i = 0; i < KDF_RUNS + 1; i += 1) {
      gc();
      const params = newScryptParams(PASSPHRASE_KDF);
      const t0 = performance.now();
      await deriveKey('lantern orchard 47 quietly river', params);
      if (i > 0) kdf.push(performance.now() - t0);
    }
    note(`kdf (${cost}): ${describe(kdf)}`);
    bench('vault.kdf_ms', median(kdf), 'ms');
  } finally {
    for (const subject of subjects) if (subject.db.open) subject.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

run('vault', main);
