import { useCallback, useEffect, useState } from 'react';
import type { BackupOverview, BackupProgress } from '@shared/domain/backup';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';

/**
 * Backups as Settings shows them, kept current: the overview is read once and then follows the
 * 'backup-changed' events; the running backup's phase and numbers follow 'backup-progress'.
 * `setOverview` takes the answer of a call (backupConfigure).
 */
export function useBackupOverview(): { overview: BackupOverview | null; error: string; setOverview: (next: BackupOverview) => void; reload: () => void } {
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(() => {
    api.backupOverview({}).then(
      (next) => {
        setOverview(next);
        setError('');
      },
      (caught: unknown) => setError(sentenceFor(caught)),
    );
  }, []);

  useEffect(() => {
    reload();
    return api.onEvent((event) => {
      if (event.type === 'backup-changed') setOverview(event.overview);
      if (event.type === 'backup-progress') {
        setOverview((current) => {
          if (!current?.running || current.running.operationId !== event.operationId) return current;
          const running: BackupProgress = { ...current.running, phase: event.phase as BackupProgress['phase'], done: event.done, total: event.total };
          return { ...current, running };
        });
      }
    });
  }, [reload]);

  /**
   * A call's answer was computed when the call was made; a backup it started may have announced
   * itself since (events and answers travel separately). The answer never hides that backup.
   */
  const applyAnswer = useCallback((next: BackupOverview) => {
    setOverview((current) => ({ ...next, running: next.running ?? current?.running ?? null }));
  }, []);

  return { overview, error, setOverview: applyAnswer, reload };
}
