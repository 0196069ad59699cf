import { useState } from 'react';
import { appearanceOf, type Appearance } from '@shared/domain/settings';
import { api } from '../../api/client';
import { currentAppearance, setAppearance } from '../../theme/appearance';
import { sentenceFor } from '../vault/errors';
import './settings.css';
import './appearance.css';

const CHOICES: Array<{ value: Appearance; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Light or dark for every window, the coachee's shared screen included: the system's setting, or
 * the coach's choice over it. Applied at once; kept in the vault's settings.
 */
export function AppearanceField() {
  const [appearance, setChoice] = useState<Appearance>(currentAppearance);
  const [error, setError] = useState('');

  const choose = (next: Appearance) => {
    const before = appearance;
    setChoice(next);
    setAppearance(next);
    api.appearanceSet({ appearance: next }).then(
      (settings) => setError(appearanceOf(settings) === next ? '' : 'The appearance could not be kept.'),
      (caught: unknown) => {
        setChoice(before);
        setAppearance(before);
        setError(sentenceFor(caught));
      },
    );
  };

  return (
    <fieldset className="settings__section appearance">
      <legend className="appearance__legend">Appearance</legend>
      <div className="choice-row">
        {CHOICES.map(({ value, label }) => (
          <label className="pill-choice" key={value}>
            <input type="radio" name="appearance" value={value} checked={appearance === value} onChange={() => choose(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <p className="hint">The coachee&rsquo;s shared screen follows your choice.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
