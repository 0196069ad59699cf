import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupHint } from '@shared/domain/backup';
import { writeFileAtomic } from '../vault/atomic-write';

/**
 * A note beside the vault saying where its backups go and which is the newest that verified, so
 * that a locked vault, or one whose database cannot be opened, can still offer them. Everything
 * else about backups is inside the vault. It holds no secret and no coachee's name: a folder path
 * and a neutral file name. Owner-only like every vault file (its name starts with `confidante.`).
 */
export const HINT_FILE_NAME = 'confidante.backups.json';

const EMPTY: BackupHint = { folder: null, newestVerified: null };

const hintSchema = z
  .object({
    folder: z.string().min(1).max(4096).nullable(),
    newestVerified: z.object({ file: z.string().min(1).max(255), createdAt: z.string().max(64) }).strict().nullable(),
  })
  .strict();

export function hintPath(dataDir: string): string {
  return join(dataDir, HINT_FILE_NAME);
}

export function readHint(dataDir: string): BackupHint {
  try {
    const parsed = hintSchema.safeParse(JSON.parse(readFileSync(hintPath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : EMPTY;
  } catch {
    return EMPTY;
  }
}

/** Best effort: the note only helps a later restore, and a full disk must not fail a backup that worked. */
export function writeHint(dataDir: string, hint: BackupHint): void {
  try {
    writeFileAtomic(hintPath(dataDir), `${JSON.stringify(hint, null, 2)}\n`);
  } catch {
    // Nothing to do: the vault's own list is the record; this note is a convenience.
  }
}
