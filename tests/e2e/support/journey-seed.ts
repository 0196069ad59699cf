import type { AppCore } from '../../../electron/core/app-core';

const DAY = 24 * 3600_000;
const ANSWERS = { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false };

export interface SeededPractice {
  anaId: string;
  benId: string;
  chenId: string;
  /** Chen's session, left open. */
  openSessionId: string;
}

const day = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

/**
 * A practice with a lived-in journey, written through the core's repositories (the vault behind the
 * page): Ana seen fortnightly for five months with three goals rated along the way, actions in
 * every state and feedback both ways; Ben, whose confidentiality is not agreed yet and who is
 * overdue; Chen, with a session left open.
 */
export function seedPractice(core: AppCore): SeededPractice {
  const repos = core.repos;
  const ana = repos.coachees.create({
    name: 'Ana Ruiz',
    role: 'Head of Product',
    organisation: 'Northwind',
    ambitions: 'Lead a product organisation of forty people within two years, and be the person the board asks about the platform.',
    preferredMode: 'draw',
  });
  repos.boundaryChecks.save(ana.id, ANSWERS);
  const lead = repos.goals.create({ coacheeId: ana.id, title: 'Lead the platform team', successLooksLike: 'The team brings problems to me before my manager' });
  const board = repos.goals.create({ coacheeId: ana.id, title: 'Speak up with the board', successLooksLike: 'I present the roadmap myself' });
  const hire = repos.goals.create({ coacheeId: ana.id, title: 'Hire two senior engineers' });
  const ways = ['talk', 'draw', 'challenge', 'talk', 'draw', 'talk', 'challenge', 'draw', 'talk', 'talk'] as const;
  const outcomes = ['no', 'partly', 'partly', 'yes', 'partly', 'yes', 'no', 'yes', 'yes', 'partly'] as const;
  const leadRatings = [3, 4, 4, 5, 6, 6, 5, 7, 8, 8];
  const boardRatings = [2, null, 3, 3, null, 5, 6, null, 7, 7];
  const gaps = [0, 14, 28, 42, 56, 84, 98, 112, 126, 140];
  const sessionIds: string[] = [];
  const stepIds: string[] = [];
  gaps.forEach((offset, index) => {
    const session = repos.sessions.create({
      coacheeId: ana.id,
      walkAwayWith: ['Clarity on what leading means here', 'A plan for the first team meeting', 'How to say no to the CEO', 'Who to hire first'][index % 4]!,
      wayOfWorking: ways[index],
      startedAt: new Date(Date.now() - (150 - offset) * DAY).toISOString(),
    });
    sessionIds.push(session.id);
    repos.ratings.rate({ goalId: lead.id, sessionId: session.id, rating: leadRatings[index]!, words: ['Still waiting to be asked', 'One person came to me', 'They ask me in stand-up now'][index % 3]! });
    const boardRating = boardRatings[index];
    if (boardRating) repos.ratings.rate({ goalId: board.id, sessionId: session.id, rating: boardRating, words: 'Spoke once in the review' });
    if (index >= 6) repos.ratings.rate({ goalId: hire.id, sessionId: session.id, rating: index - 3, words: 'Two interviews booked' });
    stepIds.push(repos.actions.create({ sessionId: session.id, what: `Step ${index + 1}: talk to the team`, goalId: lead.id, dueDate: day(150 - offset - 10) }).id);
    repos.actions.create({ sessionId: session.id, what: `Read the memo ${index + 1}` });
    repos.sessions.end(session.id, { outcome: outcomes[index]!, outcomeWords: 'A first step' });
    if (index % 3 === 1) repos.feedback.give({ sessionId: session.id, situation: 'In the roadmap review', behaviour: 'You apologised before each point', impact: 'The room heard doubt', response: 'I had not noticed; I will try without' });
    if (index % 2 === 0) repos.feedback.saveSessionFeedback(session.id, { helped: 'Being asked for a number', changeNext: 'Start with the hard part' });
  });
  // Each step followed up in the next session: done, carried on or dropped.
  stepIds.slice(0, -1).forEach((id, index) => repos.actions.followUp(id, sessionIds[index + 1]!, (['done', 'carried', 'done', 'dropped'] as const)[index % 4]!));
  repos.goals.setStatus(hire.id, { status: 'paused', on: day(3), why: 'Hiring freeze until the next quarter' });
  repos.actions.create({ sessionId: sessionIds[9]!, what: 'Send the team charter draft', dueDate: day(-3) });

  const ben = repos.coachees.create({ name: 'Ben Okafor', role: 'Engineering Manager', organisation: 'Globex', preferredMode: 'talk' });
  repos.boundaryChecks.save(ben.id, { ...ANSWERS, confidentialityAgreed: true, limitsExplained: false });
  for (const daysAgo of [80, 66, 52]) {
    const session = repos.sessions.create({ coacheeId: ben.id, walkAwayWith: 'How to run the reorg conversation', startedAt: new Date(Date.now() - daysAgo * DAY).toISOString() });
    repos.actions.create({ sessionId: session.id, what: 'Draft the reorg message', dueDate: day(daysAgo - 20) });
    repos.sessions.end(session.id, { outcome: 'partly' });
  }

  const chen = repos.coachees.create({ name: 'Chen Wu', role: 'Designer', organisation: 'Initech', preferredMode: 'challenge', challengeIntensity: 'direct' });
  repos.boundaryChecks.save(chen.id, ANSWERS);
  const open = repos.sessions.create({ coacheeId: chen.id, walkAwayWith: 'Stop avoiding the portfolio review', startedAt: new Date(Date.now() - 2 * DAY).toISOString() });
  return { anaId: ana.id, benId: ben.id, chenId: chen.id, openSessionId: open.id };
}
