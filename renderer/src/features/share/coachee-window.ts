import { useEffect, useState } from 'react';
import { previewCoacheeAddress } from '../../api/bridge';

/**
 * Who opens the coachee's window when sharing starts. In Electron the shell does, on shareStart
 * (the preload bridge is there). preview:web has no shell: there the coach's page opens the
 * coachee's page itself, in a browser window of its own.
 */
export const pageOpensCoacheeWindow = window.confidante === undefined;

/** The size a coachee's window opens at: a window to share in a call. */
const FEATURES = 'popup,noopener,width=1024,height=700';

let address: Promise<string> | null = null;

/** The coachee page's address, its token included; asked once per page (again after a failure). */
function coacheeAddress(): Promise<string> {
  if (!address) {
    const asked = previewCoacheeAddress();
    address = asked;
    asked.catch(() => {
      if (address === asked) address = null;
    });
  }
  return address;
}

/**
 * Open the coachee's page in a new window. `noopener`: both pages share an origin, and the
 * coachee's must get no handle on the coach's window (nor its token). With noopener, window.open
 * returns null whether or not a popup blocker stopped it, so the share bar offers the address too.
 */
export async function openCoacheeWindow(): Promise<void> {
  window.open(await coacheeAddress(), '_blank', FEATURES);
}

/**
 * The coachee page's address in preview:web, null in Electron (and until it is known). Asked when
 * the session bar mounts, so that "Share screen" opens the window within the click's user
 * activation instead of after one more round trip.
 */
export function useCoacheeAddress(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pageOpensCoacheeWindow) return;
    let live = true;
    coacheeAddress().then(
      (known) => live && setUrl(known),
      // Nothing to show: starting to share asks again and reports a failure then.
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return url;
}
