import { useState } from 'react';
import { ArchiveResult } from '../archive/ArchiveResult';
import { Dialog } from '../workspace/Dialog';
import { RestoreFlow } from './RestoreFlow';

/** From Settings: a backup merged into the open vault, with the archive import's conflict choices. */
export function RestoreDialog({ onClose, onMerged }: { onClose: () => void; onMerged?: () => void }) {
  const [result, setResult] = useState<string | null>(null);
  const merged = (sentence: string) => {
    setResult(sentence);
    onMerged?.();
  };
  return (
    <Dialog title="Restore from a backup" onClose={onClose} wide>
      {result ? (
        <ArchiveResult sentence={result} onClose={onClose} />
      ) : (
        <>
          <p className="hint restore__intro">
            Merge a backup into this vault: whatever the vault lacks comes back, and for each record it already holds you choose. To replace the whole
            vault with a backup, lock it and choose “Restore from a backup” on the unlock screen.
          </p>
          <RestoreFlow mode="merge" onMerged={merged} onClose={onClose} />
        </>
      )}
    </Dialog>
  );
}
