import { $convertFromMarkdownString, CHECK_LIST, TRANSFORMERS } from '@lexical/markdown';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { createArchiveHandlers, type ArchiveDeps } from '../../../electron/core/api/archive-handlers';
import { AppCore } from '../../../electron/core/app-core';
import { idleMaintenance } from '../../../electron/core/db/idle-maintenance';
import { GOOD_PASSPHRASE, TEST_KDF } from '../../support/temp-vault';
import { realisticMapSnapshot } from './map-fixture';

export const ARCHIVE_PASSPHRASE = 'harbour violet 27 copper meadow';
export const TEST_LOG_N = 10;

/** Private text that must never leave the vault in a coachee copy. */
export const SENTINELS = {
  observation: 'SENTINEL-OBSERVATION-7d1f',
  disclosure: 'SENTINEL-DISCLOSURE-52aa',
} as const;

/**
 * What the renderer stores beside a map: tldraw's own SVG of it (`editor.getSvgString`). Core tests
 * cannot run tldraw, so they store this stand-in; the end-to-end tests store the real thing by
 * drawing in the app. Archives must carry it byte for byte, whatever it is.
 */
export const MAP_PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="-32 -32 480 240" stroke-linecap="round"><defs><style>@font-face{font-family:"tldraw_draw";src:url("data:font/woff2;base64,AAAA")}</style></defs><rect width="220" height="120" fill="#fdf6e3" stroke="#1d1d1d"/><text x="20" y="60" font-family="tldraw_draw">Who decides? Ana &amp; CEO</text></svg>`;

/** A vault, created and unlocked, with the cheap test KDF. */
export async function openCore(dir: string): Promise<AppCore> {
  const core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
  await core.vault.create(GOOD_PASSPHRASE);
  core.afterUnlock();
  return core;
}

export function archiveHandlers(core: AppCore, destination: string | null, extra: Partial<ArchiveDeps> = {}) {
  return createArchiveHandlers(core, {
    appVersion: '0.1.0-test',
    chooseDestination: async () => destination,
    scryptLogN: TEST_LOG_N,
    ...extra,
  });
}

/** A note as the real editor saves it: Lexical's own JSON, made by Lexical from Markdown, plus a line break. */
export function realisticNote(markdown: string): { lexicalJson: string; plainText: string } {
  const editor = createEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
    onError: (error) => {
      throw error;
    },
  });
  let plainText = '';
  editor.update(
    () => {
      $convertFromMarkdownString(markdown, [CHECK_LIST, ...TRANSFORMERS]);
      const paragraph = $createParagraphNode();
      paragraph.append($createTextNode('First line'), $createLineBreakNode(), $createTextNode('second line <b>not bold</b> & more'));
      $getRoot().append(paragraph);
    },
    { discrete: true },
  );
  editor.getEditorState().read(() => (plainText = $getRoot().getTextContent()));
  return { lexicalJson: JSON.stringify(editor.getEditorState().toJSON()), plainText };
}

export const NOTE_MARKDOWN = `# What Ana wants

She wants **clarity** about the *new* role, and ***both*** matter.

> "I keep saying yes to everything."

- Stakeholders
- Budget
    - Q3 freeze
    - Hiring

1. Map the stakeholders
2. Pick one conversation

