import { ARCHIVE_FORMAT_VERSION, type ArchiveConflict, type ArchivePreview } from '@shared/domain/archive';
import type { Repositories } from '../repositories';
import { dayOf } from './collect';
import { countsOf, type ArchiveContent } from './content';

const short = (text: string, length = 80): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
};

/** Records of the archive whose ids the vault already holds: coachees, sessions, custom prompts. */
export function findConflicts(repos: Repositories, content: ArchiveContent): ArchiveConflict[] {
  const names = new Map(content.coachees.map((c) => [c.id, c.name]));
  const conflicts: ArchiveConflict[] = [];
  for (const coachee of content.coachees) {
    const held = repos.coachees.get(coachee.id);
    if (held) {
      conflicts.push({ id: coachee.id, kind: 'coachee', label: coachee.name, coacheeId: null, archiveUpdatedAt: coachee.updatedAt, vaultUpdatedAt: held.updatedAt });
    }
  }
  for (const session of content.sessions) {
    const held = repos.sessions.get(session.id);
    if (held) {
      conflicts.push({
        id: session.id,
        kind: 'session',
        label: `${names.get(session.coacheeId) ?? 'Session'}, ${dayOf(session.startedAt)}: ${short(session.walkAwayWith)}`,
        coacheeId: session.coacheeId,
        archiveUpdatedAt: session.updatedAt,
        vaultUpdatedAt: held.updatedAt,
      });
    }
  }
  for (const prompt of content.customPrompts) {
    const held = repos.customPrompts.get(prompt.id);
    if (held) {
      conflicts.push({ id: prompt.id, kind: 'custom-prompt', label: short(prompt.text), coacheeId: null, archiveUpdatedAt: prompt.createdAt, vaultUpdatedAt: held.createdAt });
    }
  }
  return conflicts;
}

/** What the import dialog shows before anything is written. */
export function previewOf(content: ArchiveContent, conflicts: ArchiveConflict[], importToken: string): ArchivePreview {
  const starts = content.sessions.map((s) => s.startedAt).sort();
  return {
    importToken,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: content.appVersion,
    createdAt: content.createdAt,
    scope: { kind: content.scope.kind, label: content.scope.label },
    purpose: content.purpose,
    counts: countsOf(content),
    coachees: content.coachees.map((coachee) => ({
      id: coachee.id,
      name: coachee.name,
      sessions: content.sessions
        .filter((s) => s.coacheeId === coachee.id)
        .sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1))
        .map((s) => ({ id: s.id, startedAt: s.startedAt, walkAwayWith: short(s.walkAwayWith, 120) })),
    })),
    firstSessionAt: starts[0] ?? null,
    lastSessionAt: starts.at(-1) ?? null,
    conflicts,
  };
}
