/**
 * Archive export and import throughput, and where an export's time goes.
 *
 *   archive.export_mb_s            our encryption path (scrypt at logN 18, STREAM, temp file, fsync,
 *                                  rename) on a zip-sized payload of random bytes
 *   archive.vs_age_cli             our throughput ÷ `age -p`'s on the same file, rounds interleaved
 *   archive.export.<stage>_ms      the encryption path taken apart on the same payload: scrypt,
 *                                  seal (ChaCha20-Poly1305 in memory), write (the ciphertext to a
 *                                  file, fsynced); scrypt runs on the thread pool while the rest goes on
 *   archive.full.<stage>_ms        a real ~20 MB practice exported stage by stage: collect (read the
 *                                  vault), render (notes and maps to files), deflate (zip), seal, write
 *   archive.export_full_mb_s       the same export in one go, through the app's handler
 *   archive.import_mb_s            preview (decrypt, unzip, check) + import transaction of that archive
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveHandlers } from '../electron/core/api/archive-handlers';
import { DEFAULT_SCRYPT_LOG_N, StreamSealer, beginEncryption } from '../electron/core/archive/age/age';
import { aead, aeadImplementations, scryptKey } from '../electron/core/archive/age/primitives';
import { collectArchive } from '../electron/core/archive/collect';
import { writeEncrypted } from '../electron/core/archive/export';
import { packArchive } from '../electron/core/archive/pack';
import { buildZip } from '../electron/core/archive/zip/write';
import { AppCore } from '../electron/core/app-core';
import { GOOD_PASSPHRASE, TEST_KDF } from '../tests/support/temp-vault';
import { ageCliMissing, runAgeWithPty } from '../tests/core/archive/age-cli';
import { bench, median, note, QUICK, run, startWindow } from './support/report';

const PASSPHRASE = 'harbour violet 27 copper meadow';
const MiB = 1024 * 1024;
const PAYLOAD_BYTES = (QUICK ? 16 : 50) * MiB;
const ROUNDS = QUICK ? 2 : 5;
const SESSIONS = QUICK ? 12 : 35;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const seconds = (since: number): number => (performance.now() - since) / 1000;
const list = (values: number[]): string => values.map((s) => s.toFixed(2)).join(' ');

async function ourEncryptSeconds(dir: string, payload: Buffer): Promise<number> {
  gc();
  const started = performance.now();
  await writeEncrypted(payload, join(dir, 'ours.confidante.age'), beginEncryption(PASSPHRASE, { logN: DEFAULT_SCRYPT_LOG_N }));
  return seconds(started);
}

async function ageCliSeconds(dir: string, file: string): Promise<number> {
  const run = await runAgeWithPty(['-p', '-o', join(dir, 'theirs.age'), file], PASSPHRASE, 120_000);
  if (run.code !== 0) throw new Error(`age -p failed: ${run.output}`);
  return run.workMs / 1000;
}

/** Our encryption path taken apart: the same work as writeEncrypted, one stage at a time. */
async function encryptionStages(dir: string, payload: Buffer): Promise<{ scrypt: number; seal: number; write: number }> {
  gc();
  let started = performance.now();
  await scryptKey(Buffer.from(PASSPHRASE), randomBytes(16), DEFAULT_SCRYPT_LOG_N);
  const scrypt = seconds(started);
  started = performance.now();
  const sealer = new StreamSealer(randomBytes(32));
  const chunks = [...sealer.push(payload), sealer.finish()];
  const seal = seconds(started);
  started = performance.now();
  const fd = openSync(join(dir, 'stage.bin'), 'w', 0o600);
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const write = seconds(started);
  return { scrypt, seal, write };
}

