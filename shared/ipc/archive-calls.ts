import { z } from 'zod';
import {
  COACHEE_COPY_FORMATS,
  CONFLICT_CHOICES,
  type ArchiveExportCheck,
  type ArchiveExportResult,
  type ArchiveImportResult,
  type ArchivePreview,
} from '../domain/archive';
import { call } from './define';

const id = z.string().uuid();
const passphrase = z.string().min(1).max(1024);
/** 32 random bytes, base64url: what archivePreview hands out. */
const importToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const sessionScope = z.object({ kind: z.literal('session'), id }).strict();
const coacheeScope = z.object({ kind: z.literal('coachee'), id }).strict();
const scope = z.discriminatedUnion('kind', [sessionScope, coacheeScope, z.object({ kind: z.literal('vault') }).strict()]);

const exportCommon = { passphrase, confirm: passphrase, operationId: id };
/**
 * A backup may be of any scope; a coachee copy only of one coachee or one of their sessions (the
 * schema has no way to ask for a copy of the whole vault), as a web page or an age file.
 */
const exportRequest = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('backup'), scope, ...exportCommon }).strict(),
  z
    .object({
      purpose: z.literal('coachee-copy'),
      scope: z.discriminatedUnion('kind', [sessionScope, coacheeScope]),
      format: z.enum(COACHEE_COPY_FORMATS),
      ...exportCommon,
    })
    .strict(),
]);

/**
 * An archive travels as base64 in one message. 200 MiB of archive is far beyond a coaching
 * practice's vault; the content limits inside (entries, unpacked size) are enforced by the core.
 */
const MAX_ARCHIVE_BASE64 = Math.ceil((200 * 1024 * 1024) / 3) * 4;

/** Archive export and import: encrypted `.confidante.age` files (age v1, passphrase), and coachee copies as web pages. */
export const archiveCalls = {
  /** What the coach should know before exporting this scope: which maps have no picture yet. Reads only. */
  archiveExportCheck: call(z.object({ scope }).strict()).returns<ArchiveExportCheck>(),
  /** Export after the save dialog; progress arrives as 'archive-progress' events under operationId. */
  archiveExport: call(exportRequest).returns<ArchiveExportResult>(),
  /** Stop a running export (its partial file is removed) or import (rolled back). `cancelled` is false when nothing was running. */
  archiveCancel: call(z.object({ operationId: id }).strict()).returns<{ cancelled: boolean }>(),
  /** A strong archive passphrase to offer the coach (separate from the vault's). */
  archiveGeneratePassphrase: call(z.object({}).strict()).returns<{ passphrase: string }>(),
  /** Decrypt and check an archive, list what it holds and what the vault already has. Writes nothing. */
  archivePreview: call(z.object({ base64: z.string().min(1).max(MAX_ARCHIVE_BASE64), passphrase }).strict()).returns<ArchivePreview>(),
  /** Import a previewed archive in one transaction: all of it, or nothing. Every conflict needs a choice. Cancellable until it commits. */
  archiveImport: call(
    z
      .object({
        importToken,
        resolutions: z.record(id, z.enum(CONFLICT_CHOICES)),
        /** Names the 'archive-progress' events (phase 'importing') and what archiveCancel stops. */
        operationId: id.optional(),
      })
      .strict(),
  ).returns<ArchiveImportResult>(),
  /** Forget a previewed archive without importing it (the dialog was closed). */
  archiveDiscard: call(z.object({ importToken }).strict()).returns<void>(),
};
