import type { ArchiveCounts, ArchiveExportKind, ArchiveExportResult, ArchiveImportResult, ArchiveScope } from '@shared/domain/archive';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

/** "2 maps have no picture yet: open them once" — before an export, so the coach can. */
export function mapsWithoutPictureSentence(count: number): string {
  return count === 1
    ? '1 map has no picture yet: open it once, then export. Until then it goes into the archive without its picture.'
    : `${count} maps have no picture yet: open them once, then export. Until then they go into the archive without their pictures.`;
}

/** Where the export went, in one or two sentences. */
export function exportSentence(what: ArchiveExportKind, result: ArchiveExportResult): string {
  if (!result.saved || !result.path) return 'Nothing was saved.';
  const saved =
    what.purpose === 'coachee-copy' && what.format === 'html'
      ? `Saved the coachee copy to ${result.path} (${formatBytes(result.bytes)}): a web page that opens in any browser. Give the coachee the passphrase separately from the file.`
      : `Saved the encrypted archive to ${result.path} (${formatBytes(result.bytes)}).`;
  const missing = result.mapsWithoutPicture;
  return missing === 0 ? saved : `${saved} ${missing === 1 ? '1 map went in without its picture' : `${missing} maps went in without their pictures`}: open them once to make one.`;
}

export function scopeDescription(scope: ArchiveScope): string {
  if (scope.kind === 'vault') return 'The whole vault: every coachee and every session.';
  if (scope.kind === 'coachee') return 'One coachee, with all their sessions.';
  return 'One session.';
}

const NOUNS: Record<keyof ArchiveCounts, [string, string]> = {
  coachees: ['coachee', 'coachees'],
  sessions: ['session', 'sessions'],
  notes: ['note', 'notes'],
  maps: ['map', 'maps'],
  promptAnswers: ['prompt answer', 'prompt answers'],
  actions: ['action', 'actions'],
  customPrompts: ['custom prompt', 'custom prompts'],
  observations: ['private observation', 'private observations'],
  boundaryChecks: ['boundary check', 'boundary checks'],
};

/** "2 coachees, 3 sessions and 1 map": the non-zero counts, in a fixed order. */
export function countsSentence(counts: ArchiveCounts): string {
  const parts = (Object.keys(NOUNS) as Array<keyof ArchiveCounts>)
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${NOUNS[key][counts[key] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function importSentence(result: ArchiveImportResult): string {
  const extras = [
    result.skipped > 0 ? `${result.skipped} kept as they were` : '',
    result.replaced > 0 ? `${result.replaced} replaced` : '',
    result.keptBoth > 0 ? `${result.keptBoth} imported as separate copies` : '',
  ].filter(Boolean);
  return `Imported ${countsSentence(result.written)}${extras.length ? ` (${extras.join(', ')})` : ''}.`;
}

/** The file's bytes as base64, read by the browser itself (fast, and no huge intermediate strings). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A v4 UUID from the platform's CSPRNG (randomUUID needs a secure context; this does not). */
export function newOperationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
