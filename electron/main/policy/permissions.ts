import type { DevicePermissionHandlerHandlerDetails, PermissionCheckHandlerHandlerDetails } from 'electron';

/**
 * The app needs no web permission: no camera or microphone, notifications, geolocation, clipboard
 * reads, fullscreen requests from the page (the coachee's window is made full-screen by the main
 * process), external protocols, or devices. Every request and every check is refused, whoever asks.
 */
export function permissionRequestDecision(_permission: string, _details: { requestingUrl?: string; isMainFrame: boolean }): boolean {
  return false;
}

export function permissionCheckDecision(_permission: string, _requestingOrigin: string, _details: PermissionCheckHandlerHandlerDetails): boolean {
  return false;
}

/** USB, HID and serial devices. */
export function devicePermissionDecision(_details: Pick<DevicePermissionHandlerHandlerDetails, 'deviceType' | 'origin'>): boolean {
  return false;
}
