import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '@shared/domain/search';
import type { Db } from '../../../electron/core/db/open-database';
import { createRepositories, type Repositories } from '../../../electron/core/repositories';
import { toFtsQuery } from '../../../electron/core/search/fts-query';
import { search } from '../../../electron/core/search/search';
import { parseSnippet } from '../../../electron/core/search/snippet';
import type { Vault } from '../../../electron/core/vault/vault';
import { createVault, steppingClock, tempDir } from './helpers';

describe('toFtsQuery', () => {
  it('quotes every term, ANDs chunks, keeps hyphenated words as a phrase and prefix-matches the last', () => {
    expect(toFtsQuery('board meeting')).toBe('"board" "meeting"*');
    expect(toFtsQuery('  follow-up  ')).toBe('"follow up"*');
    expect(toFtsQuery('Zoë')).toBe('"Zoë"*');
  });

  it('turns operators and punctuation into plain words or nothing', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('"')).toBeNull();
    expect(toFtsQuery('*')).toBeNull();
    expect(toFtsQuery('"*" ( ) ^ : -')).toBeNull();
    expect(toFtsQuery('NEAR(')).toBe('"NEAR"*');
    expect(toFtsQuery('a AND b')).toBe('"a" "AND" "b"*');
    expect(toFtsQuery('title:secret')).toBe('"title secret"*');
    expect(toFtsQuery('"unbalanced')).toBe('"unbalanced"*');
    expect(toFtsQuery('x'.repeat(10) + ' y'.repeat(40))?.split(' ')).toHaveLength(12);
  });
});

