import { AppError } from '@shared/errors';

/**
 * Every way an archive can be refused, as one sentence the coach can act on. Kept together so
 * the wording stays consistent and tests can tell the causes apart by code and message.
 */
export const archiveErrors = {
  notAnArchive: () => new AppError('invalid-input', 'That file is not a Confidante archive: it is not an age-encrypted file.'),
  armored: () =>
    new AppError('invalid-input', 'That file is an ASCII-armored age file; decrypt it with the age tool, or export a new archive from Confidante.'),
  damagedArmor: () => new AppError('damaged', 'The archive is damaged: its ASCII armor (the BEGIN AGE ENCRYPTED FILE block) cannot be read.'),
  newerAge: () => new AppError('invalid-input', 'That file uses a newer age format than this version of Confidante can read.'),
  notPassphrase: () =>
    new AppError('invalid-input', 'That archive is encrypted to a key, not a passphrase; Confidante opens passphrase archives only.'),
  workFactorTooHigh: (logN: number) =>
    new AppError('invalid-input', `That archive demands a passphrase work factor (2^${logN}) too high to open safely, so it was not made by Confidante.`),
  wrongPassphrase: () => new AppError('wrong-passphrase', 'That passphrase does not open this archive.'),
  damagedHeader: () => new AppError('damaged', 'The archive is damaged: its header cannot be read.'),
  tamperedHeader: () => new AppError('damaged', 'The archive is damaged or has been altered: its header check failed.'),
  tamperedPayload: () => new AppError('damaged', 'The archive is damaged or has been altered: its contents fail their integrity check.'),
  truncated: () => new AppError('damaged', 'The archive is incomplete: the file ends before its contents do.'),
  tooLarge: (limitMb: number) => new AppError('invalid-input', `That archive is larger than ${limitMb} MB; Confidante will not open it.`),
  notAZip: () => new AppError('damaged', 'The archive is damaged: its contents are not a readable zip.'),
  unsafePath: (name: string) =>
    new AppError('invalid-input', `The archive holds a file named "${printable(name)}" that points outside the archive, so Confidante will not open it.`),
  tooManyEntries: (limit: number) => new AppError('invalid-input', `The archive holds more than ${limit} files; Confidante will not open it.`),
  tooManyToWrite: (limit: number) =>
    new AppError(
      'invalid-input',
      `This vault holds more records than one archive file can carry (over ${limit.toLocaleString('en')} files), so no archive was written.`,
    ),
  expandsTooMuch: (limitMb: number) => new AppError('invalid-input', `The archive unpacks to more than ${limitMb} MB; Confidante will not open it.`),
  entryTooLarge: (name: string, limitMb: number) =>
    new AppError('invalid-input', `The file "${printable(name)}" in the archive unpacks to more than ${limitMb} MB; Confidante will not open it.`),
  damagedEntry: (name: string) => new AppError('damaged', `The archive is damaged: "${printable(name)}" inside it cannot be unpacked.`),
  unreadable: () => new AppError('damaged', 'The archive cannot be read: it is damaged.'),
  noManifest: () => new AppError('damaged', 'The archive is damaged: it has no readable manifest.json.'),
  newerFormat: (version: number) =>
    new AppError('invalid-input', `That archive was made by a newer version of Confidante (format ${version}); update Confidante to open it.`),
  hashMismatch: (name: string) => new AppError('damaged', `The archive is damaged: "${printable(name)}" does not match the checksum in its manifest.`),
  unlisted: (name: string) => new AppError('damaged', `The archive is damaged: "${printable(name)}" is not listed in its manifest.`),
  missing: (name: string) => new AppError('damaged', `The archive is damaged: "${printable(name)}", listed in its manifest, is missing.`),
  invalidData: (name: string, detail: string) => new AppError('damaged', `The archive is damaged: ${printable(name)} is not valid (${detail}).`),
  copyOfWholeVault: () =>
    new AppError('invalid-input', 'A coachee copy is of one coachee: export it from their page. The whole vault can only be backed up.'),
  cancelled: () => new AppError('cancelled', 'The export was cancelled; nothing was saved.'),
  importCancelled: () => new AppError('cancelled', 'The import was cancelled; nothing was imported.'),
  importWhileSharing: () => new AppError('conflict', 'Stop sharing the screen before importing: the coachee’s edits must not be mixed into the import.'),
  unknownImport: () => new AppError('not-found', 'That archive preview has expired; choose the file and preview it again.'),
  vaultChanged: () => new AppError('conflict', 'The vault changed since the preview; preview the archive again before importing.'),
  unresolved: () => new AppError('invalid-input', 'Choose skip, replace or keep both for every conflict before importing.'),
  rejectedByVault: (detail: string) =>
    new AppError('damaged', `Nothing was imported: the vault refused a record in the archive (${detail}).`),
} as const;

/** Names from an archive are untrusted: show them short and without control characters. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
