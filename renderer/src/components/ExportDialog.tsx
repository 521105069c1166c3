import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportFormat } from '../../../shared/api/contract';
import type { Article } from '../../../shared/domain/schemas';
import { selectArticleClaims } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';
import { reported } from './reported';
import { useModalDialog } from './useModalDialog';
import { toggledIn } from '../views/claim-query';
import { ReportPreview } from './ReportPreview';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown (.md)',
  html: 'Web page (.html)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
  csv: 'Spreadsheet of claims (.csv)',
  json: 'JSON, re-importable (.json)',
  claimreview: 'ClaimReview structured data (.jsonld)',
};

/**
 * "Export…": the article's fact-check report in any format, with a live preview. Options
 * choose what goes in (sources, claims without a verdict, the organization in the header);
 * the editor can also export a selection of the claims.
 */
export function ExportDialog({ article, onClose }: { article: Article; onClose(): void }) {
  const id = useId();
  const dialog = useModalDialog(true);
  const claims = useAppStore(useShallow(selectArticleClaims));
  const organization = useAppStore((s) => s.workspace?.settings.organizationName ?? '');
  const { exportReport } = useActions();
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [includeSources, setIncludeSources] = useState(true);
  const [includeUnverified, setIncludeUnverified] = useState(true);
  const [organizationName, setOrganizationName] = useState(organization);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const chosen = useMemo(() => claims.filter((c) => !excluded.has(c.id)), [claims, excluded]);
  // Kept between renders while unchanged, so the preview rebuilds its report only when they change.
  const options = useMemo(() => ({ includeSources, includeUnverified, organizationName }), [includeSources, includeUnverified, organizationName]);
  const chosenIds = useMemo(() => chosen.map((c) => c.id), [chosen]);

  const toggle = (claimId: string) => setExcluded((set) => toggledIn(set, claimId));

  const run = () =>
    reported(
      exportReport({
        articleId: article.id,
        format,
        options,
        ...(excluded.size > 0 ? { claimIds: chosen.map((c) => c.id) } : {}),
      }).then(onClose),
    );

  return (
    <dialog ref={dialog} className="dialog wide export-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Export the fact-check</h2>
      <div className="export-layout">
        <div className="export-options">
          <div className="field">
            <label htmlFor={`${id}-format`}>Format</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" checked={includeSources} onChange={(e) => setIncludeSources(e.target.checked)} />
            Include sources
          </label>
          <label className="check">
            <input type="checkbox" checked={includeUnverified} onChange={(e) => setIncludeUnverified(e.target.checked)} />
            Include claims without a verdict
          </label>
          <div className="field">
            <label htmlFor={`${id}-org`}>Organization in the header</label>
            <input id={`${id}-org`} value={organizationName} placeholder="Your newsroom" onChange={(e) => setOrganizationName(e.target.value)} />
          </div>
          <fieldset className="export-claims">
            <legend>
              Claims ({chosen.length} of {claims.length})
            </legend>
            {claims.map((claim) => (
              <label key={claim.id} className="check">
                <input type="checkbox" checked={!excluded.has(claim.id)} onChange={() => toggle(claim.id)} />
                <span className="export-claim-text">{claim.text}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <ReportPreview article={article} claimIds={chosenIds} options={options} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={chosen.length === 0 && claims.length > 0} onClick={run}>
          Export
        </button>
      </div>
    </dialog>
  );
}