describe('parseSnippet', () => {
  it('splits marked text into segments without producing markup', () => {
    expect(parseSnippet('a \u0002b\u0003 <i>c</i> \u0002d\u0003')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' <i>c</i> ', match: false },
      { text: 'd', match: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
    expect(parseSnippet('\u0003stray\u0002')).toEqual([{ text: 'stray', match: false }]);
  });
});

describe('search', () => {
  const folder = tempDir();
  let vault: Vault;
  let db: Db;
  let repos: Repositories;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    vault = await createVault(folder.dir);
    db = vault.db;
    repos = createRepositories(db, { now: steppingClock() });

    const ana = repos.coachees.create({ name: 'Anaïs Quillfeather', role: 'Operations lead', ambitions: 'Run the Lisbon office' });
    const bo = repos.coachees.create({ name: 'Bo Marchetti', obstacles: 'Quillfeather-like perfectionism' });
    const session = repos.sessions.create({
      coacheeId: ana.id,
      walkAwayWith: 'Confidence about the zeppelin proposal',
      boundariesToday: 'Nothing about the merger',
    });
    repos.sessions.end(session.id, { outcome: 'yes', outcomeWords: 'Ready to pitch', summary: 'Rehearsed the hovercraft argument' });
    repos.notes.save(session.id, '{"root":{}}', 'She described the quarterly reorganisation and a sense of drift. <b>bold</b> & "quotes"');
    const answer = repos.answers.create({
      sessionId: session.id,
      promptId: 'deck-7',
      promptText: 'What would the bravest version of you do?',
      category: 'courage',
      intensity: 'tough',
      answer: 'Ask for the trampoline budget',
    });
    const action = repos.actions.create({ sessionId: session.id, what: 'Draft the marzipan memo by Friday' });
    const observation = repos.observations.create({ sessionId: session.id, kind: 'observation', text: 'Voice tightened when the xylophone team came up' });
    const otherSession = repos.sessions.create({ coacheeId: bo.id, walkAwayWith: 'Less zeppelin thinking' });
    Object.assign(ids, { ana: ana.id, bo: bo.id, session: session.id, otherSession: otherSession.id, answer: answer.id, action: action.id, observation: observation.id });
  });
  afterAll(() => {
    vault.lock();
    folder.remove();
  });

  const only = (hits: SearchHit[]): SearchHit => {
    expect(hits).toHaveLength(1);
    return hits[0] as SearchHit;
  };
  const matched = (hit: SearchHit): string[] => hit.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase());

  it('finds each source kind, with ids to open it and a highlighted snippet', () => {
    const coachee = only(search(db, 'lisbon'));
    expect(coachee).toMatchObject({ kind: 'coachee', refId: ids.ana, sessionId: null, coacheeId: ids.ana, coacheeName: 'Anaïs Quillfeather', private: false });
    expect(matched(coachee)).toEqual(['lisbon']);

    const contract = only(search(db, 'hovercraft'));
    expect(contract).toMatchObject({ kind: 'session', refId: ids.session, sessionId: ids.session, coacheeId: ids.ana, private: false });
    expect(contract.sessionStartedAt).toBe(repos.sessions.get(ids.session ?? '')?.startedAt);
    expect(only(search(db, 'merger')).kind).toBe('session');
    expect(only(search(db, 'pitch')).kind).toBe('session');

    const note = only(search(db, 'reorg'));
    expect(note).toMatchObject({ kind: 'note', refId: ids.session, sessionId: ids.session, coacheeId: ids.ana, private: false });
    expect(matched(note)).toEqual(['reorganisation']);
    // The snippet carries the note's text as text: markup in a note stays inert characters.
    expect(only(search(db, 'bold')).snippet.map((s) => s.text).join('')).toContain('<b>bold</b>');

    const answer = only(search(db, 'trampoline'));
    expect(answer).toMatchObject({ kind: 'answer', refId: ids.answer, sessionId: ids.session, coacheeId: ids.ana });
    expect(only(search(db, 'bravest')).kind).toBe('answer'); // the prompt text is searchable too

    expect(only(search(db, 'marzipan'))).toMatchObject({ kind: 'action', refId: ids.action, sessionId: ids.session, coacheeId: ids.ana });
  });

  it('marks observations private, and leaves them out when asked', () => {
    const hit = only(search(db, 'xylophone'));
    expect(hit).toMatchObject({ kind: 'observation', refId: ids.observation, sessionId: ids.session, coacheeId: ids.ana, private: true });
    expect(search(db, 'xylophone', { includePrivate: false })).toEqual([]);
  });

  it('ignores case and accents, matches prefixes, and ranks a name above a passing mention', () => {
    expect(only(search(db, 'ANAIS')).refId).toBe(ids.ana);
    const hits = search(db, 'quillf');
    expect(hits.map((h) => h.refId)).toEqual([ids.ana, ids.bo]);
  });

  it('filters by coachee and honours the limit', () => {
    expect(search(db, 'zeppelin').map((h) => h.sessionId).sort()).toEqual([ids.otherSession, ids.session].sort());
    expect(search(db, 'zeppelin', { coacheeId: ids.bo }).map((h) => h.sessionId)).toEqual([ids.otherSession]);
    expect(search(db, 'zeppelin', { limit: 1 })).toHaveLength(1);
    expect(search(db, 'zeppelin', { limit: 0 })).toHaveLength(1);
  });

  it('keeps up with edits and deletes', () => {
    repos.actions.update(ids.action ?? '', { what: 'Draft the nougat memo' });
    expect(search(db, 'marzipan')).toEqual([]);
    expect(only(search(db, 'nougat')).refId).toBe(ids.action);
    repos.notes.save(ids.session ?? '', '{}', 'Now about a gondola and a canal');
    expect(search(db, 'reorganisation')).toEqual([]);
    expect(only(search(db, 'gondola')).kind).toBe('note');
    repos.observations.delete(ids.observation ?? '');
    expect(search(db, 'xylophone')).toEqual([]);
  });

  it('survives hostile input', () => {
    const hostile = ['"', '*', 'NEAR(', 'NEAR(a b', 'AND', 'OR', 'NOT', 'a OR b', '-', '(', ')', '^', ':', 'title:x', '""', '"*"', '\u0000', '\u0002', '💥', '', '   ', "'; DROP TABLE coachees; --", 'x'.repeat(5000), '* * *', 'a"b', 'a*b'];
    for (const query of hostile) {
      expect(() => search(db, query), JSON.stringify(query)).not.toThrow();
    }
    expect(search(db, '')).toEqual([]);
    expect(search(db, '"*')).toEqual([]);
    // Operator words are just words: "AND" finds the note that says "and".
    expect(search(db, 'NEAR(')).toEqual([]);
    expect(search(db, 'a AND gondola').map((h) => h.kind)).toEqual(['note']);
    expect(repos.coachees.list()).toHaveLength(2);
  });
});
