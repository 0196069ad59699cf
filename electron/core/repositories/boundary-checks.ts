import type { BoundaryCheck, BoundaryCheckAnswers } from '@shared/domain/boundary-check';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import type { Clock } from './support';

interface BoundaryCheckRow {
  coachee_id: string;
  manages_performance_or_pay: number;
  conflict_of_interest: number;
  confidentiality_agreed: number;
  limits_explained: number;
  conflict_acknowledged: number;
  answered_at: string;
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
  };
}

const bit = (value: boolean): number => (value ? 1 : 0);

export interface BoundaryCheckRepository {
  get(coacheeId: string): BoundaryCheck | null;
  /** Record (or re-record) the coachee's answers; answeredAt becomes now. */
  save(coacheeId: string, answers: BoundaryCheckAnswers): BoundaryCheck;
}

export function boundaryCheckRepository(db: Db, now: Clock): BoundaryCheckRepository {
  return {
    get(coacheeId) {
      const row = statement<[string], BoundaryCheckRow>(db, `SELECT * FROM boundary_checks WHERE coachee_id = ?`).get(coacheeId);
      return row ? toBoundaryCheck(row) : null;
    },

    save(coacheeId, answers) {
      const check: BoundaryCheck = {
        coacheeId,
        managesPerformanceOrPay: answers.managesPerformanceOrPay,
        conflictOfInterest: answers.conflictOfInterest,
        confidentialityAgreed: answers.confidentialityAgreed,
        limitsExplained: answers.limitsExplained,
        conflictAcknowledged: answers.conflictAcknowledged,
        answeredAt: now(),
      };
      statement(
        db,
        `INSERT INTO boundary_checks (coachee_id, manages_performance_or_pay, conflict_of_interest, confidentiality_agreed,
           limits_explained, conflict_acknowledged, answered_at)
         VALUES (@coacheeId, @managesPerformanceOrPay, @conflictOfInterest, @confidentialityAgreed, @limitsExplained,
           @conflictAcknowledged, @answeredAt)
         ON CONFLICT (coachee_id) DO UPDATE SET
           manages_performance_or_pay = excluded.manages_performance_or_pay,
           conflict_of_interest = excluded.conflict_of_interest,
           confidentiality_agreed = excluded.confidentiality_agreed,
           limits_explained = excluded.limits_explained,
           conflict_acknowledged = excluded.conflict_acknowledged,
           answered_at = excluded.answered_at`,
      ).run({
        coacheeId,
        managesPerformanceOrPay: bit(check.managesPerformanceOrPay),
        conflictOfInterest: bit(check.conflictOfInterest),
        confidentialityAgreed: bit(check.confidentialityAgreed),
        limitsExplained: bit(check.limitsExplained),
        conflictAcknowledged: bit(check.conflictAcknowledged),
        answeredAt: check.answeredAt,
      });
      return check;
    },
  };
}
