/**
 * Encrypted session archives: one `.confidante.age` file (age v1, passphrase recipient) holding a
 * zip of the records as JSON, every note as Lexical JSON, Markdown and HTML, every map as its
 * tldraw snapshot and the SVG tldraw made of it, and a README. A coachee copy can also be one HTML
 * page holding the same age file, ASCII-armored, with a decryptor. What crosses the IPC boundary
 * about them lives here.
 */

/** The archive format this version writes and reads; a newer number is refused, not guessed at. */
export const ARCHIVE_FORMAT_VERSION = 1;

export const ARCHIVE_FILE_EXTENSION = '.confidante.age';

export const ARCHIVE_SCOPE_KINDS = ['session', 'coachee', 'vault'] as const;

/** What an export covers: one session, one coachee with all their sessions, or the whole vault. */
export type ArchiveScope = { kind: 'session'; id: string } | { kind: 'coachee'; id: string } | { kind: 'vault' };

/**
 * A coachee copy is always of one coachee: all their sessions, or one of them. A copy of the whole
 * vault would put every coachee's notes into a file meant for one of them.
 */
export type CoacheeCopyScope = Exclude<ArchiveScope, { kind: 'vault' }>;

export const ARCHIVE_PURPOSES = ['backup', 'coachee-copy'] as const;
/**
 * `backup` holds everything. `coachee-copy` is for handing to the coachee: it leaves out the
 * coach's private side (observations of both kinds, which include self-disclosure notes) and the
 * boundary-check answers.
 */
export type ArchivePurpose = (typeof ARCHIVE_PURPOSES)[number];

/** The kinds of record a coachee copy leaves out, as the manifest names them. */
export const COACHEE_COPY_EXCLUDES = ['observations', 'boundaryChecks'] as const;

export const COACHEE_COPY_FORMATS = ['html', 'age'] as const;
/**
 * `html`: one self-contained web page that opens in any browser with the passphrase (the age file
 * inside it, armored). `age`: the `.confidante.age` file itself, for Confidante or the age tool.
 */
export type CoacheeCopyFormat = (typeof COACHEE_COPY_FORMATS)[number];

export const COACHEE_COPY_HTML_EXTENSION = '.html';

/** The coachee's readable record in the zip of every coachee copy: what the copy's web page shows. */
export const COACHEE_RECORD_FILE = 'record.html';

/** What to export: a backup of any scope, or a coachee copy of one coachee in one of its formats. */
export type ArchiveExportKind = { purpose: 'backup'; scope: ArchiveScope } | { purpose: 'coachee-copy'; scope: CoacheeCopyScope; format: CoacheeCopyFormat };

/** A session whose map has no picture made by tldraw yet (or only one of an earlier drawing). */
export interface MapWithoutPicture {
  sessionId: string;
  coacheeName: string;
  startedAt: string;
  walkAwayWith: string;
}

/**
 * What the coach should know before exporting a scope. Maps are in archives as the SVG tldraw made
 * of them; a map saved before the vault kept pictures, or changed since its last one, gets one
 * the next time it is opened, and until then is in an archive as its snapshot only.
 */
export interface ArchiveExportCheck {
  mapsWithoutPicture: MapWithoutPicture[];
}

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
  /** Maps of the scope that went in as their snapshot only, without a picture (see ArchiveExportCheck). */
  mapsWithoutPicture: number;
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

/** Export: reading, packing, encrypting, done. Import: importing (records written, until the final commit). */
export const ARCHIVE_PROGRESS_PHASES = ['reading', 'packing', 'encrypting', 'done', 'importing'] as const;
export type ArchiveProgressPhase = (typeof ARCHIVE_PROGRESS_PHASES)[number];
