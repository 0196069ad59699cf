/**
 * The shared screen: what the coachee's window shows, and the map edits that flow between the two
 * windows. The coachee's window can only ever be told one of these views; nothing else of the
 * vault exists for it.
 */
import type { Appearance } from './settings';

export type ShareView = { kind: 'map' } | { kind: 'prompt'; text: string; category: string } | { kind: 'paused' };

/** Only these record types travel: the drawing itself, never the session state of either window. */
export const SHARED_RECORD_TYPES = ['shape', 'binding', 'asset', 'page', 'document'] as const;
export type SharedRecordType = (typeof SHARED_RECORD_TYPES)[number];

/** A tldraw record as it crosses the boundary: opaque apart from its id and type. */
export interface MapRecord {
  id: string;
  typeName: SharedRecordType;
  [key: string]: unknown;
}

/** tldraw's RecordsDiff: what one store change added, updated ([from, to]) and removed. */
export interface MapDiff {
  added: Record<string, MapRecord>;
  updated: Record<string, [MapRecord, MapRecord]>;
  removed: Record<string, MapRecord>;
}

export interface ShareState {
  active: boolean;
  sessionId: string | null;
  view: ShareView;
}

/** Everything the coachee's window gets: the view, and the map to draw on when the view is the map. */
export interface CoacheeScreen {
  view: ShareView | { kind: 'closed' };
  /** The coach's appearance setting: the coachee's window is light or dark as the coach's is. */
  appearance?: Appearance;
  /** The map document as a tldraw snapshot JSON, only with the map view. */
  mapSnapshot: string | null;
  /**
   * Only with the map view: tldraw's own SVG of the map as last saved (null when there is none), which
   * the coachee's window shows read-only where tldraw's editor may not run (no valid license).
   */
  mapSvg?: string | null;
  /**
   * Only with the map view: the tldraw license key the coach's vault holds ('' when none), so the
   * coachee's canvas runs under the same license as the coach's and the two windows agree on it.
   */
  mapLicenseKey?: string;
}

