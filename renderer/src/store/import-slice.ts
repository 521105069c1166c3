import type { Client } from '../api/client';
import { IMPORT_FILE_LIMIT, PASTED_HTML, type ImportedDraft } from '../../../shared/api/contract';
import type { ImportSlice, Slice } from './types';

/** How often a running web import is asked for progress. */
export const IMPORT_POLL_MS = 250;

/**
 * Imports: a file (read here, parsed by the service), pasted rich text, or a web page (read
 * by the service, which the renderer polls for progress). An import only produces a draft
 * for the New article dialog: nothing is added until the editor adds the article, so a
 * cancelled or failed import leaves nothing behind.
 */
export function createImportSlice(client: Client): Slice<ImportSlice> {
  return (set, get) => {
    /** Each import gets a number; a result that arrives after a cancel (or a newer import) is dropped. */
    let current = 0;

    const finish = (ticket: number, draft: ImportedDraft | null) => {
      if (ticket !== current) return;
      set({ importing: null, importDraft: draft ? { ...draft, ticket } : get().importDraft });
    };

    return {
      importing: null,
      importDraft: null,

      async importFromFile(file) {
        const ticket = ++current;
        if (file.size > IMPORT_FILE_LIMIT) {
          get().pushToast({ kind: 'error', message: `${file.name} is larger than ${IMPORT_FILE_LIMIT / 1024 / 1024} MB; it cannot be imported.` });
          return;
        }
        set({ importing: { label: `Reading ${file.name}…`, receivedBytes: 0, totalBytes: file.size, jobId: null } });
        // A JSON export is a whole fact-check (claims, verdicts, history): it is added as it is.
        if (/\.json$/i.test(file.name)) {
          try {
            const content = await file.text();
            if (ticket !== current) return;
            await get().importBundle(content);
            if (ticket === current) get().setNewArticleOpen(false);
          } catch {
            // reported by perform
          } finally {
            finish(ticket, null);
          }
          return;
        }
        try {
          const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
          const draft = await get().perform(`Could not import ${file.name}`, () => client.importFile({ fileName: file.name, contentBase64 }), { write: false });
          finish(ticket, draft);
        } catch {
          finish(ticket, null); // reported by perform
        }
      },

      async importFromHtml(html) {
        const ticket = ++current;
        set({ importing: { label: 'Reading the pasted text…', receivedBytes: 0, totalBytes: null, jobId: null } });
        try {
          const contentBase64 = toBase64(new TextEncoder().encode(html));
          const draft = await get().perform('Could not read the pasted text', () => client.importFile({ fileName: PASTED_HTML, contentBase64 }), { write: false });
          finish(ticket, draft);
        } catch {
          finish(ticket, null);
        }
      },

      async importFromUrl(url) {
        const ticket = ++current;
        set({ importing: { label: `Fetching ${url}…`, receivedBytes: 0, totalBytes: null, jobId: null } });
        try {
          const { jobId } = await get().perform('Could not start the import', () => client.startUrlImport({ url }), { write: false });
          if (ticket !== current) return void client.cancelImport({ jobId }).catch(() => undefined);
          set((s) => ({ importing: s.importing && { ...s.importing, jobId } }));
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
            if (ticket !== current) return;
            const job = await client.getImportJob({ jobId });
            if (ticket !== current) return;
            if (job.state === 'running') {
              set((s) => ({ importing: s.importing && { ...s.importing, receivedBytes: job.receivedBytes, totalBytes: job.totalBytes } }));
              continue;
            }
            if (job.state === 'done') return finish(ticket, job.draft);
            if (job.state === 'failed') {
              get().pushToast({ kind: 'error', message: `Could not import ${url}: ${job.error ?? 'unknown error'}` });
              set({ lastError: `Could not import ${url}: ${job.error ?? 'unknown error'}` });
            }
            return finish(ticket, null);
          }
        } catch {
          finish(ticket, null); // reported by perform
        }
      },

      cancelImport() {
        const jobId = get().importing?.jobId;
        current++; // whatever arrives now is dropped
        set({ importing: null });
        if (jobId) void client.cancelImport({ jobId }).catch(() => undefined);
        get().pushToast({ kind: 'info', message: 'Import cancelled. Nothing was added.' });
      },

      takeImportDraft() {
        set({ importDraft: null });
      },
    };
  };
}

/** Bytes to base64 in chunks (a single String.fromCharCode over megabytes overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
