import type { Appearance } from '@shared/domain/settings';
import type { CoacheeScreen, MapDiff, MapRecord, ShareState, ShareView } from '@shared/domain/share';
import type { CoacheeEvent } from '@shared/ipc/events';

export interface ShareHubDeps {
  /** Persist the shared map (the hub is its only writer while sharing). */
  saveMap(sessionId: string, snapshotJson: string): void;
  /** Tell the coach window something changed on the coachee's side. */
  toCoach(event: { type: 'share-map-diff'; diff: MapDiff } | { type: 'share-state'; state: ShareState }): void;
  /** How long edits wait before they are saved (they are sent to the other window at once). */
  saveDelayMs?: number;
  /** tldraw's SVG of the session's map as stored (null: none yet), for the coachee's read-only view. */
  mapSvg?(sessionId: string): string | null;
  /** The tldraw license key in the vault's settings ('' when none): the coachee's canvas needs it too. */
  mapLicenseKey?(): string;
  /** The coach's appearance setting: the coachee's window is light or dark as the coach's is. */
  appearance?(): Appearance;
}

interface Shared {
  sessionId: string;
  view: ShareView;
  records: Map<string, MapRecord>;
  schema: unknown;
}

const PAUSED: ShareView = { kind: 'paused' };

/**
 * One shared screen at a time: the map document both windows edit, and what the coachee sees.
 * Edits arrive as tldraw store diffs from either window, are applied here, relayed to the other
 * window at once, and saved to the vault once (debounced), so two windows never race to save.
 */
export class ShareHub {
  private shared: Shared | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly coacheeListeners = new Set<(event: CoacheeEvent) => void>();

  constructor(private readonly deps: ShareHubDeps) {}

  state(): ShareState {
    return this.shared ? { active: true, sessionId: this.shared.sessionId, view: this.shared.view } : { active: false, sessionId: null, view: PAUSED };
  }

  isSharing(sessionId: string): boolean {
    return this.shared?.sessionId === sessionId;
  }

  start(sessionId: string, view: ShareView, mapSnapshot: string | null): ShareState {
    if (this.shared && this.shared.sessionId !== sessionId) this.stop();
    const { records, schema } = readSnapshot(mapSnapshot);
    this.shared = { sessionId, view, records, schema };
    this.pushScreen();
    return this.state();
  }

  setView(view: ShareView): ShareState {
    if (!this.shared) return this.state();
    this.shared.view = view;
    this.pushScreen();
    return this.state();
  }

  /** Save what is pending and blank the coachee's screen. */
  stop(): ShareState {
    this.flush();
    this.shared = null;
    this.pushScreen();
    this.deps.toCoach({ type: 'share-state', state: this.state() });
    return this.state();
  }

  fromCoach(diff: MapDiff): void {
    if (!this.shared) return;
    applyDiff(this.shared.records, diff);
    this.emitCoachee({ type: 'map-diff', diff });
    this.scheduleSave();
  }

  fromCoachee(diff: MapDiff): void {
    if (!this.shared || this.shared.view.kind !== 'map') return;
    applyDiff(this.shared.records, diff);
    this.deps.toCoach({ type: 'share-map-diff', diff });
    this.scheduleSave();
  }

  /** The coachee's screen: only the view and, with the map view, the map; and the coach's appearance. */
  screen(): CoacheeScreen {
    const appearance = this.deps.appearance ? { appearance: this.deps.appearance() } : {};
    if (!this.shared) return { view: { kind: 'closed' }, mapSnapshot: null, ...appearance };
    if (this.shared.view.kind !== 'map') return { view: this.shared.view, mapSnapshot: null, ...appearance };
    return {
      view: this.shared.view,
      mapSnapshot: this.serialize(),
      mapSvg: this.deps.mapSvg?.(this.shared.sessionId) ?? null,
      mapLicenseKey: this.deps.mapLicenseKey?.() ?? '',
      ...appearance,
    };
  }

  /** The coach changed light or dark: the coachee's window is told at once (its view is unchanged). */
  appearanceChanged(): void {
    this.pushScreen();
  }

  onCoacheeEvent(listener: (event: CoacheeEvent) => void): () => void {
    this.coacheeListeners.add(listener);
    return () => this.coacheeListeners.delete(listener);
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.save();
  }

  private save(): void {
    // Without the schema of the editor that made it, a snapshot could not be loaded again.
    if (this.shared && this.shared.schema !== null) this.deps.saveMap(this.shared.sessionId, this.serialize());
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, this.deps.saveDelayMs ?? 400);
    this.saveTimer.unref?.();
  }

  private serialize(): string {
    const shared = this.shared!;
    return JSON.stringify({ document: { store: Object.fromEntries(shared.records), schema: shared.schema } });
  }

  private pushScreen(): void {
    this.emitCoachee({ type: 'screen', screen: this.screen() });
  }

  private emitCoachee(event: CoacheeEvent): void {
    for (const listener of this.coacheeListeners) listener(event);
  }
}

function readSnapshot(json: string | null): { records: Map<string, MapRecord>; schema: unknown } {
  const records = new Map<string, MapRecord>();
  if (!json) return { records, schema: null };
  const parsed = JSON.parse(json) as { document?: { store?: Record<string, MapRecord>; schema?: unknown } };
  for (const [id, record] of Object.entries(parsed.document?.store ?? {})) records.set(id, record);
  return { records, schema: parsed.document?.schema ?? null };
}

function applyDiff(records: Map<string, MapRecord>, diff: MapDiff): void {
  for (const [id, record] of Object.entries(diff.added)) records.set(id, record);
  for (const [id, [, to]] of Object.entries(diff.updated)) records.set(id, to);
  for (const id of Object.keys(diff.removed)) records.delete(id);
}
