/**
 * Automatic backups of the 10,000-note vault (bench/support/vault-seed.ts), with the app's real
 * code: the backup service and its worker thread (snapshot on the worker's own read-only
 * connection, pack, zip, age at the production work factor, the atomic writer) and its restore
 * drill (read back, decrypt, every checksum, every record, the counts). The worker is bundled
 * first, as the app's build does (electron/core/backup/worker.ts).
 *
 *   backup.whole_vault_s                        one backup of the 10,000-note vault, snapshot to verified, every note
 *                                               rendered afresh (the first backup after an unlock; median)
 *   backup.after_session_s                      the backup after a session: one note changed, the others' renders kept
 *   backup.event_loop_delay_max_ms              the longest the calling thread's event loop was held during a backup
 *                                               (it stands for Electron's main process; the backup itself runs in its worker)
 *   backup.peak_rss_mib                         the process's peak resident memory during the whole-vault backups (worker included)
 *   backup.live_session_keystroke_p95_ms        keydown → next frame in the session's notes while backups run
 *   backup.live_session_keystroke_baseline_p95_ms  the same keystrokes with no backup running
 *
 * The keystrokes are typed in Chromium against the preview server (built renderer + real core in
 * this process, as in bench/ui.bench.ts), in alternating rounds with and without a backup, so drift
 * on the machine weighs on both. Requires `npx electron-vite build` first (out/renderer).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BackupPhase } from '../shared/domain/backup';
import type { StageMemory } from '../electron/core/backup/memory';
import { createCoachHandlers } from '../electron/core/api/coach-handlers';
import { AppCore } from '../electron/core/app-core';
import { backupWorkerBundle, launch, probes } from './support/browser';
import { BENCH_PASSPHRASE, createVault, openCoachee, until } from './support/ui-steps';
import { QUICK, bench, describe, median, note, p95, run, startWindow } from './support/report';
import { seedVault } from './support/vault-seed';
import { lexicalNote, prng, topicsFor } from './support/words';

// --quick: a tenth of the vault and one round, for everyday use.
const NOTES = QUICK ? 500 : 10_000;
const BACKUPS = QUICK ? 1 : 3;
const ROUNDS = QUICK ? 1 : 3;
const KEYSTROKES = QUICK ? 40 : 120;
const WARMUP_KEYSTROKES = 20;
const KEY_DELAY_MS = 40;
const BACKUP_PASSPHRASE = 'quiet harbour 58 amber falcon';
const LIVE_COACHEE = 'Maya Lindqvist';
const EDITABLE = 'section[aria-label="Talk-through notes"]:not([hidden]) [contenteditable="true"][aria-label="Session notes"]';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** One backup, timed from its first progress event to its record, with its phases. */
async function timedBackup(core: AppCore, start: () => unknown): Promise<{ seconds: number; phases: Partial<Record<BackupPhase, number>>; verified: boolean; bytes: number }> {
  const phases: Partial<Record<BackupPhase, number>> = {};
  // In an object: TypeScript does not follow assignments made inside the listener.
  const current: { phase: BackupPhase | null; at: number } = { phase: null, at: 0 };
  const close = (now: number) => {
    if (current.phase) phases[current.phase] = (phases[current.phase] ?? 0) + (now - current.at);
  };
  const stop = core.onEvent((event) => {
    if (event.type !== 'backup-progress' || event.phase === current.phase) return;
    const now = performance.now();
    close(now);
    current.phase = event.phase as BackupPhase;
    current.at = now;
  });
  const t0 = performance.now();
  start();
  await core.backups.whenIdle();
  const seconds = (performance.now() - t0) / 1000;
  close(performance.now());
  stop();
  const newest = core.backups.overview().backups[0];
  return { seconds, phases, verified: newest?.drill.state === 'verified', bytes: newest?.bytes ?? 0 };
}

/** The worker's peak memory per stage: RSS is the whole process's, the rest the worker's own. */
function memoryLines(stages: readonly StageMemory[]): string {
  return stages
    .map((s) => `  ${s.stage.padEnd(13)} rss ${mib(s.rss).padStart(8)}  worker heap ${mib(s.heapUsed).padStart(8)}  external ${mib(s.external).padStart(8)}  arrayBuffers ${mib(s.arrayBuffers).padStart(8)}`)
    .join('\n');
}

