import type { Action } from '@shared/domain/action';
import type { BoundaryCheck } from '@shared/domain/boundary-check';
import type { Coachee } from '@shared/domain/coachee';
import type { SessionNote } from '@shared/domain/note';
import type { Observation } from '@shared/domain/observation';
import type { CustomPrompt, PromptAnswer } from '@shared/domain/prompt';
import type { Session } from '@shared/domain/session';
import type { MapPicture, SystemMap } from '@shared/domain/system-map';
import { mapPlainText } from '@shared/domain/system-map-text';
import type { Db } from '../db/open-database';
import { documentHash } from '../repositories/maps';
import { statement } from '../repositories/statements';

/**
 * Writes records exactly as an archive holds them: ids and timestamps included, which the
 * repositories (made for live editing: fresh ids, "now" timestamps) deliberately do not allow.
 * Used only inside the import transaction; the search index follows through its triggers.
 */

const TABLES = {
  coachee: 'coachees',
  session: 'sessions',
  customPrompt: 'custom_prompts',
  action: 'actions',
  answer: 'prompt_answers',
  observation: 'observations',
} as const;

export type RecordKind = keyof typeof TABLES;

const bit = (value: boolean): number => (value ? 1 : 0);

export interface VaultWriter {
  exists(kind: RecordKind, id: string): boolean;
  insertCoachee(coachee: Coachee): void;
  updateCoachee(coachee: Coachee): void;
  saveBoundaryCheck(check: BoundaryCheck): void;
  insertSession(session: Session): void;
  updateSession(session: Session): void;
  /** Before replacing a session: remove its note, map, answers, actions, ratings and feedback (and observations, if asked). */
  clearSession(sessionId: string, options: { observations: boolean }): void;
  saveNote(note: SessionNote): void;
  saveMap(map: SystemMap & { picture?: MapPicture | null }): void;
  insertAction(action: Action): void;
  insertAnswer(answer: PromptAnswer): void;
  insertObservation(observation: Observation): void;
  insertCustomPrompt(prompt: CustomPrompt): void;
  updateCustomPrompt(prompt: CustomPrompt): void;
}

const COACHEE_VALUES = `@id, @name, @role, @organisation, @ambitions, @currentProjects, @obstacles, @supportWanted, @note,
  @relationshipKind, @preferredMode, @challengeIntensity, @archivedAt, @createdAt, @updatedAt`;
const SESSION_VALUES = `@id, @coacheeId, @startedAt, @endedAt, @walkAwayWith, @wayOfWorking, @challengeIntensity, @timeBoxMinutes,
  @boundariesToday, @currentMode, @outcome, @outcomeWords, @summary, @createdAt, @updatedAt`;