- [ ] Talk to Sam
- [x] Draft the proposal`;

export interface Seeded {
  anaId: string;
  benId: string;
  sessionIds: string[];
  customPromptId: string;
}

/**
 * A small but complete practice: two coachees (one archived), their boundary checks, three
 * sessions with notes, a map, prompt answers (built-in and custom), actions (one followed up in
 * a later session) and observations of both kinds carrying the sentinels.
 */
export function seedVault(core: AppCore): Seeded {
  const repos = core.repos;
  const ana = repos.coachees.create({
    name: 'Ana Lima',
    role: 'Head of Product',
    organisation: 'Acme',
    ambitions: 'Lead a product org',
    note: 'Prefers mornings',
    preferredMode: 'draw',
    challengeIntensity: 'direct',
  });
  repos.boundaryChecks.save(ana.id, {
    managesPerformanceOrPay: false,
    conflictOfInterest: true,
    confidentialityAgreed: true,
    limitsExplained: true,
    conflictAcknowledged: true,
  });
  const ben = repos.coachees.create({ name: 'Benoît Dubois', role: 'Engineer', relationshipKind: 'mentoring' });
  repos.boundaryChecks.save(ben.id, {
    managesPerformanceOrPay: false,
    conflictOfInterest: false,
    confidentialityAgreed: true,
    limitsExplained: false,
    conflictAcknowledged: false,
  });
  const custom = repos.customPrompts.create({ category: 'values', intensity: 'tough', text: 'What are you avoiding?' });
  repos.customPrompts.create({ category: 'focus', intensity: 'supportive', text: 'What would make today worth it?' });

  const first = repos.sessions.create({ coacheeId: ana.id, walkAwayWith: 'Clarity on the new role', startedAt: '2025-02-03T09:00:00.000Z' });
  const note = realisticNote(NOTE_MARKDOWN);
  repos.notes.save(first.id, note.lexicalJson, note.plainText);
  repos.maps.save(first.id, realisticMapSnapshot({ left: 'Ana', right: 'CEO', note: 'Budget pressure', text: 'Who decides?' }), { svg: MAP_PICTURE });
  const asked = repos.answers.create({ sessionId: first.id, promptId: custom.id, promptText: custom.text, category: 'values', intensity: 'tough' });
  repos.answers.setAnswer(asked.id, 'Saying no to the CEO');
  repos.answers.create({ sessionId: first.id, promptId: 'values-01', promptText: 'What matters most?', category: 'values', intensity: 'supportive', answer: 'My team' });
  repos.observations.create({ sessionId: first.id, kind: 'observation', text: `Energy dropped at budget ${SENTINELS.observation}` });
  repos.observations.create({ sessionId: first.id, kind: 'disclosure', text: `I felt impatient ${SENTINELS.disclosure}` });
  const call = repos.actions.create({ sessionId: first.id, what: 'Call Sam', owner: 'coachee', dueDate: '2025-02-20' });
  repos.actions.create({ sessionId: first.id, what: 'Send the article', owner: 'coach', dueDate: null });
  repos.sessions.end(first.id, { outcome: 'partly', outcomeWords: 'A first step', summary: 'Mapped the stakeholders.' });

  const second = repos.sessions.create({ coacheeId: ana.id, walkAwayWith: 'A plan for the Sam conversation', startedAt: '2025-03-03T09:00:00.000Z' });
  repos.actions.followUp(call.id, second.id, 'done');
  const secondNote = realisticNote('## Follow-up\n\nSam said **yes**.');
  repos.notes.save(second.id, secondNote.lexicalJson, secondNote.plainText);

  const third = repos.sessions.create({ coacheeId: ben.id, walkAwayWith: 'Whether to take the lead role', startedAt: '2025-03-10T14:00:00.000Z', timeBoxMinutes: 45 });
  repos.observations.create({ sessionId: third.id, kind: 'disclosure', text: `Reminded me of my own first lead role ${SENTINELS.disclosure}` });
  repos.coachees.archive(ben.id);
  return { anaId: ana.id, benId: ben.id, sessionIds: [first.id, second.id, third.id], customPromptId: custom.id };
}

const TABLE_ORDER: Record<string, string> = {
  coachees: 'id',
  boundary_checks: 'coachee_id',
  sessions: 'id',
  notes: 'session_id',
  system_maps: 'session_id',
  custom_prompts: 'id',
  prompt_answers: 'id',
  actions: 'id',
  observations: 'id',
  settings: 'key',
};

/**
 * Every row of every data table, in a stable order: two vaults with equal dumps hold the same
 * records, maps' pictures and their fingerprints (migration 002) included: an archive carries each
 * current picture as map.svg, and an import stores it again as current.
 */
export function dumpVault(core: AppCore, tables: readonly string[] = Object.keys(TABLE_ORDER).filter((t) => t !== 'settings')): Record<string, unknown[]> {
  const db = core.vault.db;
  return Object.fromEntries(
    tables.map((table) => {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${TABLE_ORDER[table]}`).all();
      return [table, rows];
    }),
  );
}

/**
 * Finish the work writes leave for a quiet moment (search-index merges, a WAL checkpoint), then stop
 * it: a test that proves "the vault files are byte-identical afterwards" must not see that work
 * land in the middle. Driven through the maintenance's own step(), as its docs offer tests.
 */
export function settleVault(core: AppCore): void {
  const maintenance = idleMaintenance(core.vault.db);
  while (maintenance.step(true).merged);
  maintenance.step(true);
  maintenance.stop();
}

/** What a call threw (or rejected with), or null when it succeeded. */
export async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return null;
  } catch (error) {
    return error;
  }
}
