import type { DevicePermissionHandlerHandlerDetails, PermissionCheckHandlerHandlerDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import { devicePermissionDecision, permissionCheckDecision, permissionRequestDecision } from '../../electron/main/policy/permissions';

const OWN = 'app://confidante/index.html';

describe('permission handlers', () => {
  it.each([
    ['media', { requestingUrl: OWN, isMainFrame: true, mediaTypes: ['video', 'audio'], securityOrigin: 'app://confidante' }],
    ['display-capture', { requestingUrl: OWN, isMainFrame: true }],
    ['notifications', { requestingUrl: OWN, isMainFrame: true }],
    ['geolocation', { requestingUrl: OWN, isMainFrame: true }],
    ['clipboard-read', { requestingUrl: OWN, isMainFrame: true }],
    ['fullscreen', { requestingUrl: OWN, isMainFrame: true }],
    ['openExternal', { requestingUrl: OWN, isMainFrame: true, externalURL: 'https://evil.example/' }],
    ['fileSystem', { requestingUrl: OWN, isMainFrame: true, filePath: '/home/coach', isDirectory: true, fileAccessType: 'writable' }],
    ['media', { requestingUrl: 'https://evil.example/', isMainFrame: false }],
  ])('refuses a %s request (%o)', (permission, details) => {
    expect(permissionRequestDecision(permission, details)).toBe(false);
  });

  it.each<[string, string, PermissionCheckHandlerHandlerDetails]>([
    ['media', 'app://confidante', { isMainFrame: true, requestingUrl: OWN, securityOrigin: 'app://confidante', mediaType: 'video' }],
    ['clipboard-sanitized-write', 'app://confidante', { isMainFrame: true, requestingUrl: OWN }],
    ['notifications', 'https://evil.example', { isMainFrame: false, requestingUrl: 'https://evil.example/', embeddingOrigin: 'app://confidante' }],
    ['hid', 'app://confidante', { isMainFrame: true, securityOrigin: 'app://confidante' }],
  ])('answers no to a %s check from %s', (permission, origin, details) => {
    expect(permissionCheckDecision(permission, origin, details)).toBe(false);
  });

  it.each<Pick<DevicePermissionHandlerHandlerDetails, 'deviceType' | 'origin'>>([
    { deviceType: 'usb', origin: 'app://confidante' },
    { deviceType: 'hid', origin: 'app://confidante' },
    { deviceType: 'serial', origin: 'https://evil.example' },
  ])('refuses $deviceType devices to $origin', (details) => {
    expect(devicePermissionDecision(details)).toBe(false);
  });
});
