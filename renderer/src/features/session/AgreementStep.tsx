import { useState } from 'react';
import type { BoundaryCheck } from '@shared/domain/boundary-check';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { formatDay } from '../workspace/format';

/**
 * Seed practice: confidentiality and its limits are agreed before coaching starts. While the
 * boundary check says either is not, this is the contract's first step, done with the coachee
 * and recorded with its date.
 */
export function AgreementStep({ check, coacheeName, onRecorded }: { check: BoundaryCheck; coacheeName: string; onRecorded: (check: BoundaryCheck) => void }) {
  const [confidentiality, setConfidentiality] = useState(check.confidentialityAgreed);
  const [limits, setLimits] = useState(check.limitsExplained);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = confidentiality && limits;

  const record = () => {
    setBusy(true);
    api
      .agreementRecord({ coacheeId: check.coacheeId, confidentiality: confidentiality && !check.confidentialityAgreed, limits: limits && !check.limitsExplained })
      .then(onRecorded, (caught: unknown) => {
        setError(sentenceFor(caught));
        setBusy(false);
      });
  };

  return (
    <section className="agreement" aria-labelledby="agreement-title">
      <p className="eyebrow">Step 1</p>
      <h2 id="agreement-title">Agree confidentiality with {coacheeName}</h2>
      <p className="hint">Before coaching starts: agree what stays between you, and say where confidentiality ends (a risk of harm, a legal duty).</p>
      <label className="check">
        <input type="checkbox" checked={confidentiality} disabled={check.confidentialityAgreed} onChange={(e) => setConfidentiality(e.target.checked)} />
        <span>
          We agreed confidentiality
          {check.confidentialityAgreedAt && <span className="muted"> · on {formatDay(check.confidentialityAgreedAt)}</span>}
        </span>
      </label>
      <label className="check">
        <input type="checkbox" checked={limits} disabled={check.limitsExplained} onChange={(e) => setLimits(e.target.checked)} />
        <span>
          I explained its limits
          {check.limitsExplainedAt && <span className="muted"> · on {formatDay(check.limitsExplainedAt)}</span>}
        </span>
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div>
        <button type="button" className="button button--primary" disabled={!ready || busy} onClick={record}>
          Record the agreement
        </button>
      </div>
    </section>
  );
}
