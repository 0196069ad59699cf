/**
 * The coach's UI in Chromium against the preview server (built renderer + real core, production
 * KDF), timed inside the page: from the click (or keydown) to the frame that shows the result.
 *
 *   ui.unlock_to_home_ms            Unlock clicked → home painted (its overview and the coachee list), KDF included
 *   ui.open_session_notes_ms        timeline click → notes editor showing the note (median; _p95_ms too)
 *   ui.open_session_map_ms          timeline click → canvas showing the saved map (median; _p95_ms too)
 *   ui.open_session_ms              the worse of the two
 *   ui.open_map_200_labelled_ms     timeline click → a saved map of 200 labelled shapes, all in the DOM and painted (median)
 *   ui.map_drag_frame_p95_ms        while a shape of that map is dragged: p95 of the interval between frames
 *                                   (16.7 ms is every frame at 60 Hz; a dropped frame counts 33.3)
 *   ui.canvas_load_2000_shapes_ms   timeline click → all 2,000 shapes of a saved map in the DOM and painted
 *                                   (a stress figure, full runs only; a CPU profile of one open says where the time goes)
 *   ui.notes_keystroke_p95_ms       keydown → next frame after the editor's DOM changed, in a 20,000-word note
 *
 * Requires `npx electron-vite build` first (out/renderer).
 */
import type { Page } from 'playwright-core';
import { bigNoteJson } from '../renderer/src/features/notes/generate';
import { deriveKey, newScryptParams, PASSPHRASE_KDF } from '../electron/core/vault/kdf';
import { launch, probeDrag, probes, profileTop } from './support/browser';
import { geoShapeCount, replicateGeoShape } from './support/map-snapshot';
import type { ReadyCondition, Stages } from './support/page-probes';
import { bench, describe, median, note, p95, QUICK, run, startWindow } from './support/report';
import { lexicalPlainText, seedBenchCoachee, seedSession, seedWorkspace } from './support/seed';
import { BENCH_PASSPHRASE, createVault, lock, openCoachee, until } from './support/ui-steps';
import { lexicalNote, prng, topicsFor } from './support/words';

const OTHER_COACHEES = 24;
const UNLOCK_RUNS = QUICK ? 1 : 7;
const OPEN_RUNS = QUICK ? 2 : 15;
const MAP_200_RUNS = QUICK ? 2 : 15;
const CANVAS_RUNS = 4;
const UNLABELLED_RUNS = QUICK ? 0 : 2;
const MAP_SHAPES = 200;
const BIG_MAP_SHAPES = 2000;
const NOTE_WORDS = 20_000;
const KEYSTROKES = QUICK ? 40 : 300;
const WARMUP_KEYSTROKES = 30;
const KEY_DELAY_MS = 40;

const NOTES_SECTION = 'section[aria-label="Talk-through notes"]:not([hidden])';
const MAP_SECTION = 'section[aria-label="System map"]:not([hidden])';
const EDITABLE = `${NOTES_SECTION} [contenteditable="true"][aria-label="Session notes"]`;

const CONTRACTS = {
  notes: 'Bench: a talk session to reopen',
  map: 'Bench: a drawn system to reopen',
  map200: 'Bench: a map of two hundred shapes',
  bigMap: 'Bench: a map of two thousand shapes',
  bareMap: 'Bench: two thousand shapes without labels',
  longNote: 'Bench: twenty thousand words of notes',
} as const;

/** Back from a session to the coachee's page, its timeline showing `sessions` sessions. */
async function backToCoachee(page: Page, sessions: number): Promise<void> {
  await probes.clickAndWait(page, { click: '.session__who button.link', ready: [{ selector: '.timeline__open', min: sessions }], timeoutMs: 60_000 });
}

function openSession(page: Page, contract: string, ready: ReadyCondition[]): Promise<Stages> {
  return probes.clickAndWait(page, { click: '.timeline__open', text: contract, ready, timeoutMs: 60_000 });
}

