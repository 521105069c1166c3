/**
 * The file name offered when an export is saved (the save dialog's default on the desktop,
 * the download's name in a browser). Whatever the caller sent, the result is one plain
 * file name for every platform: no folders (`/`, `\`, `..`), no drive or stream colon, no
 * characters Windows refuses, no control or direction-override characters (which can
 * disguise `report‮fdp.exe` as `report.exe.pdf`), no leading dot (hidden files) or
 * trailing dot or space, no device name (CON, NUL, COM1…), at most 200 characters with the
 * extension kept. The editor still chooses the final place and name in the dialog.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK = 'export';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function safeFileName(name: string): string {
  let safe = name
    .replace(LONE_SURROGATE, '_')
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (DEVICE.test(safe)) safe = `_${safe}`;
  if (safe.length > MAX_FILE_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
    // Cut between code points, so no surrogate pair is split.
    let stem = '';
    for (const char of safe.slice(0, safe.length - extension.length)) {
      if (stem.length + char.length > MAX_FILE_NAME_LENGTH - extension.length) break;
      stem += char;
    }
    safe = `${stem.replace(/[\s.]+$/, '')}${extension}`;
  }
  return safe.replace(/^_*$/, '') === '' ? FALLBACK : safe;
}
