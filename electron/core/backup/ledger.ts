import { z } from 'zod';
import {
  BACKUP_PROBLEM_KINDS,
  BACKUP_TRIGGERS,
  DEFAULT_BACKUP_RETENTION,
  MAX_BACKUP_RETENTION,
  type BackupProblem,
  type BackupRecord,
  type BackupRetention,
} from '@shared/domain/backup';
import type { SettingsRepository } from '../repositories/settings';

/**
 * What the vault keeps about backups, in its settings table (so inside the encryption): the
 * folder, the backup passphrase and the retention policy; and the ledger, the list of backup files
 * Confidante wrote, with each one's drill verdict. Retention deletes only files on that list.
 * Settings are plain JSON another version may have written, so both are checked when read.
 */
export const CONFIG_KEY = 'backup.config';
export const LEDGER_KEY = 'backup.ledger';

export interface BackupConfig {
  folder: string | null;
  /** Kept in the vault so backups run without asking; never sent to a window except on request. */
  passphrase: string | null;
  retention: BackupRetention;
}

export interface BackupLedger {
  records: BackupRecord[];
  problem: BackupProblem | null;
}

export const DEFAULT_CONFIG: BackupConfig = { folder: null, passphrase: null, retention: DEFAULT_BACKUP_RETENTION };

const count = z.number().int().min(0);
const retention = z
  .object({
    daily: count.max(MAX_BACKUP_RETENTION.daily),
    weekly: count.max(MAX_BACKUP_RETENTION.weekly),
    monthly: count.max(MAX_BACKUP_RETENTION.monthly),
  })
  .strict();

const configSchema = z.object({ folder: z.string().min(1).nullable(), passphrase: z.string().min(1).nullable(), retention }).strict();

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)));
const recordSchema = z
  .object({
    file: z.string().min(1),
    folder: z.string().min(1),
    createdAt: timestamp,
    bytes: count,
    counts: z
      .object({
        coachees: count,
        boundaryChecks: count,
        sessions: count,
        notes: count,
        maps: count,
        actions: count,
        promptAnswers: count,
        customPrompts: count,
        observations: count,
      })
      .strict(),
    drill: z.discriminatedUnion('state', [
      z.object({ state: z.literal('verified'), at: timestamp }).strict(),
      z.object({ state: z.literal('failed'), at: timestamp, problem: z.string() }).strict(),
    ]),
    trigger: z.enum(BACKUP_TRIGGERS),
  })
  .strict();
const problemSchema = z.object({ kind: z.enum(BACKUP_PROBLEM_KINDS), message: z.string(), at: timestamp, retryAt: timestamp.nullable() }).strict();
const ledgerSchema = z.object({ records: z.array(recordSchema), problem: problemSchema.nullable() }).strict();

export function readConfig(settings: SettingsRepository): BackupConfig {
  const parsed = configSchema.safeParse(settings.get(CONFIG_KEY));
  return parsed.success ? parsed.data : DEFAULT_CONFIG;
}

export function writeConfig(settings: SettingsRepository, config: BackupConfig): void {
  settings.set(CONFIG_KEY, config);
}

export function readLedger(settings: SettingsRepository): BackupLedger {
  const parsed = ledgerSchema.safeParse(settings.get(LEDGER_KEY));
  return parsed.success ? parsed.data : { records: [], problem: null };
}

export function writeLedger(settings: SettingsRepository, ledger: BackupLedger): void {
  settings.set(LEDGER_KEY, ledger);
}
