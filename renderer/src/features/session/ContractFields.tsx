import { CHALLENGE_INTENSITIES, WAYS_OF_WORKING, type ChallengeIntensity, type WayOfWorking } from '@shared/domain/working-style';
import { INTENSITY_LABELS, WAY_LABELS } from '../coachees/labels';

export interface ContractDraft {
  walkAwayWith: string;
  wayOfWorking: WayOfWorking;
  challengeIntensity: ChallengeIntensity;
  timeBoxMinutes: number;
  boundariesToday: string;
}

/** The session contract, in the coachee's words: used to start a session and to edit it during one. */
export function ContractFields({ draft, onChange, autoFocus }: { draft: ContractDraft; onChange: (draft: ContractDraft) => void; autoFocus?: boolean }) {
  const set = <K extends keyof ContractDraft>(key: K, value: ContractDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <label className="field">
        <span>What do you want to walk away with today?</span>
        <textarea
          rows={3}
          autoFocus={autoFocus}
          required
          placeholder="In the coachee's own words"
          value={draft.walkAwayWith}
          onChange={(e) => set('walkAwayWith', e.target.value)}
        />
      </label>
      <fieldset className="choice-group">
        <legend>How do you want to work this time?</legend>
        <div className="choice-row">
          {WAYS_OF_WORKING.map((way) => (
            <label className="pill-choice" key={way}>
              <input type="radio" name="wayOfWorking" checked={draft.wayOfWorking === way} onChange={() => set('wayOfWorking', way)} />
              <span>{WAY_LABELS[way]}</span>
            </label>
          ))}
        </div>
        {draft.wayOfWorking === 'challenge' && (
          <div className="choice-row" role="radiogroup" aria-label="How hard">
            <span className="hint">How hard:</span>
            {CHALLENGE_INTENSITIES.map((level) => (
              <label className="pill-choice" key={level}>
                <input type="radio" name="intensity" checked={draft.challengeIntensity === level} onChange={() => set('challengeIntensity', level)} />
                <span>{INTENSITY_LABELS[level]}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="form-grid">
        <label className="field">
          <span>Time box (minutes)</span>
          <input type="number" min={5} max={480} step={5} value={draft.timeBoxMinutes} onChange={(e) => set('timeBoxMinutes', Number(e.target.value) || 60)} />
        </label>
        <label className="field">
          <span>Boundaries for today (optional)</span>
          <input placeholder="Topics off limits today" value={draft.boundariesToday} onChange={(e) => set('boundariesToday', e.target.value)} />
        </label>
      </div>
    </>
  );
}