/** This (calling) thread's own memory: the seeded vault, the service; the worker's is not in heapUsed. */
function mainLine(): string {
  const usage = process.memoryUsage();
  return `rss ${mib(usage.rss)}, this thread's heap ${mib(usage.heapUsed)}, external ${mib(usage.external)}, arrayBuffers ${mib(usage.arrayBuffers)}`;
}

function phaseLine(phases: Partial<Record<BackupPhase, number>>): string {
  return Object.entries(phases)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
}

/** 1. The whole 10,000-note vault, backed up and checked, with nothing else going on. */
async function wholeVault(root: string, workerPath: string): Promise<void> {
  const core = new AppCore({ dir: join(root, 'data'), backup: { workerPath } });
  const handlers = createCoachHandlers(core, { appVersion: 'bench', saveFile: async () => ({ saved: false, path: null }), chooseDestination: async () => null });
  try {
    await handlers.vaultCreate({ passphrase: BENCH_PASSPHRASE, confirm: BENCH_PASSPHRASE });
    const t0 = performance.now();
    const seeded = seedVault(core.vault.db, core.repos, NOTES);
    note(`vault: ${seeded.shape.coachees} coachees, ${NOTES} sessions with ~2 KB notes, ${seeded.mapSessionIds.length} maps, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const folder = join(root, 'backups');
    mkdirSync(folder);
    // Backups on: the first runs at once (a warm-up); then the measured ones, on request.
    await handlers.backupConfigure({ folder, passphrase: BACKUP_PASSPHRASE, confirm: BACKUP_PASSPHRASE });
    await core.backups.whenIdle();
    const runs: number[] = [];
    const delays: number[] = [];
    let rss = 0;
    for (let i = 0; i < BACKUPS; i += 1) {
      // As after an unlock: no note's render is kept from an earlier backup.
      core.backups.forgetRenders();
      gc();
      note(`before backup ${i + 1} (calling thread, after a GC): ${mainLine()}`);
      let mainPeak = 0;
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const watchMemory = setInterval(() => {
        const usage = process.memoryUsage();
        rss = Math.max(rss, usage.rss);
        mainPeak = Math.max(mainPeak, usage.heapUsed + usage.external);
      }, 100);
      const result = await timedBackup(core, () => core.backups.runNow());
      clearInterval(watchMemory);
      loop.disable();
      if (!result.verified) throw new Error('a benchmark backup did not verify');
      runs.push(result.seconds);
      delays.push(loop.max / 1e6);
      note(
        `backup ${i + 1}: ${result.seconds.toFixed(1)} s (${phaseLine(result.phases)}), ${mib(result.bytes)} file; calling thread's event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms; worker heap peak ${mib(core.backups.lastRun?.peakHeapBytes ?? 0)}`,
      );
      note(`backup ${i + 1}, peak memory by stage (rss: the whole process; heap, external, arrayBuffers: the worker's own):\n${memoryLines(core.backups.lastRun?.memory ?? [])}`);
      note(`backup ${i + 1}: the calling thread's own heap + external peaked at ${mib(mainPeak)}`);
    }
    note(`peak resident memory during the backups: ${mib(rss)}`);
    bench('backup.whole_vault_s', median(runs), 's');
    bench('backup.event_loop_delay_max_ms', Math.max(...delays), 'ms');
    bench('backup.peak_rss_mib', rss / 1024 / 1024, 'MiB');

    // After a session: one session's note changed; the other notes' renders are kept from the last backup.
    const warm: number[] = [];
    for (let i = 0; i < BACKUPS; i += 1) {
      const sessionId = seeded.sessionIds[seeded.sessionIds.length - 1 - i]!;
      const changed = lexicalNote(2048, prng(100 + i), topicsFor(3));
      core.repos.notes.save(sessionId, changed.lexicalJson, changed.plainText);
      const misses = core.backups.lastRun?.renders.misses ?? 0;
      const result = await timedBackup(core, () => core.backups.runNow());
      if (!result.verified) throw new Error('a benchmark backup did not verify');
      warm.push(result.seconds);
      note(`backup after a session ${i + 1}: ${result.seconds.toFixed(1)} s (${phaseLine(result.phases)}); notes rendered afresh: ${(core.backups.lastRun?.renders.misses ?? 0) - misses}`);
    }
    bench('backup.after_session_s', median(warm), 's');
  } finally {
    core.close();
  }
}

