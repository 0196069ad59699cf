import { useEffect, useState } from 'react';
import type { BackupProblem } from '@shared/domain/backup';
import { api } from '../../api/client';
import './backup.css';

/**
 * A backup that could not be made, or failed its check, is said once, plainly, wherever the coach
 * is; Settings keeps showing it until it is solved. The core sends it once per problem, not on
 * every retry.
 */
export function BackupNotice({ onOpenSettings }: { onOpenSettings: () => void }) {
  const [problem, setProblem] = useState<BackupProblem | null>(null);
  useEffect(() => api.onEvent((event) => event.type === 'backup-problem' && setProblem(event.problem)), []);
  if (!problem) return null;
  return (
    <div className={`backup-notice backup-notice--${problem.kind === 'verify-failed' ? 'bad' : 'warn'}`} role="alert">
      <div className="backup-notice__text">
        <strong>{problem.kind === 'verify-failed' ? 'A backup failed its check' : 'No backup was made'}</strong>
        <p>{problem.message}</p>
      </div>
      <div className="backup-notice__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setProblem(null);
            onOpenSettings();
          }}
        >
          Backup settings
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setProblem(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