async function main(): Promise<void> {
  const harness = await launch('ui');
  try {
    const { page, preview } = harness;
    await createVault(page);

    // A lived-in vault, written straight through the core (the vault is unlocked behind the page).
    const repos = preview.core.repos;
    seedWorkspace(repos, OTHER_COACHEES);
    const maya = seedBenchCoachee(repos, 'Maya Lindqvist', 'draw');
    const notesNote = lexicalNote(4000, prng(11), topicsFor(77));
    const notesSession = seedSession(repos, maya.id, CONTRACTS.notes, 'talk', 4);
    repos.notes.save(notesSession, notesNote.lexicalJson, notesNote.plainText);
    const mapSession = seedSession(repos, maya.id, CONTRACTS.map, 'draw', 3);
    const map200Session = seedSession(repos, maya.id, CONTRACTS.map200, 'draw', 2.5);
    const bigMapSession = seedSession(repos, maya.id, CONTRACTS.bigMap, 'draw', 2);
    const bareMapSession = seedSession(repos, maya.id, CONTRACTS.bareMap, 'draw', 1.5);
    const longNoteSession = seedSession(repos, maya.id, CONTRACTS.longNote, 'talk', 1);
    const longJson = bigNoteJson(NOTE_WORDS);
    repos.notes.save(longNoteSession, longJson, lexicalPlainText(longJson));
    const timeline = maya.history + 6;
    const coacheeCount = OTHER_COACHEES + 1;
    note(`vault: ${coacheeCount} coachees, ${repos.coachees.list().reduce((n, c) => n + repos.sessions.listByCoachee(c.id).length, 0)} sessions`);
    // The page learns about the seeded coachees on its next load.
    await page.reload();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();

    // 1. Unlock → home. Time the server's share too: the KDF and opening the database happen there.
    const serverUnlock: number[] = [];
    const vault = preview.core.vault;
    const realUnlock = vault.unlock.bind(vault);
    vault.unlock = async (passphrase: string) => {
      const t0 = performance.now();
      await realUnlock(passphrase);
      serverUnlock.push(performance.now() - t0);
    };
    const home: ReadyCondition[] = [
      { selector: 'button[title^="Lock the vault"]' },
      { selector: '.home h1' },
      { selector: '.home__grid' },
      { selector: 'nav[aria-label="Coachees"] .coachee-list__item', min: coacheeCount },
    ];
    const unlockWindow = startWindow();
    const unlocks: Stages[] = [];
    for (let i = 0; i < UNLOCK_RUNS + 1; i += 1) {
      await lock(page);
      await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
      const stages = await probes.clickAndWait(page, { click: 'form button[type="submit"]', text: 'Unlock', ready: home, timeoutMs: 60_000 });
      if (i > 0) unlocks.push(stages);
    }
    serverUnlock.shift();
    const kdf: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      await deriveKey(BENCH_PASSPHRASE, newScryptParams(PASSPHRASE_KDF));
      kdf.push(performance.now() - t0);
    }
    const unlockMs = median(unlocks.map((s) => s.paint));
    note(`unlock → home painted: ${describe(unlocks.map((s) => s.paint))} (DOM ready median ${median(unlocks.map((s) => s.dom)).toFixed(0)} ms)`);
    note(
      `unlock: KDF ${median(kdf).toFixed(0)} ms = ${((100 * median(kdf)) / unlockMs).toFixed(0)}% of it; the server's vault.unlock (KDF + open + migrate) median ${median(serverUnlock).toFixed(0)} ms; the rest is HTTP, React and the home screen's queries`,
    );
    bench('ui.unlock_to_home_ms', unlockMs, 'ms', unlockWindow);

    // 2. A real saved map, from a template, through the UI; then the 2,000-shape map made from it.
    await openCoachee(page, maya.name);
    await openSession(page, CONTRACTS.map, [{ selector: `${MAP_SECTION} .tl-canvas` }]);
    await page.getByRole('button', { name: /Stakeholder map/ }).click();
    // Each lock closes the database: ask the core for the current repositories.
    const templateJson = await until('the template map to be saved', () => preview.core.repos.maps.get(mapSession)?.snapshotJson);
    const templateShapes = geoShapeCount(templateJson);
    preview.core.repos.maps.save(map200Session, replicateGeoShape(templateJson, MAP_SHAPES));
    // The 2,000-shape stress maps: a full run only (each open takes seconds; --quick keeps to two minutes).
    if (!QUICK) {
      preview.core.repos.maps.save(bigMapSession, replicateGeoShape(templateJson, BIG_MAP_SHAPES));
      preview.core.repos.maps.save(bareMapSession, replicateGeoShape(templateJson, BIG_MAP_SHAPES, false));
    }
    note(`map: the "Stakeholder map" template saved ${templateShapes} shapes (${templateJson.length} B); the big map has ${BIG_MAP_SHAPES}`);
    await backToCoachee(page, timeline);

    // 3. Open a session from the timeline, notes and map alternately; the first of each is cold.
    const notesReady: ReadyCondition[] = [{ selector: `${EDITABLE} p`, min: 3 }];
    const mapReady: ReadyCondition[] = [{ selector: `${MAP_SECTION} .tl-canvas` }, { selector: `${MAP_SECTION} .tl-shape`, min: templateShapes }];
    const opensWindow = startWindow();
    const opens = { notes: [] as Stages[], map: [] as Stages[] };
    for (let i = 0; i < OPEN_RUNS + 1; i += 1) {
      const notes = await openSession(page, CONTRACTS.notes, notesReady);
      await backToCoachee(page, timeline);
      const map = await openSession(page, CONTRACTS.map, mapReady);
      await backToCoachee(page, timeline);
      if (i === 0) {
        note(`open session, first time: notes ${notes.paint.toFixed(0)} ms, map ${map.paint.toFixed(0)} ms`);
        continue;
      }
      opens.notes.push(notes);
      opens.map.push(map);
    }
    for (const [mode, samples] of Object.entries(opens)) {
      note(`open session (${mode}) → painted: ${describe(samples.map((s) => s.paint))}; DOM ready median ${median(samples.map((s) => s.dom)).toFixed(0)} ms`);
    }
    const notesOpen = median(opens.notes.map((s) => s.paint));
    const mapOpen = median(opens.map.map((s) => s.paint));
    bench('ui.open_session_notes_ms', notesOpen, 'ms', opensWindow);
    bench('ui.open_session_notes_p95_ms', p95(opens.notes.map((s) => s.paint)), 'ms', opensWindow);
    bench('ui.open_session_map_ms', mapOpen, 'ms', opensWindow);
    bench('ui.open_session_map_p95_ms', p95(opens.map.map((s) => s.paint)), 'ms', opensWindow);
    bench('ui.open_session_ms', Math.max(notesOpen, mapOpen), 'ms', opensWindow);

    // 4. A map of realistic size: 200 labelled shapes, reopened; then a shape dragged across it.
    const map200Ready: ReadyCondition[] = [{ selector: `${MAP_SECTION} .tl-shape`, min: MAP_SHAPES }];
    const map200Window = startWindow();
    const map200: Stages[] = [];
    for (let i = 0; i < MAP_200_RUNS + 1; i += 1) {
      const stages = await openSession(page, CONTRACTS.map200, map200Ready);
      const shapes = await probes.count(page, `${MAP_SECTION} .tl-shape`);
      if (shapes !== MAP_SHAPES) throw new Error(`expected ${MAP_SHAPES} shapes, saw ${shapes}`);
      if (i === MAP_200_RUNS) break; // stay on the last one: the drag happens there
      await backToCoachee(page, timeline);
      if (i === 0) note(`200 labelled shapes, first time: ${stages.paint.toFixed(0)} ms`);
      else map200.push(stages);
    }
    note(`200 labelled shapes → painted: ${describe(map200.map((s) => s.paint))}; DOM complete median ${median(map200.map((s) => s.dom)).toFixed(0)} ms`);
    bench('ui.open_map_200_labelled_ms', median(map200.map((s) => s.paint)), 'ms', map200Window);

    const dragWindow = startWindow();
    const drag = await probeDrag(page, `${MAP_SECTION} .tl-shape[data-shape-id="shape:0"]`, QUICK ? 40 : 150);
    note(
      `drag of one shape among ${MAP_SHAPES}: ${drag.moves} pointer moves over ${drag.ms.toFixed(0)} ms, ${drag.intervals.length} frames; ` +
        `frame intervals ${describe(drag.intervals)}; ${drag.intervals.filter((ms) => ms > 17.5).length} longer than one 60 Hz frame; the shape moved ${drag.moved ? 'yes' : 'NO'}`,
    );
    if (!drag.moved) throw new Error('the dragged shape did not move');
    bench('ui.map_drag_frame_p95_ms', p95(drag.intervals), 'ms', dragWindow);
    await backToCoachee(page, timeline);

    // 5. The 2,000-shape map reopened (stress): every shape in the DOM, then painted.
    const bigReady: ReadyCondition[] = [{ selector: `${MAP_SECTION} .tl-shape`, min: BIG_MAP_SHAPES }];
    const bigWindow = startWindow();
    const loads: Stages[] = [];
    for (let i = 0; i < (QUICK ? 0 : CANVAS_RUNS + 1); i += 1) {
      const stages = await openSession(page, CONTRACTS.bigMap, bigReady);
      const shapes = await probes.count(page, `${MAP_SECTION} .tl-shape`);
      await backToCoachee(page, timeline);
      if (shapes !== BIG_MAP_SHAPES) throw new Error(`expected ${BIG_MAP_SHAPES} shapes, saw ${shapes}`);
      // The first open is cold: printed apart, left out of the figure.
      if (i === 0) note(`2,000 shapes, first time: ${stages.paint.toFixed(0)} ms`);
      else loads.push(stages);
    }
    if (loads.length > 0) note(`2,000 shapes → painted: ${describe(loads.map((s) => s.paint))}; DOM complete median ${median(loads.map((s) => s.dom)).toFixed(0)} ms`);
    // Where the time goes: a CPU profile of one more open, by self time (not in a quick run).
    if (!QUICK) {
      const top = await profileTop(page, () => openSession(page, CONTRACTS.bigMap, bigReady));
      await backToCoachee(page, timeline);
      note(`profile of one 2,000-shape open (self time): ${top.map((f) => `${f.name} ${f.ms.toFixed(0)} ms (${(100 * f.share).toFixed(0)}%)`).join('; ')}`);
    }
    // For context: the same map with empty labels (tldraw measures every label in the DOM when the map opens).
    const bare: number[] = [];
    for (let i = 0; i < UNLABELLED_RUNS; i += 1) {
      bare.push((await openSession(page, CONTRACTS.bareMap, bigReady)).paint);
      await backToCoachee(page, timeline);
    }
    if (bare.length > 0) note(`2,000 shapes without labels → painted: ${describe(bare)}`);
    if (loads.length > 0) bench('ui.canvas_load_2000_shapes_ms', median(loads.map((s) => s.paint)), 'ms', bigWindow);

    // 6. Typing at the end of a 20,000-word note.
    const opened = await openSession(page, CONTRACTS.longNote, [{ selector: `${EDITABLE} p`, min: 150 }]);
    note(`20,000-word note opened in ${opened.paint.toFixed(0)} ms`);
    await page.locator(EDITABLE).click();
    await page.keyboard.press('Control+End');
    if (!(await until('the caret at the end of the note', () => probes.caretAtEnd(page, EDITABLE), 5000))) throw new Error('caret not at end');
    const sentence = ' and then she said the board would decide about the roadmap next week';
    const text = (length: number) => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
    await page.keyboard.type(text(WARMUP_KEYSTROKES), { delay: KEY_DELAY_MS });
    const keysWindow = startWindow();
    await probes.keysStart(page, EDITABLE);
    await page.keyboard.type(text(KEYSTROKES), { delay: KEY_DELAY_MS });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { samples, unmatched } = await probes.keysStop(page);
    const stillAtEnd = await probes.caretAtEnd(page, EDITABLE);
    note(`keystrokes: ${samples.length} measured, ${unmatched} without a DOM change, caret still at the end: ${stillAtEnd}, ${KEY_DELAY_MS} ms between keys`);
    note(`keydown → DOM changed: ${describe(samples.map((s) => s.dom))}`);
    note(`keydown → next frame: ${describe(samples.map((s) => s.frame))}`);
    note(`keydown → after that frame (layout + paint): ${describe(samples.map((s) => s.paint))}`);
    bench('ui.notes_keystroke_p95_ms', p95(samples.map((s) => s.frame)), 'ms', keysWindow);
    bench('ui.notes_keystroke_paint_p95_ms', p95(samples.map((s) => s.paint)), 'ms', keysWindow);
    await backToCoachee(page, timeline);
  } finally {
    await harness.close();
  }
}

run('ui', main);