/** A zip is incompressible: random bytes stand in for the plaintext an export encrypts. */
async function encryptionBench(dir: string): Promise<void> {
  const payload = randomBytes(PAYLOAD_BYTES);
  const payloadFile = join(dir, 'payload.zip');
  writeFileSync(payloadFile, payload);
  const tinyFile = join(dir, 'one-byte');
  writeFileSync(tinyFile, 'x');
  const missing = ageCliMissing();
  const ours: number[] = [];
  const theirs: number[] = [];
  const theirsFixed: number[] = [];
  const stages: { scrypt: number; seal: number; write: number }[] = [];
  const measured = startWindow();
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so a busy moment on the machine weighs on both alike.
    ours.push(await ourEncryptSeconds(dir, payload));
    if (!missing) theirs.push(await ageCliSeconds(dir, payloadFile));
    stages.push(await encryptionStages(dir, payload));
    if (!missing) theirsFixed.push(await ageCliSeconds(dir, tinyFile));
  }
  const mb = PAYLOAD_BYTES / MiB;
  const oursMbS = mb / median(ours);
  note(`payload ${mb} MiB; cipher: ${aead === aeadImplementations.native ? 'native' : 'portable'}; our seconds ${list(ours)}`);
  bench('archive.export_mb_s', oursMbS, 'MB/s', measured);
  const stage = (pick: (s: (typeof stages)[number]) => number) => median(stages.map(pick)) * 1000;
  note(
    `where our time goes (medians): scrypt ${stage((s) => s.scrypt).toFixed(0)} ms on the thread pool, meanwhile seal ${stage((s) => s.seal).toFixed(0)} ms ` +
      `and write + fsync ${stage((s) => s.write).toFixed(0)} ms; the whole path ${(median(ours) * 1000).toFixed(0)} ms`,
  );
  bench('archive.export.scrypt_ms', stage((s) => s.scrypt), 'ms', measured);
  bench('archive.export.seal_ms', stage((s) => s.seal), 'ms', measured);
  bench('archive.export.write_ms', stage((s) => s.write), 'ms', measured);
  if (missing) {
    note(`archive.vs_age_cli skipped: ${missing}`);
    return;
  }
  const theirsMbS = mb / median(theirs);
  note(`age -p seconds ${list(theirs)} (${theirsMbS.toFixed(1)} MB/s); age -p on one byte (its scrypt and start-up) ${list(theirsFixed)}; age does not fsync, we do`);
  bench('archive.vs_age_cli', oursMbS / theirsMbS, 'ratio', measured);
}

/** A pen stroke as tldraw stores it: a float32 first point, then float16 deltas, base64. */
function penPath(points: number): string {
  const bytes = Buffer.alloc(12 + (points - 1) * 6);
  bytes.writeFloatLE(Math.random() * 800, 0);
  bytes.writeFloatLE(Math.random() * 600, 4);
  bytes.writeFloatLE(0.5, 8);
  for (let i = 1; i < points; i++) {
    // Small random deltas: float16 bit patterns around ±1..4.
    bytes.writeUInt16LE(0x3c00 + Math.floor(Math.random() * 0x0800) + (Math.random() < 0.5 ? 0x8000 : 0), 12 + (i - 1) * 6);
    bytes.writeUInt16LE(0x3c00 + Math.floor(Math.random() * 0x0800) + (Math.random() < 0.5 ? 0x8000 : 0), 14 + (i - 1) * 6);
    bytes.writeUInt16LE(0, 16 + (i - 1) * 6);
  }
  return bytes.toString('base64');
}

function bigMap(strokes: number): string {
  const store: Record<string, unknown> = { 'page:p': { id: 'page:p', typeName: 'page', name: 'Map', index: 'a1', meta: {} } };
  for (let i = 0; i < strokes; i++) {
    store[`shape:s${i}`] = {
      id: `shape:s${i}`,
      typeName: 'shape',
      type: 'draw',
      parentId: 'page:p',
      index: `a${i}`,
      x: (i % 10) * 90,
      y: Math.floor(i / 10) * 70,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { color: 'black', fill: 'none', dash: 'draw', size: 'm', segments: [{ type: 'free', path: penPath(1500) }], isComplete: true, isClosed: false, isPen: true, scale: 1, scaleX: 1, scaleY: 1 },
    };
  }
  return JSON.stringify({ document: { store, schema: { schemaVersion: 2, sequences: {} } } });
}

function words(count: number): string {
  const vocabulary = ['team', 'budget', 'clarity', 'decision', 'stakeholder', 'trust', 'feedback', 'role', 'energy', 'plan', 'priority', 'conflict'];
  return Array.from({ length: count }, () => vocabulary[Math.floor(Math.random() * vocabulary.length)]).join(' ');
}

