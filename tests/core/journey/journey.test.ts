/**
 * The journey in the real encrypted vault: goals and progress ratings survive a lock and unlock, a
 * rating is tied to one session and one goal of one coachee (the schema itself says so, not only the
 * code), close-out writes everything or nothing, nothing is left behind when a session goes, and the
 * journey, home's overview and search read what was written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { createJourneyHandlers } from '../../../electron/core/api/journey-handlers';
import { createWorkspaceHandlers } from '../../../electron/core/api/workspace-handlers';
import type { AppCore } from '../../../electron/core/app-core';
import { search } from '../../../electron/core/search/search';
import { GOOD_PASSPHRASE, tempDir } from '../../support/temp-vault';
import { openCore } from '../archive/fixtures';

const NO_BOUNDARY_ISSUES = { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false };
const CONTRACT = { wayOfWorking: 'talk', challengeIntensity: 'supportive', timeBoxMinutes: 60, boundariesToday: '' } as const;

describe('the journey in the vault', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  let workspace: ReturnType<typeof createWorkspaceHandlers>;
  let journey: ReturnType<typeof createJourneyHandlers>;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-journey-'));
    core = await openCore(dir);
    workspace = createWorkspaceHandlers(core, async () => ({ saved: false, path: null }));
    journey = createJourneyHandlers(core);
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  const count = (table: string): number => core.vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  function coachee(name: string) {
    return workspace.coacheeCreate({
      name,
      role: '',
      organisation: '',
      ambitions: 'Lead a product organisation',
      currentProjects: '',
      obstacles: '',
      supportWanted: '',
      note: '',
      relationshipKind: 'coaching',
      preferredMode: 'talk',
      challengeIntensity: 'supportive',
      boundaryCheck: NO_BOUNDARY_ISSUES,
    }) as ReturnType<typeof core.repos.coachees.create>;
  }

  /** A session started through the API and closed out with ratings, as the close-out dialog does. */
  function closedSession(coacheeId: string, startedAt: string, ratings: Array<{ goalId: string; rating: number; words: string }>, extra: Partial<Parameters<typeof workspace.sessionEnd>[0]> = {}) {
    const session = workspace.sessionStart({ coacheeId, walkAwayWith: `Session of ${startedAt}`, ...CONTRACT }) as ReturnType<typeof core.repos.sessions.create>;
    core.repos.sessions.update(session.id, { startedAt });
    workspace.sessionEnd({ id: session.id, outcome: 'partly', outcomeWords: '', summary: '', actions: [], ratings, ...extra });
    return session.id;
  }

  it('goals and ratings round-trip through the encrypted vault, lock and unlock included', async () => {
    const ana = coachee('Ana Lima');
    const lead = journey.goalCreate({ coacheeId: ana.id, title: 'Lead the platform team', successLooksLike: 'My team asks me first' }) as ReturnType<typeof core.repos.goals.create>;
    const speak = journey.goalCreate({ coacheeId: ana.id, title: 'Speak up in leadership meetings', successLooksLike: '' }) as ReturnType<typeof core.repos.goals.create>;
    const first = closedSession(ana.id, '2026-01-05T09:00:00.000Z', [{ goalId: lead.id, rating: 3, words: 'Still waiting to be asked' }]);
    const second = closedSession(ana.id, '2026-01-19T09:00:00.000Z', [
      { goalId: lead.id, rating: 5, words: 'Two people came to me' },
      { goalId: speak.id, rating: 4, words: 'I spoke once' },
    ]);
    journey.goalSetStatus({ id: speak.id, status: 'paused', on: '2026-01-20', why: 'The reorg comes first' });
    const before = await journey.journeyGet({ coacheeId: ana.id });

    core.lock('user');
    expect(() => core.repos).toThrow();
    await core.vault.unlock(GOOD_PASSPHRASE);
    const after = await journey.journeyGet({ coacheeId: ana.id });
    expect(after).toEqual(before);
    expect(after.goals.map((g) => [g.title, g.status, g.statusOn, g.statusWhy])).toEqual([
      ['Lead the platform team', 'active', null, ''],
      ['Speak up in leadership meetings', 'paused', '2026-01-20', 'The reorg comes first'],
    ]);
    expect(after.ratings.map((r) => [r.sessionId, r.goalId, r.rating, r.words])).toEqual([
      [first, lead.id, 3, 'Still waiting to be asked'],
      [second, lead.id, 5, 'Two people came to me'],
      [second, speak.id, 4, 'I spoke once'],
    ]);
    expect(after.sessions.map((s) => s.id)).toEqual([first, second]);
  });

  it('a rating belongs to one goal and one session of the same coachee: the code refuses, and so does the schema', () => {
    const ana = coachee('Ana Lima');
    const ben = coachee('Ben Okafor');
    const anasGoal = core.repos.goals.create({ coacheeId: ana.id, title: 'Lead the team' });
    const bensSession = core.repos.sessions.create({ coacheeId: ben.id, walkAwayWith: 'Clarity' });
    const anasSession = core.repos.sessions.create({ coacheeId: ana.id, walkAwayWith: 'Focus' });

    expect(() => core.repos.ratings.rate({ goalId: anasGoal.id, sessionId: bensSession.id, rating: 5, words: '' })).toThrow(AppError);
    // Past the code: the composite foreign keys refuse a rating that mixes two coachees, whichever it claims.
    const raw = core.vault.db.prepare(
      `INSERT INTO progress_ratings (id, goal_id, session_id, coachee_id, rating, words, created_at, updated_at) VALUES (?, ?, ?, ?, 5, '', 'now', 'now')`,
    );
    expect(() => raw.run('00000000-0000-4000-8000-000000000001', anasGoal.id, bensSession.id, ana.id)).toThrow(/FOREIGN KEY/);
    expect(() => raw.run('00000000-0000-4000-8000-000000000002', anasGoal.id, bensSession.id, ben.id)).toThrow(/FOREIGN KEY/);
    // Control: the same statement with a goal and a session of one coachee goes in.
    raw.run('00000000-0000-4000-8000-000000000003', anasGoal.id, anasSession.id, ana.id);
    // And only once per goal per session: rating again replaces.
    expect(() => raw.run('00000000-0000-4000-8000-000000000004', anasGoal.id, anasSession.id, ana.id)).toThrow(/UNIQUE/);
    const again = core.repos.ratings.rate({ goalId: anasGoal.id, sessionId: anasSession.id, rating: 8, words: 'Better' });
    expect(core.repos.ratings.listBySession(anasSession.id)).toEqual([again]);
    expect(again).toMatchObject({ id: '00000000-0000-4000-8000-000000000003', rating: 8 });
    // Out of the scale, by the code and by the schema.
    expect(() => core.repos.ratings.rate({ goalId: anasGoal.id, sessionId: anasSession.id, rating: 11, words: '' })).toThrow(AppError);
    expect(() => core.vault.db.prepare(`UPDATE progress_ratings SET rating = 0`).run()).toThrow(/CHECK/);
  });

  it("an action serves only its own coachee's goal", () => {
    const ana = coachee('Ana Lima');
    const ben = coachee('Ben Okafor');
    const bensGoal = core.repos.goals.create({ coacheeId: ben.id, title: 'Ship the migration' });
    const session = core.repos.sessions.create({ coacheeId: ana.id, walkAwayWith: 'Focus' });
    expect(() => core.repos.actions.create({ sessionId: session.id, what: 'Call Sam', goalId: bensGoal.id })).toThrow(AppError);
    const action = core.repos.actions.create({ sessionId: session.id, what: 'Call Sam' });
    expect(() => core.vault.db.prepare(`UPDATE actions SET goal_id = ? WHERE id = ?`).run(bensGoal.id, action.id)).toThrow(/own coachee/);
    const anasGoal = core.repos.goals.create({ coacheeId: ana.id, title: 'Lead the team' });
    expect(core.repos.actions.update(action.id, { goalId: anasGoal.id }).goalId).toBe(anasGoal.id);
    // Letting the goal go (deleting it) keeps the action, without a goal.
    core.repos.goals.delete(anasGoal.id);
    expect(core.repos.actions.get(action.id)).toMatchObject({ what: 'Call Sam', goalId: null });
  });

  it('close-out writes the outcome, actions with their goals, ratings and the coachee\'s feedback together, or nothing', () => {
    const ana = coachee('Ana Lima');
    const ben = coachee('Ben Okafor');
    const goal = core.repos.goals.create({ coacheeId: ana.id, title: 'Lead the team' });
    const bensGoal = core.repos.goals.create({ coacheeId: ben.id, title: 'Ship it' });
    const session = workspace.sessionStart({ coacheeId: ana.id, walkAwayWith: 'Focus', ...CONTRACT }) as { id: string };
    const ending = {
      id: session.id,
      outcome: 'yes' as const,
      outcomeWords: 'Clear',
      summary: '',
      actions: [{ what: 'Ask Sam for the brief', owner: 'coachee', dueDate: null, goalId: goal.id }],
      sessionFeedback: { helped: 'The silence', changeNext: 'More challenge' },
    };
    // One bad rating (another coachee's goal) and nothing of the close-out is written.
    expect(() => workspace.sessionEnd({ ...ending, ratings: [{ goalId: goal.id, rating: 6, words: 'ok' }, { goalId: bensGoal.id, rating: 6, words: '' }] })).toThrow(AppError);
    expect(core.repos.sessions.get(session.id)!.endedAt).toBeNull();
    expect([count('actions'), count('progress_ratings'), count('session_feedback')]).toEqual([0, 0, 0]);

    workspace.sessionEnd({ ...ending, ratings: [{ goalId: goal.id, rating: 6, words: 'Getting there' }] });
    expect(core.repos.sessions.get(session.id)).toMatchObject({ outcome: 'yes' });
    expect(core.repos.actions.listBySession(session.id).map((a) => [a.what, a.goalId])).toEqual([['Ask Sam for the brief', goal.id]]);
    expect(core.repos.ratings.listBySession(session.id).map((r) => [r.goalId, r.rating, r.words])).toEqual([[goal.id, 6, 'Getting there']]);
    expect(core.repos.feedback.getSessionFeedback(session.id)).toMatchObject({ helped: 'The silence', changeNext: 'More challenge' });
  });

  it('one session in progress per coachee', () => {
    const ana = coachee('Ana Lima');
    const open = workspace.sessionStart({ coacheeId: ana.id, walkAwayWith: 'Focus', ...CONTRACT }) as { id: string };
    expect(() => workspace.sessionStart({ coacheeId: ana.id, walkAwayWith: 'Another', ...CONTRACT })).toThrow(/still open/);
    // Another coachee is not held up.
    const ben = coachee('Ben Okafor');
    workspace.sessionStart({ coacheeId: ben.id, walkAwayWith: 'Clarity', ...CONTRACT });
    workspace.sessionEnd({ id: open.id, outcome: 'no', outcomeWords: '', summary: '', actions: [] });
    expect(() => workspace.sessionStart({ coacheeId: ana.id, walkAwayWith: 'Another', ...CONTRACT })).not.toThrow();
  });

  it('deleting a session leaves no ratings, feedback or search rows behind; deleting the coachee leaves no goals', () => {
    const ana = coachee('Ana Lima');
    const goal = journey.goalCreate({ coacheeId: ana.id, title: 'Lead the wombat team', successLooksLike: '' }) as { id: string };
    const sessionId = closedSession(ana.id, '2026-02-02T09:00:00.000Z', [{ goalId: goal.id, rating: 7, words: 'quokka moment' }], {
      sessionFeedback: { helped: 'the axolotl exercise', changeNext: '' },
    });
    journey.feedbackGive({ sessionId, situation: 'In the pangolin review', behaviour: 'You interrupted', impact: 'Sam went quiet', response: 'I see it' });
    expect([count('progress_ratings'), count('feedback_given'), count('session_feedback')]).toEqual([1, 1, 1]);
    const indexed = () => core.vault.db.prepare(`SELECT kind FROM search_rows WHERE kind IN ('rating', 'feedback', 'session-feedback', 'goal') ORDER BY kind`).pluck().all();
    expect(indexed()).toEqual(['feedback', 'goal', 'rating', 'session-feedback']);

    expect(core.repos.sessions.delete(sessionId)).toBe(true);
    expect([count('progress_ratings'), count('feedback_given'), count('session_feedback')]).toEqual([0, 0, 0]);
    expect(indexed()).toEqual(['goal']);
    for (const word of ['quokka', 'axolotl', 'pangolin']) expect(search(core.vault.db, word)).toEqual([]);
    expect(core.vault.db.pragma('foreign_key_check')).toEqual([]);

    core.repos.coachees.delete(ana.id);
    expect([count('goals'), count('search_rows')]).toEqual([0, 0]);
  });

  it('goals, ratings and both kinds of feedback are searched', () => {
    const ana = coachee('Ana Lima');
    const goal = journey.goalCreate({ coacheeId: ana.id, title: 'Become a marmoset mentor', successLooksLike: 'Two mentees by June' }) as { id: string };
    const sessionId = closedSession(ana.id, '2026-02-02T09:00:00.000Z', [{ goalId: goal.id, rating: 4, words: 'first ocelot chat' }], {
      sessionFeedback: { helped: 'the narwhal question', changeNext: 'less talking' },
    });
    journey.feedbackGive({ sessionId, situation: 'At the capybara offsite', behaviour: '', impact: '', response: '' });
    const kindOf = (word: string) => search(core.vault.db, word).map((hit) => [hit.kind, hit.coacheeId, hit.private]);
    expect(kindOf('marmoset')).toEqual([['goal', ana.id, false]]);
    expect(kindOf('ocelot')).toEqual([['rating', ana.id, false]]);
    expect(kindOf('capybara')).toEqual([['feedback', ana.id, false]]);
    expect(kindOf('narwhal')).toEqual([['session-feedback', ana.id, false]]);
    // A goal renamed is found by its new name only.
    journey.goalUpdate({ id: goal.id, patch: { title: 'Become a lemur mentor' } });
    expect(kindOf('marmoset')).toEqual([]);
    expect(kindOf('lemur')).toEqual([['goal', ana.id, false]]);
  });

  it("the coachee's window follows the coach's appearance at once, its view unchanged; the setting is kept in the vault", async () => {
    const ana = coachee('Ana Lima');
    const session = core.repos.sessions.create({ coacheeId: ana.id, walkAwayWith: 'A picture' });
    const screens: unknown[] = [];
    core.share.onCoacheeEvent((event) => event.type === 'screen' && screens.push(event.screen));
    core.share.start(session.id, { kind: 'prompt', text: 'What matters?', category: 'values' }, null);
    expect(core.share.screen()).toEqual({ view: { kind: 'prompt', text: 'What matters?', category: 'values' }, mapSnapshot: null, appearance: 'system' });
    const settings = await journey.appearanceSet({ appearance: 'dark' });
    expect(settings.appearance).toBe('dark');
    expect(screens.at(-1)).toEqual({ view: { kind: 'prompt', text: 'What matters?', category: 'values' }, mapSnapshot: null, appearance: 'dark' });
    core.lock('user');
    await core.vault.unlock(GOOD_PASSPHRASE);
    expect(core.settings().appearance).toBe('dark');
    // Whatever an older or newer app left in the row, the coachee's window gets a known value.
    core.repos.settings.set('settings', { ...core.settings(), appearance: 'sepia' });
    expect(core.share.screen().appearance).toBe('system');
  });

  it('the agreement step records confidentiality and its limits with their dates; earlier dates stay', async () => {
    const ana = core.repos.coachees.create({ name: 'Ana Lima' });
    core.repos.boundaryChecks.save(ana.id, { ...NO_BOUNDARY_ISSUES, confidentialityAgreed: true, limitsExplained: false });
    const first = core.repos.boundaryChecks.get(ana.id)!;
    expect(first.confidentialityAgreedAt).toBe(first.answeredAt);
    expect(first.limitsExplainedAt).toBeNull();
    const recorded = await journey.agreementRecord({ coacheeId: ana.id, confidentiality: true, limits: true });
    expect(recorded).toMatchObject({ confidentialityAgreed: true, limitsExplained: true, confidentialityAgreedAt: first.confidentialityAgreedAt, answeredAt: first.answeredAt });
    expect(Date.parse(recorded.limitsExplainedAt!)).toBeGreaterThanOrEqual(Date.parse(first.answeredAt));
    expect(core.repos.boundaryChecks.get(ana.id)).toEqual(recorded);
  });

  it('the journey counts each session\'s actions by where they stand, and home sees the practice', async () => {
    const ana = coachee('Ana Lima');
    const ben = coachee('Ben Okafor');
    const today = '2026-03-16';
    // Ana every two weeks, last seen seven weeks ago: overdue. Ben weekly, last seen six days ago.
    const anaSessions = ['2025-12-01', '2025-12-15', '2025-12-29', '2026-01-12', '2026-01-26'].map((day) => closedSession(ana.id, `${day}T09:00:00.000Z`, []));
    for (const day of ['2026-02-24', '2026-03-03', '2026-03-10']) closedSession(ben.id, `${day}T09:00:00.000Z`, []);
    const [s1, s2] = anaSessions;
    const due = core.repos.actions.create({ sessionId: s1!, what: 'Draft the proposal', dueDate: '2026-03-18' });
    const late = core.repos.actions.create({ sessionId: s1!, what: 'Book the offsite', dueDate: '2026-03-01' });
    core.repos.actions.create({ sessionId: s1!, what: 'Far away', dueDate: '2026-06-01' });
    const done = core.repos.actions.create({ sessionId: s2!, what: 'Read the memo', dueDate: '2026-03-02' });
    core.repos.actions.followUp(done.id, anaSessions[2]!, 'done');
    const dropped = core.repos.actions.create({ sessionId: s2!, what: 'Drop me' });
    core.repos.actions.followUp(dropped.id, anaSessions[2]!, 'dropped');
    const open = workspace.sessionStart({ coacheeId: ben.id, walkAwayWith: 'Still going', ...CONTRACT }) as { id: string };
    core.repos.sessions.update(open.id, { startedAt: '2026-03-14T09:00:00.000Z' });

    expect((await journey.journeyGet({ coacheeId: ana.id })).actions).toEqual([
      { sessionId: s1, committed: 3, open: 3, done: 0, carried: 0, dropped: 0 },
      { sessionId: s2, committed: 2, open: 0, done: 1, carried: 0, dropped: 1 },
    ]);

    const overview = await journey.practiceOverview({ today, utcOffsetMinutes: 0 });
    expect(overview.followUpsDue.map((a) => [a.what, a.coacheeName])).toEqual([['Draft the proposal', 'Ana Lima']]);
    expect(overview.overdueActions.map((a) => a.id)).toEqual([late.id]);
    expect(overview.followUpsDue[0]!.id).toBe(due.id);
    expect(overview.notSeen.map((c) => [c.name, c.rhythmDays, c.daysSince])).toEqual([['Ana Lima', 14, 49]]);
    expect(overview.openSessions.map((s) => [s.sessionId, s.coacheeName])).toEqual([[open.id, 'Ben Okafor']]);
    expect(overview.sessionsPerMonth).toHaveLength(12);
    expect(overview.sessionsPerMonth.at(-1)).toEqual({ month: '2026-03', sessions: 3 });
    expect(overview.sessionsPerMonth.slice(-5).map((m) => m.sessions)).toEqual([0, 3, 2, 1, 3]);
    // Ben, with his session still open, is not "not seen"; an archived coachee is left out of home entirely.
    core.repos.coachees.archive(ana.id);
    const archived = await journey.practiceOverview({ today, utcOffsetMinutes: 0 });
    expect([archived.notSeen, archived.followUpsDue, archived.overdueActions]).toEqual([[], [], []]);
  });
});
