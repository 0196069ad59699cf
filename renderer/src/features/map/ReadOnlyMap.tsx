import type { StoredSystemMap } from '@shared/domain/system-map';
import type { KeyVerdict } from './license-state';
import { MapPictureImage } from './MapPictureImage';
import './map.css';

export interface ReadOnlyMapProps {
  /** The map as stored; null when the session has none yet; undefined while it loads. */
  stored: StoredSystemMap | null | undefined;
  /** What tldraw said of the key that applies ('invalid', 'expired' or 'none' here). */
  verdict: KeyVerdict;
  onOpenSettings: () => void;
}

const REASONS: Partial<Record<KeyVerdict, string>> = {
  none: 'No tldraw license key is set, and this build of Confidante needs one to run the drawing canvas.',
  invalid: 'The tldraw license key is not valid here, so the drawing canvas cannot run.',
  expired: 'The tldraw license key has expired, so the drawing canvas cannot run.',
};

/**
 * The system map where tldraw's editor may not run (no valid license in a production build): its
 * last saved picture, read-only, with the reason and the way to fix it, instead of a canvas that
 * tldraw would hide a few seconds after it appears. The drawing itself is untouched in the vault.
 */
export function ReadOnlyMap({ stored, verdict, onOpenSettings }: ReadOnlyMapProps) {
  const picture = stored?.picture ?? null;
  return (
    <div className="system-map system-map--read-only">
      <div className="system-map__bar system-map__bar--read-only" role="toolbar" aria-label="System map">
        <span className="system-map__badge">Read-only</span>
        <span className="system-map__reason">{REASONS[verdict] ?? 'The drawing canvas cannot run with the current license.'}</span>
        <span className="system-map__spacer" />
        <button type="button" className="system-map__button system-map__button--primary" onClick={onOpenSettings}>
          Set the license key…
        </button>
      </div>
      <div className="system-map__canvas system-map__canvas--picture" aria-busy={stored === undefined}>
        {stored === undefined ? null : picture?.svg ? (
          <figure className="system-map__picture">
            <MapPictureImage svg={picture.svg} label="The system map as last saved" className="system-map__picture-image" />
            {!picture.current && (
              <figcaption className="system-map__stale">
                This picture was saved before the map&rsquo;s latest changes. They are safe in the vault and appear once the map can be edited
                again.
              </figcaption>
            )}
          </figure>
        ) : (
          <section className="system-map__notice system-map__notice--quiet" role="status">
            {picture && picture.current ? (
              <>
                <h2>This map is empty</h2>
                <p className="system-map__muted">Nothing has been drawn on it yet. Set a license key to start drawing.</p>
              </>
            ) : stored === null ? (
              <>
                <h2>No map in this session yet</h2>
                <p className="system-map__muted">Set a license key to start drawing the coachee&rsquo;s system.</p>
              </>
            ) : (
              <>
                <h2>No picture of this map yet</h2>
                <p className="system-map__muted">
                  A picture is kept each time the map is saved while it can be edited, and this one has not been saved that way since. The
                  drawing itself is safe in the vault and opens as soon as a valid key is set.
                </p>
              </>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