export function vaultWriter(db: Db): VaultWriter {
  const run = (sql: string, params: object | string): void => {
    statement<[object | string]>(db, sql).run(params);
  };
  return {
    exists(kind, id) {
      return statement<[string], number>(db, `SELECT 1 FROM ${TABLES[kind]} WHERE id = ?`).pluck().get(id) !== undefined;
    },

    insertCoachee(coachee) {
      run(
        `INSERT INTO coachees (id, name, role, organisation, ambitions, current_projects, obstacles, support_wanted, note,
           relationship_kind, preferred_mode, challenge_intensity, archived_at, created_at, updated_at)
         VALUES (${COACHEE_VALUES})`,
        coachee,
      );
    },

    updateCoachee(coachee) {
      run(
        `UPDATE coachees SET name = @name, role = @role, organisation = @organisation, ambitions = @ambitions,
           current_projects = @currentProjects, obstacles = @obstacles, support_wanted = @supportWanted, note = @note,
           relationship_kind = @relationshipKind, preferred_mode = @preferredMode, challenge_intensity = @challengeIntensity,
           archived_at = @archivedAt, created_at = @createdAt, updated_at = @updatedAt
         WHERE id = @id`,
        coachee,
      );
    },

    saveBoundaryCheck(check) {
      run(
        `INSERT INTO boundary_checks (coachee_id, manages_performance_or_pay, conflict_of_interest, confidentiality_agreed,
           limits_explained, conflict_acknowledged, answered_at, confidentiality_agreed_at, limits_explained_at)
         VALUES (@coacheeId, @managesPerformanceOrPay, @conflictOfInterest, @confidentialityAgreed, @limitsExplained,
           @conflictAcknowledged, @answeredAt, @confidentialityAgreedAt, @limitsExplainedAt)
         ON CONFLICT (coachee_id) DO UPDATE SET
           manages_performance_or_pay = excluded.manages_performance_or_pay, conflict_of_interest = excluded.conflict_of_interest,
           confidentiality_agreed = excluded.confidentiality_agreed, limits_explained = excluded.limits_explained,
           conflict_acknowledged = excluded.conflict_acknowledged, answered_at = excluded.answered_at,
           confidentiality_agreed_at = excluded.confidentiality_agreed_at, limits_explained_at = excluded.limits_explained_at`,
        {
          coacheeId: check.coacheeId,
          managesPerformanceOrPay: bit(check.managesPerformanceOrPay),
          conflictOfInterest: bit(check.conflictOfInterest),
          confidentialityAgreed: bit(check.confidentialityAgreed),
          limitsExplained: bit(check.limitsExplained),
          conflictAcknowledged: bit(check.conflictAcknowledged),
          answeredAt: check.answeredAt,
          confidentialityAgreedAt: check.confidentialityAgreedAt,
          limitsExplainedAt: check.limitsExplainedAt,
        },
      );
    },

    insertSession(session) {
      run(
        `INSERT INTO sessions (id, coachee_id, started_at, ended_at, walk_away_with, way_of_working, challenge_intensity,
           time_box_minutes, boundaries_today, current_mode, outcome, outcome_words, summary, created_at, updated_at)
         VALUES (${SESSION_VALUES})`,
        session,
      );
    },

    updateSession(session) {
      run(
        `UPDATE sessions SET coachee_id = @coacheeId, started_at = @startedAt, ended_at = @endedAt, walk_away_with = @walkAwayWith,
           way_of_working = @wayOfWorking, challenge_intensity = @challengeIntensity, time_box_minutes = @timeBoxMinutes,
           boundaries_today = @boundariesToday, current_mode = @currentMode, outcome = @outcome, outcome_words = @outcomeWords,
           summary = @summary, created_at = @createdAt, updated_at = @updatedAt
         WHERE id = @id`,
        session,
      );
    },

    clearSession(sessionId, options) {
      run(`DELETE FROM notes WHERE session_id = ?`, sessionId);
      run(`DELETE FROM system_maps WHERE session_id = ?`, sessionId);
      run(`DELETE FROM prompt_answers WHERE session_id = ?`, sessionId);
      run(`DELETE FROM actions WHERE session_id = ?`, sessionId);
      if (options.observations) run(`DELETE FROM observations WHERE session_id = ?`, sessionId);
      // The journey of the session: a coachee copy holds it too, so it is replaced either way.
      run(`DELETE FROM progress_ratings WHERE session_id = ?`, sessionId);
      run(`DELETE FROM feedback_given WHERE session_id = ?`, sessionId);
      run(`DELETE FROM session_feedback WHERE session_id = ?`, sessionId);
    },

    saveNote(note) {
      run(
        `INSERT INTO notes (session_id, lexical_json, plain_text, updated_at) VALUES (@sessionId, @lexicalJson, @plainText, @updatedAt)
         ON CONFLICT (session_id) DO UPDATE SET
           lexical_json = excluded.lexical_json, plain_text = excluded.plain_text, updated_at = excluded.updated_at`,
        note,
      );
    },

    saveMap(map) {
      run(
        `INSERT INTO system_maps (session_id, snapshot_json, plain_text, updated_at) VALUES (@sessionId, @snapshotJson, @plainText, @updatedAt)
         ON CONFLICT (session_id) DO UPDATE SET snapshot_json = excluded.snapshot_json, plain_text = excluded.plain_text,
           updated_at = excluded.updated_at`,
        // The map's words, for search, derived the same way the map repository does.
        { sessionId: map.sessionId, snapshotJson: map.snapshotJson, updatedAt: map.updatedAt, plainText: mapPlainText(map.snapshotJson) },
      );
      // The archive's picture was made from this snapshot (the export writes map.svg only then):
      // store it as current, with the drawing's fingerprint, as the map repository would.
      if (map.picture?.current) {
        const hash = documentHash(map.snapshotJson);
        run(`UPDATE system_maps SET document_hash = @hash, svg = @svg, svg_document_hash = @hash WHERE session_id = @sessionId`, {
          sessionId: map.sessionId,
          svg: map.picture.svg,
          hash,
        });
      }
    },

    insertAction(action) {
      run(
        `INSERT INTO actions (id, session_id, coachee_id, what, owner, due_date, status, followed_up_in_session, goal_id, created_at, updated_at)
         VALUES (@id, @sessionId, @coacheeId, @what, @owner, @dueDate, @status, @followedUpInSession, @goalId, @createdAt, @updatedAt)`,
        action,
      );
    },

    insertAnswer(answer) {
      run(
        `INSERT INTO prompt_answers (id, session_id, prompt_id, prompt_text, category, intensity, asked_at, answer, updated_at)
         VALUES (@id, @sessionId, @promptId, @promptText, @category, @intensity, @askedAt, @answer, @updatedAt)`,
        answer,
      );
    },

    insertObservation(observation) {
      run(
        `INSERT INTO observations (id, session_id, kind, text, created_at, updated_at)
         VALUES (@id, @sessionId, @kind, @text, @createdAt, @updatedAt)`,
        observation,
      );
    },

    insertCustomPrompt(prompt) {
      run(`INSERT INTO custom_prompts (id, category, intensity, text, created_at) VALUES (@id, @category, @intensity, @text, @createdAt)`, prompt);
    },

    updateCustomPrompt(prompt) {
      run(`UPDATE custom_prompts SET category = @category, intensity = @intensity, text = @text, created_at = @createdAt WHERE id = @id`, prompt);
    },
  };
}
