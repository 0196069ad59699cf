import type { BoundaryCheck, BoundaryCheckAnswers } from '@shared/domain/boundary-check';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { notFound, type Clock } from './support';

interface BoundaryCheckRow {
  coachee_id: string;
  manages_performance_or_pay: number;
  conflict_of_interest: number;
  confidentiality_agreed: number;
  limits_explained: number;
  conflict_acknowledged: number;
  answered_at: string;
  confidentiality_agreed_at: string | null;
  limits_explained_at: string | null;
}

function toBoundaryCheck(row: BoundaryCheckRow): BoundaryCheck {
  return {
    coacheeId: row.coachee_id,
    managesPerformanceOrPay: row.manages_performance_or_pay === 1,
    conflictOfInterest: row.conflict_of_interest === 1,
    confidentialityAgreed: row.confidentiality_agreed === 1,
    limitsExplained: row.limits_explained === 1,
    conflictAcknowledged: row.conflict_acknowledged === 1,
    answeredAt: row.answered_at,
    confidentialityAgreedAt: row.confidentiality_agreed_at,
    limitsExplainedAt: row.limits_explained_at,
  };
}

const bit = (value: boolean): number => (value ? 1 : 0);

export interface BoundaryCheckRepository {
  get(coacheeId: string): BoundaryCheck | null;
  /**
   * Record (or re-record) the coachee's answers; answeredAt becomes now. Confidentiality agreed and
   * its limits explained keep the date they first became "yes" (now, if they just did); a "no"
   * clears it.
   */
  save(coacheeId: string, answers: BoundaryCheckAnswers): BoundaryCheck;
  /**
   * The agreement step of the contract screen: confidentiality agreed, its limits explained, or
   * both, with the coachee, now. What is already agreed keeps its date; the other answers stay.
   */
  recordAgreement(coacheeId: string, agreed: { confidentiality: boolean; limits: boolean }): BoundaryCheck;
}

export function boundaryCheckRepository(db: Db, now: Clock): BoundaryCheckRepository {
  const get = (coacheeId: string): BoundaryCheck | null => {
    const row = statement<[string], BoundaryCheckRow>(db, `SELECT * FROM boundary_checks WHERE coachee_id = ?`).get(coacheeId);
    return row ? toBoundaryCheck(row) : null;
  };

  const write = (check: BoundaryCheck): BoundaryCheck => {
    statement(
      db,
      `INSERT INTO boundary_checks (coachee_id, manages_performance_or_pay, conflict_of_interest, confidentiality_agreed,
         limits_explained, conflict_acknowledged, answered_at, confidentiality_agreed_at, limits_explained_at)
       VALUES (@coacheeId, @managesPerformanceOrPay, @conflictOfInterest, @confidentialityAgreed, @limitsExplained,
         @conflictAcknowledged, @answeredAt, @confidentialityAgreedAt, @limitsExplainedAt)
       ON CONFLICT (coachee_id) DO UPDATE SET
         manages_performance_or_pay = excluded.manages_performance_or_pay,
         conflict_of_interest = excluded.conflict_of_interest,
         confidentiality_agreed = excluded.confidentiality_agreed,
         limits_explained = excluded.limits_explained,
         conflict_acknowledged = excluded.conflict_acknowledged,
         answered_at = excluded.answered_at,
         confidentiality_agreed_at = excluded.confidentiality_agreed_at,
         limits_explained_at = excluded.limits_explained_at`,
    ).run({
      coacheeId: check.coacheeId,
      managesPerformanceOrPay: bit(check.managesPerformanceOrPay),
      conflictOfInterest: bit(check.conflictOfInterest),
      confidentialityAgreed: bit(check.confidentialityAgreed),
      limitsExplained: bit(check.limitsExplained),
      conflictAcknowledged: bit(check.conflictAcknowledged),
      answeredAt: check.answeredAt,
      confidentialityAgreedAt: check.confidentialityAgreedAt,
      limitsExplainedAt: check.limitsExplainedAt,
    });
    return check;
  };

  /** The date a "yes" carries: the one it already had, or now; a "no" has none. */
  const since = (yes: boolean, before: string | null | undefined, at: string): string | null => (yes ? (before ?? at) : null);

  return {
    get,

    save(coacheeId, answers) {
      const at = now();
      const before = get(coacheeId);
      return write({
        coacheeId,
        managesPerformanceOrPay: answers.managesPerformanceOrPay,
        conflictOfInterest: answers.conflictOfInterest,
        confidentialityAgreed: answers.confidentialityAgreed,
        limitsExplained: answers.limitsExplained,
        conflictAcknowledged: answers.conflictAcknowledged,
        answeredAt: at,
        confidentialityAgreedAt: since(answers.confidentialityAgreed, before?.confidentialityAgreedAt, at),
        limitsExplainedAt: since(answers.limitsExplained, before?.limitsExplainedAt, at),
      });
    },

    recordAgreement(coacheeId, agreed) {
      const before = get(coacheeId);
      if (!before) throw notFound('boundary check for the coachee', coacheeId);
      const at = now();
      const confidentialityAgreed = before.confidentialityAgreed || agreed.confidentiality;
      const limitsExplained = before.limitsExplained || agreed.limits;
      return write({
        ...before,
        confidentialityAgreed,
        limitsExplained,
        confidentialityAgreedAt: since(confidentialityAgreed, before.confidentialityAgreedAt, at),
        limitsExplainedAt: since(limitsExplained, before.limitsExplainedAt, at),
      });
    },
  };
}