/** 2. Typing in a live session, with and without a backup of the 10,000-note vault running. */
async function liveSession(): Promise<void> {
  const harness = await launch('backup');
  try {
    const { page, preview } = harness;
    await createVault(page);
    const core = preview.core;
    seedVault(core.vault.db, core.repos, NOTES);
    // The live session: a coachee with an open talk session and a page of notes already.
    const repos = core.repos;
    const coachee = repos.coachees.create({ name: LIVE_COACHEE, role: 'Head of Product', organisation: 'Northwind', preferredMode: 'talk' });
    repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
    const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'Bench: typing while a backup runs', wayOfWorking: 'talk' });
    const existing = lexicalNote(3000, prng(5), topicsFor(9));
    repos.notes.save(session.id, existing.lexicalJson, existing.plainText);

    const folder = mkdtempSync(join(tmpdir(), 'confidante-bench-backups-'));
    try {
      await core.backups.updateConfig({ folder, passphrase: BACKUP_PASSPHRASE });
      await core.backups.whenIdle();
      await page.reload();
      await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
      await openCoachee(page, LIVE_COACHEE);
      await page.getByRole('button', { name: 'Resume session' }).click();
      await page.locator(EDITABLE).waitFor();
      await page.locator(EDITABLE).click();
      await page.keyboard.press('Control+End');
      await until('the caret at the end of the note', () => probes.caretAtEnd(page, EDITABLE), 5000);
      const sentence = ' and then she said the board would decide about the roadmap next week';
      const text = (length: number) => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
      await page.keyboard.type(text(WARMUP_KEYSTROKES), { delay: KEY_DELAY_MS });

      const type = async (): Promise<number[]> => {
        await probes.keysStart(page, EDITABLE);
        await page.keyboard.type(text(KEYSTROKES), { delay: KEY_DELAY_MS });
        await new Promise((resolve) => setTimeout(resolve, 300));
        return (await probes.keysStop(page)).samples.map((sample) => sample.frame);
      };

      const without: number[] = [];
      const during: number[] = [];
      const window = startWindow();
      let overlapped = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        gc();
        without.push(...(await type()));
        // A backup of the whole vault starts (every note rendered afresh, the longest kind); the coach goes on typing.
        core.backups.forgetRenders();
        const started = performance.now();
        const { operationId } = core.backups.runNow();
        const samples = await type();
        const stillRunning = core.backups.overview().running?.operationId === operationId;
        if (stillRunning) overlapped += 1;
        during.push(...samples);
        await core.backups.whenIdle();
        note(`round ${round + 1}: backup ${((performance.now() - started) / 1000).toFixed(1)} s, ${stillRunning ? 'still running when the typing ended' : 'finished before the typing ended'}`);
      }
      note(`rounds whose whole typing ran during a backup: ${overlapped} of ${ROUNDS}`);
      note(`keydown → next frame without a backup: ${describe(without)}`);
      note(`keydown → next frame during a backup: ${describe(during)}`);
      note(`difference of the p95s: ${(p95(during) - p95(without)).toFixed(2)} ms (target: within 2 ms)`);
      bench('backup.live_session_keystroke_p95_ms', p95(during), 'ms', window);
      bench('backup.live_session_keystroke_baseline_p95_ms', p95(without), 'ms', window);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'confidante-bench-backup-'));
  // The backup service's timers do not keep a process alive (the app and the preview server have
  // their own reasons to live); this benchmark has none but its waiting, so it keeps itself alive.
  const alive = setInterval(() => undefined, 1000);
  try {
    // Worker threads run files, not TypeScript: the backup worker bundled once, for the whole-vault
    // runs here and the live session's preview server (bench/support/browser.ts) alike.
    await wholeVault(root, await backupWorkerBundle());
    await liveSession();
  } finally {
    clearInterval(alive);
    rmSync(root, { recursive: true, force: true });
  }
}

run('backup', main);
