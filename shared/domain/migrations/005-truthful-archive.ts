/**
 * Migration 005, format version 5 → 6: a source's `archiveUrl` is dropped, and it gets
 * `archive: { state: 'none' }` and no local `copies`. Until format 6 the app built that link
 * from the time the source was added (`web.archive.org/web/<time>/<address>`) without anything
 * ever being archived: it led to the archive's "not archived" page or to another, older
 * version, so no such link is kept as a snapshot. The links dropped are listed in a note kept
 * in backups/ (see `note`), beside the copy of the whole file as it was.
 */
import { eachObject, isObject, type JsonObject, type Migration } from './types';

export interface DroppedArchiveLink {
  readonly sourceId: string;
  readonly title: string;
  readonly url: string;
  readonly link: string;
}

/** The archive links a format-5 workspace holds (what the migration drops). */
export function archiveLinksIn(json: JsonObject): DroppedArchiveLink[] {
  const dropped: DroppedArchiveLink[] = [];
  eachObject(json.sources, (source) => {
    if (typeof source.archiveUrl !== 'string' || source.archiveUrl === '') return;
    dropped.push({ sourceId: String(source.id ?? ''), title: String(source.title ?? ''), url: String(source.url ?? ''), link: source.archiveUrl });
  });
  return dropped;
}

export const truthfulArchive: Migration = {
  from: 5,
  to: 6,
  name: '005-truthful-archive',
  migrate(json: JsonObject): JsonObject {
    eachObject(json.sources, (source) => {
      delete source.archiveUrl;
      if (!isObject(source.archive)) source.archive = { state: 'none' };
      if (!Array.isArray(source.copies)) source.copies = [];
    });
    return json;
  },
  note(json: JsonObject) {
    const dropped = archiveLinksIn(json);
    if (dropped.length === 0) return null;
    return {
      name: 'archive-links-dropped',
      text: JSON.stringify(
        {
          migration: '005-truthful-archive',
          why:
            'These links were built from the time each source was added; nothing was archived at that address. ' +
            'They are no longer shown as archived copies. Use "Find existing snapshot" or "Archive now" on a source to record a real one.',
          dropped,
        },
        null,
        2,
      ),
    };
  },
};
