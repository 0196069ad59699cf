/**
 * Whether a zip entry name stays inside the folder it is unpacked into, on every system: no
 * absolute paths, no `..` or `.` segments, no backslashes (a separator on Windows), no drive
 * letters or other colons (`C:x`, NTFS streams), no control characters, no empty segments.
 * A trailing `/` marks a folder entry and is allowed.
 */
export function isSafeEntryPath(name: string): boolean {
  if (name.length === 0 || name.length > 400) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return false;
  if (name.startsWith('/')) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
