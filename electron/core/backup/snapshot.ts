import type { ArchiveCounts } from '@shared/domain/archive';
import { collectArchiveSteps } from '../archive/collect';
import type { ArchiveContent } from '../archive/content';
import { runStepsPaced, type Pause } from '../archive/steps';
import type { Db } from '../db/open-database';
import { createRepositories } from '../repositories';

/** The tables behind each count of an archive's manifest. */
const TABLES: Record<keyof ArchiveCounts, string> = {
  coachees: 'coachees',
  boundaryChecks: 'boundary_checks',
  sessions: 'sessions',
  notes: 'notes',
  maps: 'system_maps',
  actions: 'actions',
  promptAnswers: 'prompt_answers',
  customPrompts: 'custom_prompts',
  observations: 'observations',
};

/** How many records of each kind the database holds: counted straight from the tables, not through the archive code. */
export function countRecords(db: Db): ArchiveCounts {
  const counts = {} as ArchiveCounts;
  for (const [kind, table] of Object.entries(TABLES) as Array<[keyof ArchiveCounts, string]>) {
    counts[kind] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  }
  return counts;
}

export interface VaultSnapshot {
  content: ArchiveContent;
  /** What the tables held at the same moment: the drill checks the written file against these. */
  counts: ArchiveCounts;
}

/**
 * Everything in the vault as of one moment, read on the vault's second connection inside one read
 * transaction. In WAL mode that transaction sees the database as it was at its first read, however
 * long the reading takes and whatever the coach saves meanwhile through the main connection, which
 * it never blocks. The reading pauses between sessions (`pause`), so it never holds the event loop
 * for long.
 */
export async function readSnapshot(
  reader: Db,
  meta: { appVersion: string; createdAt: string },
  pause: Pause,
  onProgress?: (done: number, total: number) => void,
): Promise<VaultSnapshot> {
  reader.exec('BEGIN');
  try {
    // The first read fixes the snapshot: the counts and the content come from the same moment.
    const counts = countRecords(reader);
    let done = 0;
    const content = await runStepsPaced(collectArchiveSteps(createRepositories(reader), { kind: 'vault' }, 'backup', meta), () => {
      done += 1;
      onProgress?.(Math.min(done, counts.sessions), counts.sessions);
      return pause();
    });
    return { content, counts };
  } finally {
    // Read only: ending it either way releases the snapshot. A lock may have closed the connection.
    if (reader.open && reader.inTransaction) reader.exec('ROLLBACK');
  }
}

/** The counts that differ, in words ("sessions 3, expected 4"); empty when they agree. */
export function countDifferences(actual: ArchiveCounts, expected: ArchiveCounts): string {
  return (Object.keys(TABLES) as Array<keyof ArchiveCounts>)
    .filter((kind) => actual[kind] !== expected[kind])
    .map((kind) => `${kind} ${actual[kind]}, expected ${expected[kind]}`)
    .join('; ');
}
