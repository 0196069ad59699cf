import { passphraseStrength } from '@shared/passphrase';

const LABELS = { 'too-weak': 'Too weak', weak: 'Weak', fair: 'Fair', strong: 'Strong' } as const;

export function StrengthMeter({ passphrase }: { passphrase: string }) {
  if (!passphrase) return <p className="hint">A few unrelated words make a passphrase that is strong and easy to remember.</p>;
  const strength = passphraseStrength(passphrase);
  return (
    <div className={`strength strength--${strength.level}`} role="status" aria-live="polite">
      <div className="strength__bar" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p>
        <strong>{LABELS[strength.level]}.</strong> {strength.advice}
      </p>
    </div>
  );
}
