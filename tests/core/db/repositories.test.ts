import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { ACTION_STATUSES } from '@shared/domain/action';
import { RELATIONSHIP_KINDS } from '@shared/domain/coachee';
import { OBSERVATION_KINDS } from '@shared/domain/observation';
import { SESSION_OUTCOMES } from '@shared/domain/session';
import { CHALLENGE_INTENSITIES, WAYS_OF_WORKING } from '@shared/domain/working-style';
import type { Db } from '../../../electron/core/db/open-database';
import { createRepositories, type Repositories } from '../../../electron/core/repositories';
import type { Vault } from '../../../electron/core/vault/vault';
import { createVault, steppingClock, tempDir } from './helpers';

let vault: Vault;
let db: Db;
let repos: Repositories;
const folder = tempDir();

beforeAll(async () => {
  vault = await createVault(folder.dir);
  db = vault.db;
  repos = createRepositories(db, { now: steppingClock() });
});
afterAll(() => {
  vault.lock();
  folder.remove();
});

/** A coachee with one session, the usual starting point. */
function coacheeWithSession(name = 'Ada') {
  const coachee = repos.coachees.create({ name });
  const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A plan for the reorganisation' });
  return { coachee, session };
}

const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const countWhere = (table: string, column: string, value: string): number =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(value) as number;

