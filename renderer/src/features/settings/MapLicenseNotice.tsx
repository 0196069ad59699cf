import { keyVerdict } from '../map/license-state';
import { useMapLicense } from '../map/map-license';
import './settings.css';

/**
 * Said before a session opens, where tldraw would stop the canvas: the map can be looked at but
 * not edited until a valid key is set, and the button to set it.
 */
export function MapLicenseNotice({ onOpenSettings }: { onOpenSettings: () => void }) {
  const license = useMapLicense();
  if (!license.blocked) return null;
  const verdict = keyVerdict(license.state, license.key !== '');
  const why =
    verdict === 'expired' ? 'The tldraw license key has expired.' : verdict === 'invalid' ? 'The tldraw license key is not valid here.' : 'No tldraw license key is set.';
  return (
    <section className="license-notice" role="note" aria-label="System map license">
      <div className="license-notice__text">
        <h2>The system map cannot be edited until a license key is set</h2>
        <p>
          {why} The session opens as usual; maps from earlier sessions are shown read-only, and drawing becomes possible as soon as a valid
          key is set.
        </p>
      </div>
      <button type="button" className="button" onClick={onOpenSettings}>
        Set the license key…
      </button>
    </section>
  );
}
