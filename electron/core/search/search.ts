import type { SearchHit, SearchKind, SearchOptions } from '@shared/domain/search';
import type { Db } from '../db/open-database';
import { statement } from '../repositories/statements';
import { toFtsQuery } from './fts-query';
import { MATCH_END, MATCH_START, parseSnippet } from './snippet';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Tokens of context in a snippet: about a line of text. */
const SNIPPET_TOKENS = 16;
/**
 * How many of the most recent matches a query ranks, at most. bm25 costs about half a microsecond
 * per matching row (it reads each row's size), so a word that every note has ("team") costs ~30 ms
 * to rank across a 100,000-note vault, and grows with it; ranking its newest 2,000 matches costs ~1 ms
 * whatever the vault's size. Rowids follow creation order (search_rows), so "newest" is by when
 * the coachee, session, note… was first written.
 */
export const RANKED_MATCHES = 2000;

interface HitRow {
  kind: SearchKind;
  ref_id: string;
  session_id: string | null;
  coachee_id: string;
  private: number;
  snippet: string;
  coachee_name: string | null;
  session_started_at: string | null;
}

// A word in a title (a coachee's name, what they want to walk away with, the prompt asked) counts
// more than the same word in running text. snippet() column -1: the column that matched best.
//
// Ranking first and fetching afterwards keeps a common word cheap: the inner query touches only the
// index (rowid and rank) of every match, and only the top rows are read, snippeted and joined. The
// filters short-circuit on their parameters, so unfiltered searches never read a stored column.
//
// @floor (see RANKED_MATCHES): when a query matches more rows than are worth ranking, only rows
// from @floor on are ranked, plus every coachee (a name must find its coachee however old the
// record is; there are few coachees). That test reads no stored column: search_rows is keyed by id.
const SEARCH_SQL = `
WITH top AS (
  SELECT rowid AS id, bm25(search_index, 3.0, 1.0) AS score
  FROM search_index
  WHERE search_index MATCH @match
    AND (@floor IS NULL OR rowid >= @floor OR rowid IN (SELECT id FROM search_rows WHERE kind = 'coachee'))
    AND (@includePrivate = 1 OR private = 0)
    AND (@coacheeId IS NULL OR coachee_id = @coacheeId)
  ORDER BY score
  LIMIT @limit
)
SELECT search_index.kind, search_index.ref_id, search_index.session_id, search_index.coachee_id, search_index.private,
       snippet(search_index, -1, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet,
       c.name AS coachee_name, s.started_at AS session_started_at
FROM top
JOIN search_index ON search_index.rowid = top.id AND search_index MATCH @match
LEFT JOIN coachees c ON c.id = search_index.coachee_id
LEFT JOIN sessions s ON s.id = search_index.session_id
ORDER BY top.score`;

// The rowid of the (@offset + 1)-th newest match, or no row when there are fewer: FTS5 walks the
// doclist backwards by rowid and stops there, without ranking or reading anything.
const FLOOR_SQL = `SELECT rowid FROM search_index WHERE search_index MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @offset`;

/** Full-text search over everything in the vault, best match first. Never throws on what was typed. */
export function search(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  return rankedSearch(db, query, options, RANKED_MATCHES);
}

/** search() with the ranking window given; separate so tests can prove the window with a few rows. */
export function rankedSearch(db: Db, query: string, options: SearchOptions, rankedMatches: number): SearchHit[] {
  const match = toFtsQuery(query);
  if (!match) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  // Searching one coachee's rows ranks all of them: the window is about the whole vault's volume.
  const floor = options.coacheeId ? null : (statement<[object], number>(db, FLOOR_SQL).pluck().get({ match, offset: rankedMatches - 1 }) ?? null);
  const rows = statement<[object], HitRow>(db, SEARCH_SQL).all({
    match,
    floor,
    includePrivate: options.includePrivate === false ? 0 : 1,
    coacheeId: options.coacheeId ?? null,
    limit,
  });
  return rows.map((row) => ({
    kind: row.kind,
    refId: row.ref_id,
    sessionId: row.session_id,
    coacheeId: row.coachee_id,
    coacheeName: row.coachee_name ?? '',
    sessionStartedAt: row.session_started_at,
    private: row.private === 1,
    snippet: parseSnippet(row.snippet),
  }));
}
