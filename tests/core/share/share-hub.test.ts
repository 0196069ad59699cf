import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MapDiff, MapRecord } from '@shared/domain/share';
import type { CoacheeEvent } from '@shared/ipc/events';
import { ShareHub } from '../../../electron/core/share/share-hub';

const SESSION = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const shape = (id: string, x: number): MapRecord => ({ id: `shape:${id}`, typeName: 'shape', type: 'geo', x, y: 0, props: { w: 10, h: 10 } });
const snapshot = (records: MapRecord[]) =>
  JSON.stringify({ document: { store: Object.fromEntries(records.map((r) => [r.id, r])), schema: { schemaVersion: 2, sequences: {} } } });
const diff = (partial: Partial<MapDiff>): MapDiff => ({ added: {}, updated: {}, removed: {}, ...partial });

function hub() {
  const saves: string[] = [];
  const toCoach: unknown[] = [];
  const coachee: CoacheeEvent[] = [];
  const share = new ShareHub({ saveMap: (_id, json) => saves.push(json), toCoach: (e) => toCoach.push(e), saveDelayMs: 50 });
  share.onCoacheeEvent((e) => coachee.push(e));
  return { share, saves, toCoach, coachee };
}

describe('ShareHub', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the coachee only the view and, for the map view, the map', () => {
    const { share, coachee } = hub();
    expect(share.screen()).toEqual({ view: { kind: 'closed' }, mapSnapshot: null });
    share.start(SESSION, { kind: 'map' }, snapshot([shape('a', 1)]));
    expect(JSON.parse(share.screen().mapSnapshot!).document.store['shape:a'].x).toBe(1);
    share.setView({ kind: 'prompt', text: 'What matters most?', category: 'values' });
    expect(share.screen()).toEqual({ view: { kind: 'prompt', text: 'What matters most?', category: 'values' }, mapSnapshot: null });
    expect(coachee.filter((e) => e.type === 'screen')).toHaveLength(2);
  });

  it('relays each side to the other and saves the merged document once, debounced', () => {
    vi.useFakeTimers();
    const { share, saves, toCoach, coachee } = hub();
    share.start(SESSION, { kind: 'map' }, snapshot([shape('a', 1)]));
    share.fromCoach(diff({ added: { 'shape:b': shape('b', 2) } }));
    share.fromCoachee(diff({ updated: { 'shape:a': [shape('a', 1), shape('a', 9)] } }));
    share.fromCoachee(diff({ removed: { 'shape:b': shape('b', 2) } }));
    expect(coachee.filter((e) => e.type === 'map-diff')).toHaveLength(1);
    expect(toCoach.filter((e) => (e as { type: string }).type === 'share-map-diff')).toHaveLength(2);
    expect(saves).toHaveLength(0);
    vi.advanceTimersByTime(60);
    expect(saves).toHaveLength(1);
    const store = JSON.parse(saves[0]!).document.store;
    expect(Object.keys(store)).toEqual(['shape:a']);
    expect(store['shape:a'].x).toBe(9);
  });

  it('ignores coachee edits when the coachee is not looking at the map', () => {
    const { share, toCoach } = hub();
    share.start(SESSION, { kind: 'paused' }, snapshot([]));
    share.fromCoachee(diff({ added: { 'shape:x': shape('x', 0) } }));
    expect(toCoach).toHaveLength(0);
    expect(JSON.parse(share.screen().mapSnapshot ?? 'null')).toBeNull();
  });

  it('stopping saves what is pending and blanks the coachee screen', () => {
    vi.useFakeTimers();
    const { share, saves, coachee } = hub();
    share.start(SESSION, { kind: 'map' }, snapshot([]));
    share.fromCoachee(diff({ added: { 'shape:z': shape('z', 3) } }));
    share.stop();
    expect(saves).toHaveLength(1);
    expect(JSON.parse(saves[0]!).document.store['shape:z'].x).toBe(3);
    expect(coachee.at(-1)).toEqual({ type: 'screen', screen: { view: { kind: 'closed' }, mapSnapshot: null } });
    vi.advanceTimersByTime(100);
    expect(saves).toHaveLength(1);
    expect(share.state().active).toBe(false);
  });
});
