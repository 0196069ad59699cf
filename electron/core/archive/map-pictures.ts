import type { ArchiveScope, MapWithoutPicture } from '@shared/domain/archive';
import type { Repositories } from '../repositories';
import { scopedSessions } from './collect';
import type { ArchiveMap } from './content';

/**
 * Maps go into archives as the SVG tldraw made of them, stored with the map (never re-drawn here).
 * A map saved before the vault kept pictures, or changed since its picture was made (edits saved
 * from the shared screen), has none that shows it as it is; it gets one the next time it is opened.
 */
export type MapPictureState =
  /** tldraw's SVG of the map as stored: it goes into the archive byte for byte. */
  | { kind: 'picture'; svg: string }
  /** Nothing drawn: there is nothing to picture. */
  | { kind: 'empty' }
  /** Drawn, but with no picture of the drawing as it is. */
  | { kind: 'missing' };

/** Whether a snapshot holds any shape: an empty canvas needs no picture. */
function hasShapes(snapshotJson: string): boolean {
  try {
    const parsed = JSON.parse(snapshotJson) as { document?: { store?: Record<string, { typeName?: unknown }> }; store?: Record<string, { typeName?: unknown }> };
    const store = parsed.document?.store ?? parsed.store ?? {};
    return Object.values(store).some((record) => record?.typeName === 'shape');
  } catch {
    // Unreadable: say it has no picture rather than that it is empty.
    return true;
  }
}

export function pictureOf(map: ArchiveMap): MapPictureState {
  const picture = map.picture;
  if (picture?.current) return picture.svg === null ? { kind: 'empty' } : { kind: 'picture', svg: picture.svg };
  return hasShapes(map.snapshotJson) ? { kind: 'missing' } : { kind: 'empty' };
}

/** The maps of a scope that an export would hold without a picture, oldest session first. */
export function mapsWithoutPicture(repos: Repositories, scope: ArchiveScope): MapWithoutPicture[] {
  const { coachees, sessions } = scopedSessions(repos, scope);
  const names = new Map(coachees.map((coachee) => [coachee.id, coachee.name]));
  return sessions.flatMap((session) => {
    const map = repos.maps.get(session.id);
    if (!map || pictureOf(map).kind !== 'missing') return [];
    return [{ sessionId: session.id, coacheeName: names.get(session.coacheeId) ?? '', startedAt: session.startedAt, walkAwayWith: session.walkAwayWith }];
  });
}
