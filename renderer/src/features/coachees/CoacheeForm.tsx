import { useState, type FormEvent } from 'react';
import { EMPTY_COACHEE_PROFILE, RELATIONSHIP_KINDS, type Coachee, type CoacheeProfile } from '@shared/domain/coachee';
import { CHALLENGE_INTENSITIES, WAYS_OF_WORKING } from '@shared/domain/working-style';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { BoundaryCheckFields, EMPTY_BOUNDARY, completeAnswers, type BoundaryDraft } from './BoundaryCheckFields';
import { INTENSITY_LABELS, RELATIONSHIP_LABELS, WAY_LABELS } from './labels';


const TEXT_AREAS: Array<{ key: keyof CoacheeProfile; label: string; hint: string }> = [
  { key: 'ambitions', label: 'Professional ambitions', hint: 'Where do they want their work to take them?' },
  { key: 'currentProjects', label: 'Current projects', hint: 'What are they working on right now?' },
  { key: 'obstacles', label: 'Perceived obstacles', hint: 'What do they see standing in the way?' },
  { key: 'supportWanted', label: 'Support they want from you', hint: 'In their words, if you have them.' },
  { key: 'note', label: 'Note', hint: 'Anything else about their professional world.' },
];

interface Props {
  existing?: Coachee;
  navigate: Navigate;
  onSaved: () => void;
}

/** Create a coachee (with the boundary check) or edit a profile centred on their professional world. */
export function CoacheeForm({ existing, navigate, onSaved }: Props) {
  const [profile, setProfile] = useState<CoacheeProfile>(() => {
    if (!existing) return EMPTY_COACHEE_PROFILE;
    const { id: _id, archivedAt: _a, createdAt: _c, updatedAt: _u, ...rest } = existing;
    return rest;
  });
  const [boundary, setBoundary] = useState<BoundaryDraft>(EMPTY_BOUNDARY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const answers = completeAnswers(boundary);
  const canSave = profile.name.trim().length > 0 && (existing !== undefined || answers !== null);

  const set = <K extends keyof CoacheeProfile>(key: K, value: CoacheeProfile[K]) => setProfile((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSave) return;
    setBusy(true);
    setError('');
    try {
      const saved = existing
        ? await api.coacheeUpdate({ id: existing.id, patch: profile })
        : await api.coacheeCreate({ ...profile, boundaryCheck: answers! });
      onSaved();
      navigate({ kind: 'coachee', id: saved.id });
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="page" onSubmit={submit} aria-labelledby="coachee-form-title">
      <header className="page__head">
        <h1 id="coachee-form-title">{existing ? `Edit ${existing.name}` : 'New coachee'}</h1>
      </header>
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input autoFocus value={profile.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />
        </label>
        <label className="field">
          <span>Role</span>
          <input value={profile.role} onChange={(e) => set('role', e.target.value)} maxLength={500} />
        </label>
        <label className="field">
          <span>Organisation</span>
          <input value={profile.organisation} onChange={(e) => set('organisation', e.target.value)} maxLength={500} />
        </label>
        <label className="field">
          <span>Relationship</span>
          <select value={profile.relationshipKind} onChange={(e) => set('relationshipKind', e.target.value as CoacheeProfile['relationshipKind'])}>
            {RELATIONSHIP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {RELATIONSHIP_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {TEXT_AREAS.map(({ key, label, hint }) => (
        <label className="field" key={key}>
          <span>{label}</span>
          <textarea rows={2} placeholder={hint} value={profile[key]} onChange={(e) => set(key, e.target.value)} />
        </label>
      ))}
      <fieldset className="choice-group">
        <legend>How they like to work</legend>
        <div className="choice-row">
          {WAYS_OF_WORKING.map((way) => (
            <label className="pill-choice" key={way}>
              <input type="radio" name="preferredMode" checked={profile.preferredMode === way} onChange={() => set('preferredMode', way)} />
              <span>{WAY_LABELS[way]}</span>
            </label>
          ))}
        </div>
        <div className="choice-row" role="radiogroup" aria-label="Challenge intensity">
          <span className="hint">When challenged:</span>
          {CHALLENGE_INTENSITIES.map((level) => (
            <label className="pill-choice" key={level}>
              <input type="radio" name="challengeIntensity" checked={profile.challengeIntensity === level} onChange={() => set('challengeIntensity', level)} />
              <span>{INTENSITY_LABELS[level]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!existing && <BoundaryCheckFields draft={boundary} onChange={setBoundary} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="page__actions">
        <button type="button" className="button" onClick={() => navigate(existing ? { kind: 'coachee', id: existing.id } : { kind: 'welcome' })}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy || !canSave}>
          {existing ? 'Save profile' : 'Add coachee'}
        </button>
      </div>
    </form>
  );
}