describe('coachees', () => {
  it('round-trips a full profile with defaults, updates and archives', () => {
    const minimal = repos.coachees.create({ name: 'Minimal' });
    expect(minimal).toMatchObject({ role: '', relationshipKind: 'coaching', preferredMode: 'talk', challengeIntensity: 'supportive', archivedAt: null });
    expect(minimal.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(repos.coachees.get(minimal.id)).toEqual(minimal);

    const full = repos.coachees.create({
      name: 'Beatriz Núñez',
      role: 'Head of Product',
      organisation: 'Acme',
      ambitions: 'Lead a bigger team',
      currentProjects: 'Platform rewrite',
      obstacles: 'Too many meetings',
      supportWanted: 'Sounding board',
      note: 'Prefers mornings',
      relationshipKind: 'mentoring',
      preferredMode: 'draw',
      challengeIntensity: 'tough',
    });
    expect(repos.coachees.get(full.id)).toEqual(full);

    const updated = repos.coachees.update(full.id, { role: 'VP Product', obstacles: undefined });
    expect(updated.role).toBe('VP Product');
    expect(updated.obstacles).toBe('Too many meetings');
    expect(updated.updatedAt > full.updatedAt).toBe(true);
    expect(repos.coachees.get(full.id)).toEqual(updated);

    // A patch cannot move identity or timestamps, whatever it carries at runtime.
    const sneaky = { role: 'CPO', id: 'other', createdAt: 'then' } as unknown as { role: string };
    expect(repos.coachees.update(full.id, sneaky)).toMatchObject({ id: full.id, role: 'CPO', createdAt: full.createdAt });

    const archived = repos.coachees.archive(full.id);
    expect(archived.archivedAt).not.toBeNull();
    expect(repos.coachees.list().map((c) => c.id)).not.toContain(full.id);
    expect(repos.coachees.list({ includeArchived: true }).map((c) => c.id)).toContain(full.id);
    expect(repos.coachees.unarchive(full.id).archivedAt).toBeNull();

    expect(repos.coachees.get('missing')).toBeNull();
    expect(() => repos.coachees.update('missing', { role: 'x' })).toThrow(AppError);
    expect(repos.coachees.delete(minimal.id)).toBe(true);
    expect(repos.coachees.delete(minimal.id)).toBe(false);
  });

  it('lists by last session date, most recent first, then never-seen by name; search ignores case and accents', () => {
    const tag = 'Listtest';
    const early = repos.coachees.create({ name: `${tag} Early` });
    const late = repos.coachees.create({ name: `${tag} Late` });
    const never = repos.coachees.create({ name: `${tag} Zoë Never`, organisation: 'Globex' });
    repos.sessions.create({ coacheeId: early.id, walkAwayWith: 'x', startedAt: '2024-01-01T10:00:00.000Z' });
    repos.sessions.create({ coacheeId: late.id, walkAwayWith: 'x', startedAt: '2024-02-01T10:00:00.000Z' });
    repos.sessions.create({ coacheeId: early.id, walkAwayWith: 'x', startedAt: '2023-06-01T10:00:00.000Z' });

    const listed = repos.coachees.list({ search: tag.toLowerCase() });
    expect(listed.map((c) => c.id)).toEqual([late.id, early.id, never.id]);
    expect(listed.map((c) => c.lastSessionAt)).toEqual(['2024-02-01T10:00:00.000Z', '2024-01-01T10:00:00.000Z', null]);

    expect(repos.coachees.list({ search: 'zoe' }).map((c) => c.id)).toEqual([never.id]);
    expect(repos.coachees.list({ search: 'glob' }).map((c) => c.id)).toEqual([never.id]);
    expect(repos.coachees.list({ search: `${tag} lat` }).map((c) => c.id)).toEqual([late.id]);
    // Only punctuation: no filter rather than an error.
    expect(repos.coachees.list({ search: '"*' }).length).toBe(repos.coachees.list().length);
  });
});

describe('boundary checks', () => {
  it('save is an upsert and booleans survive the round trip', () => {
    const coachee = repos.coachees.create({ name: 'Boundaries' });
    expect(repos.boundaryChecks.get(coachee.id)).toBeNull();
    const first = repos.boundaryChecks.save(coachee.id, {
      managesPerformanceOrPay: true,
      conflictOfInterest: false,
      confidentialityAgreed: true,
      limitsExplained: false,
      conflictAcknowledged: true,
    });
    expect(repos.boundaryChecks.get(coachee.id)).toEqual(first);
    const second = repos.boundaryChecks.save(coachee.id, { ...first, managesPerformanceOrPay: false, limitsExplained: true });
    expect(repos.boundaryChecks.get(coachee.id)).toEqual(second);
    expect(second.answeredAt > first.answeredAt).toBe(true);
    expect(countWhere('boundary_checks', 'coachee_id', coachee.id)).toBe(1);
  });
});

describe('sessions', () => {
  it('start from the coachee preferences, update, end, and list newest first', () => {
    const coachee = repos.coachees.create({ name: 'Session person', preferredMode: 'challenge', challengeIntensity: 'direct' });
    const first = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'Clarity on the offer', startedAt: '2024-05-01T09:00:00.000Z' });
    expect(first).toMatchObject({
      wayOfWorking: 'challenge',
      currentMode: 'challenge',
      challengeIntensity: 'direct',
      timeBoxMinutes: 60,
      endedAt: null,
      outcome: null,
    });
    expect(repos.sessions.get(first.id)).toEqual(first);
    expect(repos.sessions.listOpen().map((s) => s.id)).toContain(first.id);

    const switched = repos.sessions.update(first.id, { currentMode: 'draw', boundariesToday: 'No talk of pay', timeBoxMinutes: 45 });
    expect(repos.sessions.get(first.id)).toEqual(switched);
    expect(switched).toMatchObject({ currentMode: 'draw', wayOfWorking: 'challenge', timeBoxMinutes: 45 });

    const ended = repos.sessions.end(first.id, { outcome: 'partly', outcomeWords: 'Clearer, not decided', summary: 'Mapped options' });
    expect(ended.endedAt).not.toBeNull();
    expect(repos.sessions.get(first.id)).toEqual(ended);
    expect(repos.sessions.listOpen().map((s) => s.id)).not.toContain(first.id);
    // Correcting the outcome later keeps the end time.
    expect(repos.sessions.end(first.id, { outcome: 'yes' }).endedAt).toBe(ended.endedAt);

    const second = repos.sessions.create({
      coacheeId: coachee.id,
      walkAwayWith: 'Next step',
      wayOfWorking: 'talk',
      challengeIntensity: 'supportive',
      startedAt: '2024-06-01T09:00:00.000Z',
    });
    expect(repos.sessions.listByCoachee(coachee.id).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(repos.sessions.listByCoachee(coachee.id, { limit: 1 }).map((s) => s.id)).toEqual([second.id]);

    expect(() => repos.sessions.create({ coacheeId: 'missing', walkAwayWith: 'x' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => repos.sessions.update('missing', { summary: 'x' })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('notes and maps', () => {
  it('save upserts one row per session', () => {
    const { session } = coacheeWithSession();
    expect(repos.notes.get(session.id)).toBeNull();
    repos.notes.save(session.id, '{"v":1}', 'first');
    const saved = repos.notes.save(session.id, '{"v":2}', 'second');
    expect(repos.notes.get(session.id)).toEqual(saved);
    expect(saved).toMatchObject({ lexicalJson: '{"v":2}', plainText: 'second' });
    expect(countWhere('notes', 'session_id', session.id)).toBe(1);

    expect(repos.maps.get(session.id)).toBeNull();
    repos.maps.save(session.id, '{"shapes":[]}');
    const map = repos.maps.save(session.id, '{"shapes":[1]}');
    expect(repos.maps.get(session.id)).toEqual(map);
    expect(countWhere('system_maps', 'session_id', session.id)).toBe(1);

    expect(repos.notes.delete(session.id)).toBe(true);
    expect(repos.maps.delete(session.id)).toBe(true);
    expect(repos.notes.get(session.id)).toBeNull();
    expect(() => repos.notes.save('missing-session', '{}', '')).toThrow(/FOREIGN KEY/);
  });
});

describe('prompts and answers', () => {
  it('custom prompts round-trip; answers keep their copy of the prompt after it is deleted', () => {
    const prompt = repos.customPrompts.create({ category: 'values', intensity: 'direct', text: 'What would you regret not trying?' });
    expect(repos.customPrompts.get(prompt.id)).toEqual(prompt);
    const edited = repos.customPrompts.update(prompt.id, { text: 'What would you regret?' });
    expect(repos.customPrompts.get(prompt.id)).toEqual(edited);
    expect(repos.customPrompts.list().map((p) => p.id)).toContain(prompt.id);

    const { session } = coacheeWithSession();
    const asked = repos.answers.create({
      sessionId: session.id,
      promptId: prompt.id,
      promptText: edited.text,
      category: edited.category,
      intensity: edited.intensity,
    });
    expect(asked.answer).toBe('');
    const later = repos.answers.create({ sessionId: session.id, promptId: 'deck-1', promptText: 'Built in', category: 'energy', intensity: 'supportive' });
    const answered = repos.answers.setAnswer(asked.id, 'Not asking for the promotion');
    expect(repos.answers.get(asked.id)).toEqual(answered);
    expect(repos.answers.listBySession(session.id).map((a) => a.id)).toEqual([asked.id, later.id]);

    expect(repos.customPrompts.delete(prompt.id)).toBe(true);
    expect(repos.answers.get(asked.id)?.promptText).toBe('What would you regret?');
    expect(repos.answers.delete(later.id)).toBe(true);
    expect(() => repos.answers.setAnswer('missing', 'x')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('actions', () => {
  it('round-trip, list open ones for the coachee, and follow up in a later session', () => {
    const { coachee, session } = coacheeWithSession('Actions person');
    const undated = repos.actions.create({ sessionId: session.id, what: 'Talk to the board' });
    const dated = repos.actions.create({ sessionId: session.id, what: 'Send the proposal', owner: 'coach', dueDate: '2024-07-01' });
    expect(undated).toMatchObject({ coacheeId: coachee.id, owner: 'coachee', status: 'open', dueDate: null, followedUpInSession: null });
    expect(repos.actions.get(dated.id)).toEqual(dated);
    expect(repos.actions.listBySession(session.id).map((a) => a.id)).toEqual([undated.id, dated.id]);
    expect(repos.actions.listOpenForCoachee(coachee.id).map((a) => a.id)).toEqual([dated.id, undated.id]);

    const next = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'Review' });
    const done = repos.actions.followUp(dated.id, next.id, 'done');
    expect(done).toMatchObject({ status: 'done', followedUpInSession: next.id });
    expect(repos.actions.get(dated.id)).toEqual(done);
    repos.actions.followUp(undated.id, next.id, 'carried');
    expect(repos.actions.listOpenForCoachee(coachee.id).map((a) => a.id)).toEqual([undated.id]);
    expect(repos.actions.listByCoachee(coachee.id, { status: 'done' }).map((a) => a.id)).toEqual([dated.id]);
    expect(repos.actions.listByCoachee(coachee.id)).toHaveLength(2);

    const edited = repos.actions.update(undated.id, { what: 'Talk to the chair', dueDate: '2024-08-01' });
    expect(repos.actions.get(undated.id)).toEqual(edited);

    // Deleting the follow-up session forgets where it was followed up, not the action.
    repos.sessions.delete(next.id);
    expect(repos.actions.get(dated.id)?.followedUpInSession).toBeNull();

    const other = coacheeWithSession('Someone else');
    expect(() => repos.actions.followUp(undated.id, other.session.id, 'done')).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => repos.actions.create({ sessionId: 'missing', what: 'x' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    // The schema itself refuses an action filed under a coachee other than its session's.
    expect(() =>
      db
        .prepare(`INSERT INTO actions (id, session_id, coachee_id, what, created_at, updated_at) VALUES ('a', ?, ?, 'x', 'now', 'now')`)
        .run(session.id, other.coachee.id),
    ).toThrow(/FOREIGN KEY/);
    expect(repos.actions.delete(undated.id)).toBe(true);
  });
});

describe('observations', () => {
  it('round-trip in order and update', () => {
    const { session } = coacheeWithSession();
    const first = repos.observations.create({ sessionId: session.id, kind: 'observation', text: 'Energy dropped at the mention of the board' });
    const second = repos.observations.create({ sessionId: session.id, kind: 'disclosure', text: 'I felt impatient' });
    expect(repos.observations.get(first.id)).toEqual(first);
    expect(repos.observations.listBySession(session.id).map((o) => o.id)).toEqual([first.id, second.id]);
    const updated = repos.observations.update(second.id, { text: 'I felt impatient; noted' });
    expect(repos.observations.get(second.id)).toEqual(updated);
    expect(repos.observations.delete(first.id)).toBe(true);
    expect(repos.observations.listBySession(session.id)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('store JSON values by key', () => {
    expect(repos.settings.get('autoLockMinutes')).toBeUndefined();
    repos.settings.set('autoLockMinutes', 15);
    repos.settings.set('theme', { name: 'dusk', contrast: true, sizes: [1, 2] });
    repos.settings.set('autoLockMinutes', 5);
    expect(repos.settings.get<number>('autoLockMinutes')).toBe(5);
    expect(repos.settings.get('theme')).toEqual({ name: 'dusk', contrast: true, sizes: [1, 2] });
    expect(repos.settings.all()).toMatchObject({ autoLockMinutes: 5, theme: { name: 'dusk' } });
    repos.settings.set('nothing', null);
    expect(repos.settings.get('nothing')).toBeNull();
    expect(() => repos.settings.set('fn', undefined)).toThrow(TypeError);
    expect(repos.settings.delete('theme')).toBe(true);
    expect(repos.settings.get('theme')).toBeUndefined();
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('raw', 'not json')`).run()).toThrow(/CHECK/);
  });
});

describe('cascades', () => {
  function fullCoachee() {
    const { coachee, session } = coacheeWithSession('Cascade person');
    repos.boundaryChecks.save(coachee.id, {
      managesPerformanceOrPay: false,
      conflictOfInterest: false,
      confidentialityAgreed: true,
      limitsExplained: true,
      conflictAcknowledged: false,
    });
    repos.notes.save(session.id, '{}', 'cascadeword note');
    repos.maps.save(session.id, '{}');
    repos.answers.create({ sessionId: session.id, promptId: 'p', promptText: 'cascadeword prompt', category: 'c', intensity: 'direct' });
    repos.actions.create({ sessionId: session.id, what: 'cascadeword action' });
    repos.observations.create({ sessionId: session.id, kind: 'observation', text: 'cascadeword observation' });
    return { coachee, session };
  }

  const children = (sessionId: string) => ({
    notes: countWhere('notes', 'session_id', sessionId),
    maps: countWhere('system_maps', 'session_id', sessionId),
    answers: countWhere('prompt_answers', 'session_id', sessionId),
    actions: countWhere('actions', 'session_id', sessionId),
    observations: countWhere('observations', 'session_id', sessionId),
  });
  const indexedFor = (coacheeId: string): number =>
    db.prepare(`SELECT count(*) FROM search_index WHERE coachee_id = ?`).pluck().get(coacheeId) as number;

  it('deleting a session removes everything in it, and its search entries', () => {
    const { coachee, session } = fullCoachee();
    expect(children(session.id)).toEqual({ notes: 1, maps: 1, answers: 1, actions: 1, observations: 1 });
    // The coachee's profile, the contract, notes, map, answer, action and observation.
    expect(indexedFor(coachee.id)).toBe(7);
    repos.sessions.delete(session.id);
    expect(children(session.id)).toEqual({ notes: 0, maps: 0, answers: 0, actions: 0, observations: 0 });
    expect(repos.coachees.get(coachee.id)).not.toBeNull();
    expect(indexedFor(coachee.id)).toBe(1);
  });

  it('deleting a coachee removes their sessions, boundary check and search entries', () => {
    const searchRows = count('search_rows');
    const { coachee, session } = fullCoachee();
    expect(count('search_rows')).toBe(searchRows + 7);
    repos.coachees.delete(coachee.id);
    expect(countWhere('sessions', 'coachee_id', coachee.id)).toBe(0);
    expect(countWhere('boundary_checks', 'coachee_id', coachee.id)).toBe(0);
    expect(children(session.id)).toEqual({ notes: 0, maps: 0, answers: 0, actions: 0, observations: 0 });
    expect(indexedFor(coachee.id)).toBe(0);
    expect(count('search_rows')).toBe(searchRows);
    expect(count('search_rows')).toBe(count('search_index'));
  });
});

describe('constraints', () => {
  // Repositories trust their typed input; the schema is the last line of defence.
  const bad = <T>(value: string): T => value as unknown as T;

  it('accept every value of each shared enum', () => {
    for (const relationshipKind of RELATIONSHIP_KINDS) {
      for (const [i, preferredMode] of WAYS_OF_WORKING.entries()) {
        const challengeIntensity = CHALLENGE_INTENSITIES[i % CHALLENGE_INTENSITIES.length] ?? 'direct';
        expect(repos.coachees.create({ name: 'Enum', relationshipKind, preferredMode, challengeIntensity }).id).toBeTruthy();
      }
    }
    const { session } = coacheeWithSession();
    for (const outcome of SESSION_OUTCOMES) expect(repos.sessions.update(session.id, { outcome }).outcome).toBe(outcome);
    const action = repos.actions.create({ sessionId: session.id, what: 'x' });
    for (const status of ACTION_STATUSES) expect(repos.actions.update(action.id, { status }).status).toBe(status);
    for (const kind of OBSERVATION_KINDS) expect(repos.observations.create({ sessionId: session.id, kind, text: 'x' }).kind).toBe(kind);
  });

  it('reject values outside the enums and blank required text', () => {
    const check = /CHECK constraint failed/;
    expect(() => repos.coachees.create({ name: 'X', relationshipKind: bad('friendship') })).toThrow(check);
    expect(() => repos.coachees.create({ name: 'X', preferredMode: bad('sing') })).toThrow(check);
    expect(() => repos.coachees.create({ name: 'X', challengeIntensity: bad('brutal') })).toThrow(check);
    expect(() => repos.coachees.create({ name: '   ' })).toThrow(check);

    const { coachee, session } = coacheeWithSession();
    expect(() => repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: ' ' })).toThrow(check);
    expect(() => repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'x', wayOfWorking: bad('dance') })).toThrow(check);
    expect(() => repos.sessions.update(session.id, { currentMode: bad('dance') })).toThrow(check);
    expect(() => repos.sessions.update(session.id, { challengeIntensity: bad('brutal') })).toThrow(check);
    expect(() => repos.sessions.update(session.id, { outcome: bad('maybe') })).toThrow(check);
    expect(() => repos.sessions.update(session.id, { timeBoxMinutes: 0 })).toThrow(check);

    expect(() => repos.actions.create({ sessionId: session.id, what: 'x', dueDate: '2024-02-30' })).toThrow(check);
    expect(() => repos.actions.create({ sessionId: session.id, what: 'x', dueDate: '1 March' })).toThrow(check);
    const action = repos.actions.create({ sessionId: session.id, what: 'x', dueDate: '2024-02-29' });
    expect(() => repos.actions.update(action.id, { status: bad('forgotten') })).toThrow(check);

    expect(() => repos.observations.create({ sessionId: session.id, kind: bad('gossip'), text: 'x' })).toThrow(check);
    expect(() => repos.customPrompts.create({ category: 'c', intensity: bad('brutal'), text: 'x' })).toThrow(check);
    expect(() =>
      repos.answers.create({ sessionId: session.id, promptId: 'p', promptText: 't', category: 'c', intensity: bad('brutal') }),
    ).toThrow(check);
    repos.boundaryChecks.save(coachee.id, {
      managesPerformanceOrPay: false,
      conflictOfInterest: false,
      confidentialityAgreed: false,
      limitsExplained: false,
      conflictAcknowledged: false,
    });
    expect(() => db.prepare(`UPDATE boundary_checks SET limits_explained = 2 WHERE coachee_id = ?`).run(coachee.id)).toThrow(check);

    // Nothing half-written by the failures above.
    expect(repos.sessions.get(session.id)?.outcome).toBeNull();
    expect(repos.actions.get(action.id)?.status).toBe('open');
  });
});
