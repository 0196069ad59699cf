/**
 * Encrypted session archives: one `.confidante.age` file (age v1, passphrase recipient) holding a
 * zip of the records as JSON, every note as Lexical JSON, Markdown and HTML, every map as its
 * tldraw snapshot and an SVG, and a README. What crosses the IPC boundary about them lives here.
 */

/** The archive format this version writes and reads; a newer number is refused, not guessed at. */
export const ARCHIVE_FORMAT_VERSION = 1;

export const ARCHIVE_FILE_EXTENSION = '.confidante.age';

export const ARCHIVE_SCOPE_KINDS = ['session', 'coachee', 'vault'] as const;

/** What an export covers: one session, one coachee with all their sessions, or the whole vault. */
export type ArchiveScope = { kind: 'session'; id: string } | { kind: 'coachee'; id: string } | { kind: 'vault' };

export const ARCHIVE_PURPOSES = ['backup', 'coachee-copy'] as const;
/**
 * `backup` holds everything. `coachee-copy` is for handing to the coachee: it leaves out the
 * coach's private side (observations of both kinds, which include self-disclosure notes) and the
 * boundary-check answers.
 */
export type ArchivePurpose = (typeof ARCHIVE_PURPOSES)[number];

/** The kinds of record a coachee copy leaves out, as the manifest names them. */
export const COACHEE_COPY_EXCLUDES = ['observations', 'boundaryChecks'] as const;

export interface ArchiveCounts {
  coachees: number;
  boundaryChecks: number;
  sessions: number;
  notes: number;
  maps: number;
  actions: number;
  promptAnswers: number;
  customPrompts: number;
  observations: number;
}

export interface ArchiveExportResult {
  /** false when the coach cancelled the save dialog; nothing was written then. */
  saved: boolean;
  path: string | null;
  /** Size of the encrypted file. */
  bytes: number;
}

export const CONFLICT_CHOICES = ['skip', 'replace', 'keep-both'] as const;
/**
 * What to do with a record the vault already holds (same id): keep the vault's (`skip`), overwrite
 * it with the archive's (`replace`), or import the archive's as a separate copy under a new id
 * (`keep-both`; references to it are remapped).
 */
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const CONFLICT_KINDS = ['coachee', 'session', 'custom-prompt'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * A record of the archive whose id the vault already holds. A session's notes, map, answers,
 * actions and observations go with the session's choice; a coachee's boundary check with the
 * coachee's. The sessions of a coachee imported as `keep-both` are new copies too, whatever is
 * chosen for them.
 */
export interface ArchiveConflict {
  id: string;
  kind: ConflictKind;
  /** What the coach recognises: a name, a session's date and aim, a prompt's text. */
  label: string;
  /** For sessions: the coachee they belong to in the archive. */
  coacheeId: string | null;
  archiveUpdatedAt: string;
  vaultUpdatedAt: string;
}

export interface ArchivePreviewSession {
  id: string;
  startedAt: string;
  walkAwayWith: string;
}

export interface ArchivePreviewCoachee {
  id: string;
  name: string;
  /** Oldest first. */
  sessions: ArchivePreviewSession[];
}

export interface ArchivePreview {
  /** Names the decrypted, checked content the main process keeps for the import step (a few minutes). */
  importToken: string;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  scope: { kind: ArchiveScope['kind']; label: string };
  purpose: ArchivePurpose;
  counts: ArchiveCounts;
  coachees: ArchivePreviewCoachee[];
  firstSessionAt: string | null;
  lastSessionAt: string | null;
  conflicts: ArchiveConflict[];
}

export interface ArchiveImportResult {
  /** Records written (inserted or replaced), by kind. */
  written: ArchiveCounts;
  skipped: number;
  replaced: number;
  keptBoth: number;
}

export const ARCHIVE_PROGRESS_PHASES = ['reading', 'packing', 'encrypting', 'done'] as const;
export type ArchiveProgressPhase = (typeof ARCHIVE_PROGRESS_PHASES)[number];
