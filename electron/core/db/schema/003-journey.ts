/**
 * Migration 3: the journey. Goals named from the coachee's ambitions, a progress rating per goal
 * worked on in a session, each action's goal, feedback both ways, and the dates on which
 * confidentiality and its limits were agreed. Frozen once shipped, like 001 and 002.
 *
 * A rating belongs to exactly one session and one goal of the same coachee: it carries the
 * coachee's id so that both composite foreign keys can say so, and it goes when either goes. An
 * action's goal must be the action's coachee's too (a trigger, since the link is dropped, not
 * cascaded, when the goal is deleted).
 *
 * The new records are searchable like everything else: the same kind of triggers as 001 keep the
 * index in step (repeated here, since 001 is frozen).
 */

interface SearchSource {
  table: string;
  kind: 'goal' | 'rating' | 'feedback' | 'session-feedback';
  key: string;
  watched: readonly string[];
  title: (r: string) => string;
  body: (r: string) => string;
  sessionId: (r: string) => string;
  coacheeId: (r: string) => string;
}

const coacheeOfSession = (r: string): string => `(SELECT coachee_id FROM sessions WHERE id = ${r}.session_id)`;
const lines = (r: string, columns: readonly string[]): string => columns.map((c) => `${r}.${c}`).join(` || char(10) || `);

const FEEDBACK_PARTS = ['situation', 'behaviour', 'impact', 'response'] as const;

const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    table: 'goals',
    kind: 'goal',
    key: 'id',
    watched: ['title', 'success_looks_like', 'status_why'],
    title: (r) => `${r}.title`,
    body: (r) => lines(r, ['success_looks_like', 'status_why']),
    sessionId: () => 'NULL',
    coacheeId: (r) => `${r}.coachee_id`,
  },
  {
    table: 'progress_ratings',
    kind: 'rating',
    key: 'id',
    watched: ['words'],
    // Not the goal's title: a renamed goal would leave it stale here. The goal is found by its own row.
    title: () => `''`,
    body: (r) => `${r}.words`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: (r) => `${r}.coachee_id`,
  },
  {
    table: 'feedback_given',
    kind: 'feedback',
    key: 'id',
    watched: FEEDBACK_PARTS,
    title: () => `''`,
    body: (r) => lines(r, FEEDBACK_PARTS),
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
  },
  {
    table: 'session_feedback',
    kind: 'session-feedback',
    key: 'session_id',
    watched: ['helped', 'change_next'],
    title: () => `''`,
    body: (r) => lines(r, ['helped', 'change_next']),
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
  },
];

function searchTriggers(s: SearchSource): string {
  const ftsRowid = (r: string): string => `(SELECT id FROM search_rows WHERE kind = '${s.kind}' AND ref_id = ${r}.${s.key})`;
  const changed = s.watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return `
CREATE TRIGGER ${s.table}_search_insert AFTER INSERT ON ${s.table} BEGIN
  INSERT INTO search_rows (kind, ref_id) VALUES ('${s.kind}', NEW.${s.key});
  INSERT INTO search_index (rowid, title, body, kind, ref_id, session_id, coachee_id, private)
  VALUES (${ftsRowid('NEW')}, ${s.title('NEW')}, ${s.body('NEW')}, '${s.kind}', NEW.${s.key},
          ${s.sessionId('NEW')}, ${s.coacheeId('NEW')}, 0);
END;

CREATE TRIGGER ${s.table}_search_update AFTER UPDATE ON ${s.table} WHEN ${changed} BEGIN
  UPDATE search_index SET title = ${s.title('NEW')}, body = ${s.body('NEW')} WHERE rowid = ${ftsRowid('NEW')};
END;

CREATE TRIGGER ${s.table}_search_delete AFTER DELETE ON ${s.table} BEGIN
  DELETE FROM search_index WHERE rowid = ${ftsRowid('OLD')};
  DELETE FROM search_rows WHERE kind = '${s.kind}' AND ref_id = OLD.${s.key};
END;
`;
}

const TABLES = `
CREATE TABLE goals (
  id                 TEXT PRIMARY KEY NOT NULL,
  coachee_id         TEXT NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
  title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
  success_looks_like TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'achieved', 'let-go')),
  status_on          TEXT CHECK (status_on IS NULL OR date(status_on) IS status_on),
  status_why         TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  -- Lets ratings reference (goal, coachee) together, so a rating cannot mix two coachees.
  UNIQUE (id, coachee_id)
);

CREATE TABLE progress_ratings (
  id         TEXT PRIMARY KEY NOT NULL,
  goal_id    TEXT NOT NULL,
  session_id TEXT NOT NULL,
  coachee_id TEXT NOT NULL,
  rating     INTEGER NOT NULL CHECK (typeof(rating) = 'integer' AND rating BETWEEN 1 AND 10),
  words      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- One rating per goal per session.
  UNIQUE (goal_id, session_id),
  FOREIGN KEY (goal_id, coachee_id) REFERENCES goals (id, coachee_id) ON DELETE CASCADE,
  FOREIGN KEY (session_id, coachee_id) REFERENCES sessions (id, coachee_id) ON DELETE CASCADE
);

CREATE TABLE feedback_given (
  id         TEXT PRIMARY KEY NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  situation  TEXT NOT NULL DEFAULT '',
  behaviour  TEXT NOT NULL DEFAULT '',
  impact     TEXT NOT NULL DEFAULT '',
  response   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (length(trim(situation || behaviour || impact)) > 0)
);

CREATE TABLE session_feedback (
  session_id  TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  helped      TEXT NOT NULL DEFAULT '',
  change_next TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- With foreign keys on, a column added with REFERENCES must default to NULL: it does.
ALTER TABLE actions ADD COLUMN goal_id TEXT REFERENCES goals (id) ON DELETE SET NULL;

CREATE TRIGGER actions_goal_same_coachee_insert BEFORE INSERT ON actions
WHEN NEW.goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goals WHERE id = NEW.goal_id AND coachee_id = NEW.coachee_id) BEGIN
  SELECT RAISE(ABORT, 'an action can only serve a goal of its own coachee');
END;

CREATE TRIGGER actions_goal_same_coachee_update BEFORE UPDATE OF goal_id, coachee_id ON actions
WHEN NEW.goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goals WHERE id = NEW.goal_id AND coachee_id = NEW.coachee_id) BEGIN
  SELECT RAISE(ABORT, 'an action can only serve a goal of its own coachee');
END;

ALTER TABLE boundary_checks ADD COLUMN confidentiality_agreed_at TEXT;
ALTER TABLE boundary_checks ADD COLUMN limits_explained_at TEXT;
-- What was answered "yes" before this migration was agreed when the check was answered.
UPDATE boundary_checks SET confidentiality_agreed_at = answered_at WHERE confidentiality_agreed = 1;
UPDATE boundary_checks SET limits_explained_at = answered_at WHERE limits_explained = 1;

CREATE INDEX goals_by_coachee ON goals (coachee_id, created_at);
CREATE INDEX ratings_by_coachee ON progress_ratings (coachee_id, session_id);
CREATE INDEX ratings_by_session ON progress_ratings (session_id);
CREATE INDEX actions_by_goal ON actions (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX feedback_by_session ON feedback_given (session_id, created_at);
`;

export const MIGRATION_003_JOURNEY = [TABLES, ...SEARCH_SOURCES.map(searchTriggers)].join('\n');
