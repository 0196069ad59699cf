import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open-database';
import { createRepositories } from '../../../electron/core/repositories';
import { RANKED_MATCHES, rankedSearch, search } from '../../../electron/core/search/search';
import type { Vault } from '../../../electron/core/vault/vault';
import { createVault, steppingClock, tempDir } from './helpers';

/**
 * A word that thousands of rows contain is ranked among its newest matches only (RANKED_MATCHES),
 * so search stays fast in a vault of ten years; every coachee matching is still ranked, however old.
 * Shown here with a window of 5 on a handful of rows.
 */
describe('search ranks the newest matches of a very common word', () => {
  const folder = tempDir();
  let vault: Vault;
  let db: Db;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    vault = await createVault(folder.dir);
    db = vault.db;
    const repos = createRepositories(db, { now: steppingClock() });
    // Oldest first: a coachee named after the word, then the best-matching note of all.
    const harbourCoachee = repos.coachees.create({ name: 'Harbour Pilot' });
    const other = repos.coachees.create({ name: 'Other Coachee' });
    const first = repos.sessions.create({ coacheeId: other.id, walkAwayWith: 'The first session' });
    repos.notes.save(first.id, '{}', 'harbour harbour harbour harbour');
    ids.coachee = harbourCoachee.id;
    ids.other = other.id;
    ids.first = first.id;
    for (let i = 0; i < 12; i += 1) {
      const session = repos.sessions.create({ coacheeId: i % 2 === 0 ? other.id : harbourCoachee.id, walkAwayWith: `Later session ${i}` });
      repos.notes.save(session.id, '{}', `A long note about many things, the harbour among them, written ${i}. ${'More words here. '.repeat(20)}`);
    }
  });
  afterAll(() => {
    vault.lock();
    folder.remove();
  });

  it('with every match in the window, the best match wins, however old', () => {
    expect(RANKED_MATCHES).toBeGreaterThan(14);
    const hits = search(db, 'harbour');
    expect(hits.map((hit) => hit.refId)).toContain(ids.coachee);
    expect(hits.find((hit) => hit.kind === 'note')?.refId).toBe(ids.first);
    expect(hits).toHaveLength(14);
  });

  it('past the window, only the newest matches are ranked, and the coachee still is', () => {
    const hits = rankedSearch(db, 'harbour', {}, 5);
    const notes = hits.filter((hit) => hit.kind === 'note');
    expect(notes).toHaveLength(5);
    expect(notes.map((hit) => hit.refId)).not.toContain(ids.first);
    expect(hits.filter((hit) => hit.kind === 'coachee').map((hit) => hit.refId)).toEqual([ids.coachee]);
  });

  it("one coachee's search ranks all of that coachee's matches", () => {
    const hits = rankedSearch(db, 'harbour', { coacheeId: ids.other }, 5);
    expect(hits.filter((hit) => hit.kind === 'note').map((hit) => hit.refId)).toContain(ids.first);
    expect(hits.every((hit) => hit.coacheeId === ids.other)).toBe(true);
  });
});
