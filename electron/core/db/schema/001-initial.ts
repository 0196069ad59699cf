/**
 * Migration 1: everything a live coaching session needs. Shipped migrations are frozen: change the
 * schema with a new migration, never by editing this one (existing vaults have already run it).
 *
 * Plain tables only (no STRICT, no newer SQL functions), so that a stock SQLCipher 4 shell can
 * still read the vault in an emergency.
 */

interface SearchSource {
  table: string;
  kind: 'coachee' | 'session' | 'note' | 'map' | 'answer' | 'action' | 'observation';
  /** The column that identifies the source row; never updated. */
  key: string;
  /** Columns whose change must re-index the row. */
  watched: readonly string[];
  /** SQL expressions over the row alias r ('NEW'). */
  title: (r: string) => string;
  body: (r: string) => string;
  sessionId: (r: string) => string;
  coacheeId: (r: string) => string;
  private: 0 | 1;
}

const coacheeOfSession = (r: string): string => `(SELECT coachee_id FROM sessions WHERE id = ${r}.session_id)`;
const lines = (r: string, columns: readonly string[]): string => columns.map((c) => `${r}.${c}`).join(` || char(10) || `);

const COACHEE_PROFILE = ['role', 'organisation', 'ambitions', 'current_projects', 'obstacles', 'support_wanted', 'note'] as const;
const SESSION_CONTRACT = ['boundaries_today', 'summary', 'outcome_words'] as const;

const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    table: 'coachees',
    kind: 'coachee',
    key: 'id',
    watched: ['name', ...COACHEE_PROFILE],
    title: (r) => `${r}.name`,
    body: (r) => lines(r, COACHEE_PROFILE),
    sessionId: () => 'NULL',
    coacheeId: (r) => `${r}.id`,
    private: 0,
  },
  {
    table: 'sessions',
    kind: 'session',
    key: 'id',
    watched: ['walk_away_with', ...SESSION_CONTRACT],
    title: (r) => `${r}.walk_away_with`,
    body: (r) => lines(r, SESSION_CONTRACT),
    sessionId: (r) => `${r}.id`,
    coacheeId: (r) => `${r}.coachee_id`,
    private: 0,
  },
  {
    table: 'notes',
    kind: 'note',
    key: 'session_id',
    watched: ['plain_text'],
    title: () => `''`,
    body: (r) => `${r}.plain_text`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
    private: 0,
  },
  {
    table: 'system_maps',
    kind: 'map',
    key: 'session_id',
    watched: ['plain_text'],
    title: () => `''`,
    body: (r) => `${r}.plain_text`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
    private: 0,
  },
  {
    table: 'prompt_answers',
    kind: 'answer',
    key: 'id',
    watched: ['prompt_text', 'answer'],
    title: (r) => `${r}.prompt_text`,
    body: (r) => `${r}.answer`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
    private: 0,
  },
  {
    table: 'actions',
    kind: 'action',
    key: 'id',
    watched: ['what'],
    title: () => `''`,
    body: (r) => `${r}.what`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: (r) => `${r}.coachee_id`,
    private: 0,
  },
  {
    table: 'observations',
    kind: 'observation',
    key: 'id',
    watched: ['text'],
    title: () => `''`,
    body: (r) => `${r}.text`,
    sessionId: (r) => `${r}.session_id`,
    coacheeId: coacheeOfSession,
    private: 1,
  },
];

/**
 * Triggers keep the search index in step with each source table inside the same transaction, so
 * no code path can forget to index (or to un-index) a row. search_rows gives every indexed row a
 * stable integer id, so an update or delete touches the FTS row by rowid instead of scanning.
 */
