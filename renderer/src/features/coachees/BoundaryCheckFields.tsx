import type { BoundaryCheckAnswers } from '@shared/domain/boundary-check';

export type BoundaryDraft = { [K in Exclude<keyof BoundaryCheckAnswers, 'conflictAcknowledged'>]: boolean | null } & {
  conflictAcknowledged: boolean;
};

export const EMPTY_BOUNDARY: BoundaryDraft = {
  managesPerformanceOrPay: null,
  conflictOfInterest: null,
  confidentialityAgreed: null,
  limitsExplained: null,
  conflictAcknowledged: false,
};

export const BOUNDARY_QUESTIONS: Array<{ key: Exclude<keyof BoundaryDraft, 'conflictAcknowledged'>; text: string }> = [
  { key: 'managesPerformanceOrPay', text: "Do you manage this person's performance or pay?" },
  { key: 'conflictOfInterest', text: 'Do you have any other conflict of interest with this person?' },
  { key: 'confidentialityAgreed', text: 'Is confidentiality agreed between you?' },
  { key: 'limitsExplained', text: 'Have you explained the limits of confidentiality (risk of harm, legal duties)?' },
];

export function draftHasConflict(draft: BoundaryDraft): boolean {
  return draft.managesPerformanceOrPay === true || draft.conflictOfInterest === true;
}

/** Complete answers, or null while a question is unanswered or a conflict is not acknowledged. */
export function completeAnswers(draft: BoundaryDraft): BoundaryCheckAnswers | null {
  if (BOUNDARY_QUESTIONS.some(({ key }) => draft[key] === null)) return null;
  if (draftHasConflict(draft) && !draft.conflictAcknowledged) return null;
  return {
    managesPerformanceOrPay: draft.managesPerformanceOrPay === true,
    conflictOfInterest: draft.conflictOfInterest === true,
    confidentialityAgreed: draft.confidentialityAgreed === true,
    limitsExplained: draft.limitsExplained === true,
    conflictAcknowledged: draftHasConflict(draft) && draft.conflictAcknowledged,
  };
}

/** The boundary check a coach answers before the first session; a conflict must be acknowledged. */
export function BoundaryCheckFields({ draft, onChange }: { draft: BoundaryDraft; onChange: (draft: BoundaryDraft) => void }) {
  const conflict = draftHasConflict(draft);
  return (
    <fieldset className="boundary">
      <legend>Boundary check</legend>
      <p className="hint">Answer these before the first session. Your answers stay on the profile.</p>
      {BOUNDARY_QUESTIONS.map(({ key, text }) => (
        <div className="boundary__question" role="radiogroup" aria-label={text} key={key}>
          <span>{text}</span>
          <label className="pill-choice">
            <input type="radio" name={key} checked={draft[key] === true} onChange={() => onChange({ ...draft, [key]: true })} />
            <span>Yes</span>
          </label>
          <label className="pill-choice">
            <input type="radio" name={key} checked={draft[key] === false} onChange={() => onChange({ ...draft, [key]: false })} />
            <span>No</span>
          </label>
        </div>
      ))}
      {conflict && (
        <div className="warning" role="alert">
          <strong>This looks like a conflict of interest.</strong> Coaching someone whose performance or pay you decide, or
          with whom you have another conflict, makes it hard for them to speak freely. Consider suggesting another coach.
          <label className="check">
            <input
              type="checkbox"
              checked={draft.conflictAcknowledged}
              onChange={(event) => onChange({ ...draft, conflictAcknowledged: event.target.checked })}
            />
            <span>I understand the conflict and will go on</span>
          </label>
        </div>
      )}
    </fieldset>
  );
}
