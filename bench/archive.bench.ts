// Archive export and import throughput. Prints `BENCH <name> <value> <unit>` lines:
//   archive.export_mb_s   our export path's encryption (scrypt at logN 18, STREAM, temp file, fsync, rename) on 50 MiB
//   archive.vs_age_cli    our throughput ÷ `age -p`'s on the same 50 MiB file, same run (target ≥ 0.5)
//   archive.import_mb_s   preview (decrypt, unzip, check) + import transaction of a ~50 MB real archive
// plus the full export (read, render, zip, encrypt) of that archive for context.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveHandlers } from '../electron/core/api/archive-handlers';
import { DEFAULT_SCRYPT_LOG_N, beginEncryption } from '../electron/core/archive/age/age';
import { aead, aeadImplementations } from '../electron/core/archive/age/primitives';
import { writeEncrypted } from '../electron/core/archive/export';
import { AppCore } from '../electron/core/app-core';
import { GOOD_PASSPHRASE, TEST_KDF } from '../tests/support/temp-vault';
import { ageCliMissing, runAgeWithPty } from '../tests/core/archive/age-cli';

const PASSPHRASE = 'harbour violet 27 copper meadow';
const MiB = 1024 * 1024;
const PAYLOAD_BYTES = 50 * MiB;
const ROUNDS = 3;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (name: string, value: number, unit: string) => console.log(`BENCH ${name} ${value.toFixed(2)} ${unit}`);

const dir = mkdtempSync(join(tmpdir(), 'confidante-bench-archive-'));

async function ourEncryptSeconds(payload: Buffer): Promise<number> {
  gc();
  const started = performance.now();
  await writeEncrypted(payload, join(dir, 'ours.confidante.age'), beginEncryption(PASSPHRASE, { logN: DEFAULT_SCRYPT_LOG_N }));
  return (performance.now() - started) / 1000;
}

async function ageCliSeconds(payloadFile: string): Promise<number> {
  const run = await runAgeWithPty(['-p', '-o', join(dir, 'theirs.age'), payloadFile], PASSPHRASE, 120_000);
  if (run.code !== 0) throw new Error(`age -p failed: ${run.output}`);
  return run.workMs / 1000;
}

/** A zip is incompressible: random bytes stand in for the plaintext an export encrypts. */
async function encryptionBench(): Promise<void> {
  const payload = randomBytes(PAYLOAD_BYTES);
  const payloadFile = join(dir, 'payload.zip');
  writeFileSync(payloadFile, payload);
  const missing = ageCliMissing();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so a busy moment on the machine weighs on both alike.
    ours.push(await ourEncryptSeconds(payload));
    if (!missing) theirs.push(await ageCliSeconds(payloadFile));
  }
  const oursMbS = PAYLOAD_BYTES / MiB / median(ours);
  report('archive.export_mb_s', oursMbS, 'MB/s');
  console.log(`# cipher: ${aead === aeadImplementations.native ? 'native' : 'portable'}; our seconds ${ours.map((s) => s.toFixed(2)).join(' ')}`);
  if (missing) {
    console.log(`# archive.vs_age_cli skipped: ${missing}`);
    return;
  }
  const theirsMbS = PAYLOAD_BYTES / MiB / median(theirs);
  console.log(`# age -p seconds ${theirs.map((s) => s.toFixed(2)).join(' ')} (${theirsMbS.toFixed(1)} MB/s)`);
  report('archive.vs_age_cli', oursMbS / theirsMbS, 'ratio');
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

async function openCore(name: string): Promise<AppCore> {
  const core = new AppCore({ dir: join(dir, name), passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
  await core.vault.create(GOOD_PASSPHRASE);
  core.afterUnlock();
  return core;
}

/** A practice whose backup is about 50 MB: maps full of pen strokes (which barely compress), and notes. */
async function importBench(): Promise<void> {
  const source = await openCore('source');
  const coachee = source.repos.coachees.create({ name: 'Bench Coachee' });
  source.repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
  for (let s = 0; s < 35; s++) {
    const session = source.repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: `Session ${s}: ${words(8)}`, startedAt: new Date(Date.UTC(2025, 0, 1 + s)).toISOString() });
    const text = words(3000);
    const lexical = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } });
    source.repos.notes.save(session.id, lexical, text);
    source.repos.maps.save(session.id, bigMap(100));
    for (let a = 0; a < 5; a++) source.repos.answers.create({ sessionId: session.id, promptId: `deck-${a}`, promptText: words(10), category: 'values', intensity: 'direct', answer: words(60) });
  }

  const destination = join(dir, 'practice.confidante.age');
  const exporter = createArchiveHandlers(source, { appVersion: 'bench', chooseDestination: async () => destination });
  gc();
  let started = performance.now();
  await exporter.archiveExport({ scope: { kind: 'vault' }, purpose: 'backup', passphrase: PASSPHRASE, confirm: PASSPHRASE, operationId: '00000000-0000-4000-8000-000000000001' });
  const exportSeconds = (performance.now() - started) / 1000;
  const archiveMb = statSync(destination).size / MiB;
  report('archive.export_full_mb_s', archiveMb / exportSeconds, 'MB/s');
  console.log(`# real archive: ${archiveMb.toFixed(1)} MB, full export ${exportSeconds.toFixed(2)} s (read, render, zip, encrypt)`);
  source.close();

  const target = await openCore('target');
  const importer = createArchiveHandlers(target, { appVersion: 'bench', chooseDestination: async () => null });
  const base64 = readFileSync(destination).toString('base64');
  gc();
  started = performance.now();
  const preview = await importer.archivePreview({ base64, passphrase: PASSPHRASE });
  const previewSeconds = (performance.now() - started) / 1000;
  await importer.archiveImport({ importToken: preview.importToken, resolutions: {} });
  const importSeconds = (performance.now() - started) / 1000;
  report('archive.import_mb_s', archiveMb / importSeconds, 'MB/s');
  console.log(`# import ${importSeconds.toFixed(2)} s, of which preview (scrypt, decrypt, unzip, checks) ${previewSeconds.toFixed(2)} s`);
  target.close();
}

try {
  await encryptionBench();
  await importBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