function searchTriggers(s: SearchSource): string {
  const ftsRowid = (r: string): string => `(SELECT id FROM search_rows WHERE kind = '${s.kind}' AND ref_id = ${r}.${s.key})`;
  const changed = s.watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return `
CREATE TRIGGER ${s.table}_search_insert AFTER INSERT ON ${s.table} BEGIN
  INSERT INTO search_rows (kind, ref_id) VALUES ('${s.kind}', NEW.${s.key});
  INSERT INTO search_index (rowid, title, body, kind, ref_id, session_id, coachee_id, private)
  VALUES (${ftsRowid('NEW')}, ${s.title('NEW')}, ${s.body('NEW')}, '${s.kind}', NEW.${s.key},
          ${s.sessionId('NEW')}, ${s.coacheeId('NEW')}, ${s.private});
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
CREATE TABLE coachees (
  id                  TEXT PRIMARY KEY NOT NULL,
  name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role                TEXT NOT NULL DEFAULT '',
  organisation        TEXT NOT NULL DEFAULT '',
  ambitions           TEXT NOT NULL DEFAULT '',
  current_projects    TEXT NOT NULL DEFAULT '',
  obstacles           TEXT NOT NULL DEFAULT '',
  support_wanted      TEXT NOT NULL DEFAULT '',
  note                TEXT NOT NULL DEFAULT '',
  relationship_kind   TEXT NOT NULL DEFAULT 'coaching' CHECK (relationship_kind IN ('coaching', 'mentoring', 'confidante')),
  preferred_mode      TEXT NOT NULL DEFAULT 'talk' CHECK (preferred_mode IN ('talk', 'draw', 'challenge')),
  challenge_intensity TEXT NOT NULL DEFAULT 'supportive' CHECK (challenge_intensity IN ('supportive', 'direct', 'tough')),
  archived_at         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

CREATE TABLE boundary_checks (
  coachee_id                 TEXT PRIMARY KEY NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
  manages_performance_or_pay INTEGER NOT NULL CHECK (manages_performance_or_pay IN (0, 1)),
  conflict_of_interest       INTEGER NOT NULL CHECK (conflict_of_interest IN (0, 1)),
  confidentiality_agreed     INTEGER NOT NULL CHECK (confidentiality_agreed IN (0, 1)),
  limits_explained           INTEGER NOT NULL CHECK (limits_explained IN (0, 1)),
  conflict_acknowledged      INTEGER NOT NULL CHECK (conflict_acknowledged IN (0, 1)),
  answered_at                TEXT NOT NULL
);

CREATE TABLE sessions (
  id                  TEXT PRIMARY KEY NOT NULL,
  coachee_id          TEXT NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
  started_at          TEXT NOT NULL,
  ended_at            TEXT,
  walk_away_with      TEXT NOT NULL CHECK (length(trim(walk_away_with)) > 0),
  way_of_working      TEXT NOT NULL CHECK (way_of_working IN ('talk', 'draw', 'challenge')),
  challenge_intensity TEXT NOT NULL CHECK (challenge_intensity IN ('supportive', 'direct', 'tough')),
  time_box_minutes    INTEGER NOT NULL DEFAULT 60 CHECK (time_box_minutes BETWEEN 1 AND 1440),
  boundaries_today    TEXT NOT NULL DEFAULT '',
  current_mode        TEXT NOT NULL CHECK (current_mode IN ('talk', 'draw', 'challenge')),
  outcome             TEXT CHECK (outcome IN ('yes', 'partly', 'no')),
  outcome_words       TEXT NOT NULL DEFAULT '',
  summary             TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  -- Lets actions reference (session, coachee) together, so an action cannot name the wrong coachee.
  UNIQUE (id, coachee_id)
);

CREATE TABLE notes (
  session_id   TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  lexical_json TEXT NOT NULL,
  plain_text   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE system_maps (
  session_id    TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  snapshot_json TEXT NOT NULL,
  -- The words on the map, for search; derived from the snapshot on every save.
  plain_text    TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL
);

CREATE TABLE custom_prompts (
  id         TEXT PRIMARY KEY NOT NULL,
  category   TEXT NOT NULL,
  intensity  TEXT NOT NULL CHECK (intensity IN ('supportive', 'direct', 'tough')),
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at TEXT NOT NULL
);

-- prompt_id is deliberately not a foreign key: it may name a built-in prompt, and an answer must
-- outlive the custom prompt it answered (its text is copied for that reason).
CREATE TABLE prompt_answers (
  id          TEXT PRIMARY KEY NOT NULL,
  session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  prompt_id   TEXT NOT NULL,
  prompt_text TEXT NOT NULL,
  category    TEXT NOT NULL,
  intensity   TEXT NOT NULL CHECK (intensity IN ('supportive', 'direct', 'tough')),
  asked_at    TEXT NOT NULL,
  answer      TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL
);

CREATE TABLE actions (
  id                     TEXT PRIMARY KEY NOT NULL,
  session_id             TEXT NOT NULL,
  coachee_id             TEXT NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
  what                   TEXT NOT NULL CHECK (length(trim(what)) > 0),
  owner                  TEXT NOT NULL DEFAULT 'coachee',
  due_date               TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'carried', 'dropped')),
  followed_up_in_session TEXT REFERENCES sessions (id) ON DELETE SET NULL,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  FOREIGN KEY (session_id, coachee_id) REFERENCES sessions (id, coachee_id) ON DELETE CASCADE
);

CREATE TABLE observations (
  id         TEXT PRIMARY KEY NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('observation', 'disclosure')),
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
);

CREATE INDEX sessions_by_coachee ON sessions (coachee_id, started_at DESC);
CREATE INDEX sessions_open ON sessions (started_at) WHERE ended_at IS NULL;
CREATE INDEX actions_by_coachee ON actions (coachee_id, status);
CREATE INDEX actions_by_session ON actions (session_id);
CREATE INDEX actions_by_follow_up ON actions (followed_up_in_session) WHERE followed_up_in_session IS NOT NULL;
CREATE INDEX answers_by_session ON prompt_answers (session_id, asked_at);
CREATE INDEX observations_by_session ON observations (session_id, created_at);
`;

const SEARCH = `
CREATE TABLE search_rows (
  id     INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);

-- A contentful FTS5 table: snippet() reads the text from it, and it lives inside the encrypted file
-- like everything else. The prefix indexes keep type-ahead prefix queries cheap.
CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  body,
  kind UNINDEXED,
  ref_id UNINDEXED,
  session_id UNINDEXED,
  coachee_id UNINDEXED,
  private UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
`;

export const MIGRATION_001_INITIAL = [TABLES, SEARCH, ...SEARCH_SOURCES.map(searchTriggers)].join('\n');
