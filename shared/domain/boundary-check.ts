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
  /** When confidentiality was agreed with the coachee (null while it is not). */
  confidentialityAgreedAt: string | null;
  /** When the limits of confidentiality were explained to them (null while they are not). */
  limitsExplainedAt: string | null;
}

/**
 * Seed practice: confidentiality and its limits are agreed before coaching starts. While either is
 * not, the contract screen makes it a step to do with the coachee.
 */
export function agreementPending(check: Pick<BoundaryCheckAnswers, 'confidentialityAgreed' | 'limitsExplained'>): boolean {
  return !check.confidentialityAgreed || !check.limitsExplained;
}