async function openCore(dir: string, name: string): Promise<AppCore> {
  const core = new AppCore({ dir: join(dir, name), passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
  await core.vault.create(GOOD_PASSPHRASE);
  core.afterUnlock();
  return core;
}

/** A practice whose backup is about 20 MB (quick: ~7 MB): maps full of pen strokes (which barely compress), and notes. */
async function exportAndImportBench(dir: string): Promise<void> {
  const source = await openCore(dir, 'source');
  const coachee = source.repos.coachees.create({ name: 'Bench Coachee' });
  source.repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
  for (let s = 0; s < SESSIONS; s++) {
    const session = source.repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: `Session ${s}: ${words(8)}`, startedAt: new Date(Date.UTC(2025, 0, 1 + s)).toISOString() });
    const text = words(3000);
    const lexical = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } });
    source.repos.notes.save(session.id, lexical, text);
    source.repos.maps.save(session.id, bigMap(100));
    for (let a = 0; a < 5; a++) source.repos.answers.create({ sessionId: session.id, promptId: `deck-${a}`, promptText: words(10), category: 'values', intensity: 'direct', answer: words(60) });
  }

  // Stage by stage, as writeArchive runs them (collect → render → deflate → seal → write).
  const stagesWindow = startWindow();
  const stages: Record<'collect' | 'render' | 'deflate' | 'seal' | 'write', number[]> = { collect: [], render: [], deflate: [], seal: [], write: [] };
  for (let round = 0; round < ROUNDS; round++) {
    gc();
    let t = performance.now();
    const content = collectArchive(source.repos, { kind: 'vault' }, 'backup', { appVersion: 'bench', createdAt: new Date().toISOString() });
    stages.collect.push(performance.now() - t);
    t = performance.now();
    const entries = packArchive(content);
    stages.render.push(performance.now() - t);
    t = performance.now();
    const zip = await buildZip(entries, { mtime: new Date(content.createdAt) });
    stages.deflate.push(performance.now() - t);
    t = performance.now();
    const sealer = new StreamSealer(randomBytes(32));
    const sealed = [...sealer.push(zip), sealer.finish()];
    stages.seal.push(performance.now() - t);
    t = performance.now();
    const fd = openSync(join(dir, 'stages.age'), 'w', 0o600);
    try {
      for (const chunk of sealed) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    stages.write.push(performance.now() - t);
    if (round === 0) {
      note(`full export: ${entries.length} zip entries, ${(entries.reduce((n, e) => n + e.data.length, 0) / MiB).toFixed(1)} MiB rendered, zip ${(zip.length / MiB).toFixed(1)} MiB`);
      // What a cheaper deflate level would buy (the app uses buildZip's default level).
      for (const level of [1, 6]) {
        const l0 = performance.now();
        const other = await buildZip(entries, { mtime: new Date(content.createdAt), level });
        note(`  deflate at level ${level}: ${(performance.now() - l0).toFixed(0)} ms, zip ${(other.length / MiB).toFixed(1)} MiB`);
      }
    }
  }
  const total = Object.values(stages).reduce((sum, samples) => sum + median(samples), 0);
  note(
    `where a full export's time goes (medians, scrypt aside: it runs on the thread pool meanwhile): ` +
      Object.entries(stages)
        .map(([name, samples]) => `${name} ${median(samples).toFixed(0)} ms (${((100 * median(samples)) / total).toFixed(0)}%)`)
        .join(', '),
  );
  for (const [name, samples] of Object.entries(stages)) bench(`archive.full.${name}_ms`, median(samples), 'ms', stagesWindow);

  const destination = join(dir, 'practice.confidante.age');
  const exporter = createArchiveHandlers(source, { appVersion: 'bench', chooseDestination: async () => destination });
  gc();
  const exportWindow = startWindow();
  let started = performance.now();
  await exporter.archiveExport({ scope: { kind: 'vault' }, purpose: 'backup', passphrase: PASSPHRASE, confirm: PASSPHRASE, operationId: '00000000-0000-4000-8000-000000000001' });
  const exportSeconds = seconds(started);
  const archiveMb = statSync(destination).size / MiB;
  note(`real archive: ${archiveMb.toFixed(1)} MB, full export ${exportSeconds.toFixed(2)} s (collect, render, zip, encrypt, with scrypt at logN ${DEFAULT_SCRYPT_LOG_N})`);
  bench('archive.export_full_mb_s', archiveMb / exportSeconds, 'MB/s', exportWindow);
  source.close();

  const target = await openCore(dir, 'target');
  const importer = createArchiveHandlers(target, { appVersion: 'bench', chooseDestination: async () => null });
  const base64 = readFileSync(destination).toString('base64');
  gc();
  const importWindow = startWindow();
  started = performance.now();
  const preview = await importer.archivePreview({ base64, passphrase: PASSPHRASE });
  const previewSeconds = seconds(started);
  await importer.archiveImport({ importToken: preview.importToken, resolutions: {} });
  const importSeconds = seconds(started);
  bench('archive.import_mb_s', archiveMb / importSeconds, 'MB/s', importWindow);
  note(`import ${importSeconds.toFixed(2)} s, of which preview (scrypt, decrypt, unzip, checks) ${previewSeconds.toFixed(2)} s`);
  target.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confidante-bench-archive-'));
  try {
    await encryptionBench(dir);
    await exportAndImportBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run('archive', main);
