import { EMPTY_COACHEE_PROFILE, type Coachee, type CoacheeListItem, type CoacheePatch, type CoacheeProfile, type NewCoachee } from '@shared/domain/coachee';
import type { Db } from '../db/open-database';
import { toFtsQuery } from '../search/fts-query';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

interface CoacheeRow {
  id: string;
  name: string;
  role: string;
  organisation: string;
  ambitions: string;
  current_projects: string;
  obstacles: string;
  support_wanted: string;
  note: string;
  relationship_kind: Coachee['relationshipKind'];
  preferred_mode: Coachee['preferredMode'];
  challenge_intensity: Coachee['challengeIntensity'];
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `c.id, c.name, c.role, c.organisation, c.ambitions, c.current_projects, c.obstacles, c.support_wanted,
  c.note, c.relationship_kind, c.preferred_mode, c.challenge_intensity, c.archived_at, c.created_at, c.updated_at`;

const LAST_SESSION = `(SELECT max(s.started_at) FROM sessions s WHERE s.coachee_id = c.id)`;

// Coachees seen most recently first; never-seen ones (new, or only planned) after them by name.
const LIST_ORDER = `ORDER BY last_session_at IS NULL, last_session_at DESC, c.name COLLATE NOCASE, c.id`;

const LIST_SQL = `SELECT ${COLUMNS}, ${LAST_SESSION} AS last_session_at FROM coachees c
  WHERE (@includeArchived = 1 OR c.archived_at IS NULL) ${LIST_ORDER}`;

const LIST_MATCHING_SQL = `SELECT ${COLUMNS}, ${LAST_SESSION} AS last_session_at FROM coachees c
  WHERE (@includeArchived = 1 OR c.archived_at IS NULL)
    AND c.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH @match AND kind = 'coachee')
  ${LIST_ORDER}`;

const PROFILE_KEYS = [
  'name',
  'role',
  'organisation',
  'ambitions',
  'currentProjects',
  'obstacles',
  'supportWanted',
  'note',
  'relationshipKind',
  'preferredMode',
  'challengeIntensity',
] as const satisfies readonly (keyof CoacheeProfile)[];

const { name: _name, ...DEFAULT_PROFILE } = EMPTY_COACHEE_PROFILE;

function toCoachee(row: CoacheeRow): Coachee {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    organisation: row.organisation,
    ambitions: row.ambitions,
    currentProjects: row.current_projects,
    obstacles: row.obstacles,
    supportWanted: row.support_wanted,
    note: row.note,
    relationshipKind: row.relationship_kind,
    preferredMode: row.preferred_mode,
    challengeIntensity: row.challenge_intensity,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(coachee: Coachee): Record<string, unknown> {
  return {
    id: coachee.id,
    name: coachee.name,
    role: coachee.role,
    organisation: coachee.organisation,
    ambitions: coachee.ambitions,
    currentProjects: coachee.currentProjects,
    obstacles: coachee.obstacles,
    supportWanted: coachee.supportWanted,
    note: coachee.note,
    relationshipKind: coachee.relationshipKind,
    preferredMode: coachee.preferredMode,
    challengeIntensity: coachee.challengeIntensity,
    archivedAt: coachee.archivedAt,
    createdAt: coachee.createdAt,
    updatedAt: coachee.updatedAt,
  };
}

export interface CoacheeListOptions {
  /** Typed text: matches any profile word by prefix, ignoring case and accents. */
  search?: string;
  includeArchived?: boolean;
}

export interface CoacheeRepository {
  create(input: NewCoachee): Coachee;
  get(id: string): Coachee | null;
  list(options?: CoacheeListOptions): CoacheeListItem[];
  update(id: string, patch: CoacheePatch): Coachee;
  archive(id: string): Coachee;
  unarchive(id: string): Coachee;
  /** Deletes the coachee and, by cascade, all their sessions and everything in them. */
  delete(id: string): boolean;
}

export function coacheeRepository(db: Db, now: Clock): CoacheeRepository {
  const get = (id: string): Coachee | null => {
    const row = statement<[string], CoacheeRow>(db, `SELECT ${COLUMNS} FROM coachees c WHERE c.id = ?`).get(id);
    return row ? toCoachee(row) : null;
  };

  const write = (coachee: Coachee): Coachee => {
    statement(
      db,
      `UPDATE coachees SET name = @name, role = @role, organisation = @organisation, ambitions = @ambitions,
         current_projects = @currentProjects, obstacles = @obstacles, support_wanted = @supportWanted, note = @note,
         relationship_kind = @relationshipKind, preferred_mode = @preferredMode, challenge_intensity = @challengeIntensity,
         archived_at = @archivedAt, updated_at = @updatedAt
       WHERE id = @id`,
    ).run(toParams(coachee));
    return coachee;
  };

  const change = db.transaction((id: string, edit: (current: Coachee) => Coachee): Coachee => {
    const current = get(id);
    if (!current) throw notFound('coachee', id);
    return write({ ...edit(current), updatedAt: now() });
  });

  return {
    create(input) {
      const at = now();
      const coachee: Coachee = {
        ...applyPatch<CoacheeProfile, keyof CoacheeProfile>({ ...DEFAULT_PROFILE, name: input.name }, input, PROFILE_KEYS),
        id: newId(),
        archivedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      statement(
        db,
        `INSERT INTO coachees (id, name, role, organisation, ambitions, current_projects, obstacles, support_wanted, note,
           relationship_kind, preferred_mode, challenge_intensity, archived_at, created_at, updated_at)
         VALUES (@id, @name, @role, @organisation, @ambitions, @currentProjects, @obstacles, @supportWanted, @note,
           @relationshipKind, @preferredMode, @challengeIntensity, @archivedAt, @createdAt, @updatedAt)`,
      ).run(toParams(coachee));
      return coachee;
    },

    get,

    list(options = {}) {
      const includeArchived = options.includeArchived ? 1 : 0;
      // Text with no searchable word in it (only punctuation) filters nothing out.
      const match = options.search === undefined ? null : toFtsQuery(options.search);
      const rows = match
        ? statement<[object], CoacheeRow & { last_session_at: string | null }>(db, LIST_MATCHING_SQL).all({ includeArchived, match })
        : statement<[object], CoacheeRow & { last_session_at: string | null }>(db, LIST_SQL).all({ includeArchived });
      return rows.map((row) => ({ ...toCoachee(row), lastSessionAt: row.last_session_at }));
    },

    update: (id, patch) => change(id, (current) => applyPatch(current, patch, PROFILE_KEYS)),

    archive: (id) => change(id, (current) => ({ ...current, archivedAt: current.archivedAt ?? now() })),

    unarchive: (id) => change(id, (current) => ({ ...current, archivedAt: null })),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM coachees WHERE id = ?`).run(id).changes > 0;
    },
  };
}
