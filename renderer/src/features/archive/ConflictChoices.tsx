import type { ArchiveConflict, ConflictChoice } from '@shared/domain/archive';
import { formatDate } from './format';

const CHOICES: ReadonlyArray<{ value: ConflictChoice; label: string }> = [
  { value: 'skip', label: 'Skip' },
  { value: 'replace', label: 'Replace' },
  { value: 'keep-both', label: 'Keep both' },
];

const KIND_LABELS: Record<ArchiveConflict['kind'], string> = { coachee: 'Coachee', session: 'Session', 'custom-prompt': 'Custom prompt' };

/** Which version is newer, in words: what the coach weighs when choosing. */
function freshness(conflict: ArchiveConflict, source: string): string {
  if (conflict.vaultUpdatedAt > conflict.archiveUpdatedAt) return `changed in your vault since, on ${formatDate(conflict.vaultUpdatedAt)}`;
  if (conflict.vaultUpdatedAt < conflict.archiveUpdatedAt) return `the ${source}'s is newer, from ${formatDate(conflict.archiveUpdatedAt)}`;
  return 'the same in both';
}

/**
 * What the vault already holds of an archive or a backup, with skip / replace / keep both for
 * each (the archive import's choices; a merged backup uses the same ones).
 */
export function ConflictChoices({
  conflicts,
  choices,
  onChoose,
  source = 'archive',
}: {
  conflicts: ArchiveConflict[];
  choices: Record<string, ConflictChoice>;
  onChoose: (next: Record<string, ConflictChoice>) => void;
  /** How the thing being imported is named in the sentences: "archive" or "backup". */
  source?: string;
}) {
  if (conflicts.length === 0) return <p className="hint">Nothing in this {source} is in your vault yet.</p>;
  return (
    <fieldset className="archive-conflicts">
      <legend>Already in your vault ({conflicts.length})</legend>
      <p className="hint">
        Skip keeps what your vault has; Replace overwrites it with the {source}'s version; Keep both imports the {source}'s as a separate copy.
      </p>
      {conflicts.map((conflict) => {
        const carried = conflict.kind === 'session' && conflict.coacheeId !== null && choices[conflict.coacheeId] === 'keep-both';
        return (
          <label key={conflict.id} className="archive-conflict">
            <span className="archive-conflict__what">
              <span className="archive-conflict__kind">{KIND_LABELS[conflict.kind]}</span> {conflict.label}
              <span className="hint"> ({freshness(conflict, source)})</span>
            </span>
            {carried ? (
              <span className="hint">Copied with its coachee</span>
            ) : (
              <select
                value={choices[conflict.id] ?? 'skip'}
                aria-label={`${KIND_LABELS[conflict.kind]} ${conflict.label}`}
                onChange={(e) => onChoose({ ...choices, [conflict.id]: e.target.value as ConflictChoice })}
              >
                {CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
