import { z } from 'zod';
import type { BoundaryCheck } from '../domain/boundary-check';
import { GOAL_STATUSES, type FeedbackGiven, type Goal, type Journey, type PracticeOverview } from '../domain/journey';
import { APPEARANCES, type AppSettings } from '../domain/settings';
import { call } from './define';

const id = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const title = z.string().trim().min(1).max(500);
const longText = z.string().max(5000);

/** The journey: goals, feedback given, the agreement step, home's overview and the appearance. */
export const journeyCalls = {
  /** Everything the journey page draws for one coachee. Reads only. */
  journeyGet: call(z.object({ coacheeId: id }).strict()).returns<Journey>(),
  goalCreate: call(z.object({ coacheeId: id, title, successLooksLike: longText }).strict()).returns<Goal>(),
  goalUpdate: call(z.object({ id, patch: z.object({ title, successLooksLike: longText }).partial().strict() }).strict()).returns<Goal>(),
  /** Pause, achieve, let go or take up again, on a day, with a line of why. */
  goalSetStatus: call(z.object({ id, status: z.enum(GOAL_STATUSES), on: isoDate, why: z.string().max(1000) }).strict()).returns<Goal>(),
  /** Feedback the coach gave in a session: situation, behaviour, impact, and how the coachee responded. */
  feedbackGive: call(
    z
      .object({ sessionId: id, situation: longText, behaviour: longText, impact: longText, response: longText })
      .strict()
      .refine((input) => `${input.situation}${input.behaviour}${input.impact}`.trim().length > 0, 'say the situation, the behaviour or its impact'),
  ).returns<FeedbackGiven>(),
  /** The contract screen's first step: confidentiality agreed and its limits explained with the coachee, now. */
  agreementRecord: call(
    z
      .object({ coacheeId: id, confidentiality: z.boolean(), limits: z.boolean() })
      .strict()
      .refine((input) => input.confidentiality || input.limits, 'record at least one of the two'),
  ).returns<BoundaryCheck>(),
  /** Home: follow-ups due, overdue actions, coachees not seen, sessions per month, sessions left open. */
  practiceOverview: call(
    z.object({ today: isoDate, utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60) }).strict(),
  ).returns<PracticeOverview>(),
  /** Light, dark, or following the system: every window follows, the coachee's shared screen too. */
  appearanceSet: call(z.object({ appearance: z.enum(APPEARANCES) }).strict()).returns<AppSettings>(),
};
