import { useState } from 'react';

/** The recovery code is shown exactly once; the coach confirms they saved it before going on. */
export function RecoveryCodeStep({ code, onDone }: { code: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <main className="screen screen--centered">
      <section className="card card--narrow" aria-labelledby="recovery-title">
        <p className="eyebrow">One last step</p>
        <h1 id="recovery-title">Save your recovery code</h1>
        <p className="lede">
          If you forget your passphrase, this code is the only way back into your vault. Write it down or keep it in a
          password manager. It will not be shown again.
        </p>
        <output className="recovery-code" aria-label="Recovery code" data-testid="recovery-code">
          {code}
        </output>
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(code)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <label className="check">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          <span>I have saved it</span>
        </label>
        <button type="button" className="button button--primary" disabled={!saved} onClick={onDone}>
          Continue
        </button>
      </section>
    </main>
  );
}
