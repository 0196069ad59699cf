/**
 * The questions a coach answers before working with someone, once per coachee: a coach who manages
 * the coachee's performance or pay, or has a conflict of interest, should acknowledge it knowingly.
 */
export interface BoundaryCheckAnswers {
  managesPerformanceOrPay: boolean;
  conflictOfInterest: boolean;
  confidentialityAgreed: boolean;
  limitsExplained: boolean;
  /** The coach has seen the warning about a conflict and chosen to go ahead. */
  conflictAcknowledged: boolean;
}

export interface BoundaryCheck extends BoundaryCheckAnswers {
  coacheeId: string;
  answeredAt: string;
}
