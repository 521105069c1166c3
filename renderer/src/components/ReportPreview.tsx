import { Fragment, useMemo, type ReactNode } from 'react';
import type { Article } from '../../../shared/domain/schemas';
import { articleFacts, buildReportModel, claimFacts, emptyNote, leftOutNote, reportTitle, sourceDetails, type ReportModel } from '../../../shared/report/model';
import type { RationaleBlock, RationaleInline } from '../../../shared/report/rationale';
import { useActions, useAppStore } from '../store/react';

interface Props {
  article: Article;
  claimIds: readonly string[];
  options: { includeSources: boolean; includeUnverified: boolean; organizationName: string };
}

/**
 * The report as it will read, built from the same model as every export format (so the
 * preview cannot disagree with the file). All text goes through React, which escapes it;
 * the rationale is the model's safe tree, links opened in the system browser.
 */
export function ReportPreview({ article, claimIds, options }: Props) {
  const workspace = useAppStore((s) => s.workspace);
  const model = useMemo<ReportModel | null>(() => {
    if (!workspace) return null;
    const chosen = new Set(claimIds);
    const claims = workspace.claims.filter((c) => c.articleId === article.id);
    return buildReportModel({
      settings: workspace.settings,
      article,
      claims: claims.filter((c) => chosen.has(c.id)),
      sources: workspace.sources,
      options,
      selection: chosen.size < claims.length,
      generatedAt: new Date().toISOString(),
    });
  }, [workspace, article, claimIds, options]);
  if (!model) return null;
  const empty = emptyNote(model);
  const leftOut = leftOutNote(model);

  return (
    <section className="report-preview" aria-label="Report preview">
      <h3 className="report-title">{reportTitle(model)}</h3>
      <Facts facts={articleFacts(model)} />
      {empty && <p className="report-note">{empty}</p>}
      {leftOut && <p className="report-note">{leftOut}</p>}
      {model.claims.map((claim) => (
        <article key={claim.id} className="report-claim" aria-label={`Claim ${claim.number}`}>
          <h4>
            Claim {claim.number}: {claim.wording}
          </h4>
          <p className="report-quote">“{claim.quote}”</p>
          <Facts facts={claimFacts(claim)} />
          {claim.verdict ? (
            <>
              <p className="report-verdict">
                Verdict: <strong>{claim.verdict.label}</strong>
                {claim.verdict.conclusion && ` — ${claim.verdict.conclusion}`}
              </p>
              <Rationale blocks={claim.verdict.rationaleBlocks} />
            </>
          ) : (
            <p className="report-verdict">Verdict: not yet rated</p>
          )}
          {claim.sources.length > 0 && (
            <ul className="report-sources">
              {claim.sources.map((source) => (
                <li key={source.id}>
                  <ExternalLink href={source.url}>{source.title}</ExternalLink> — {sourceDetails(source)}
                </li>
              ))}
            </ul>
          )}
          {claim.corrections.length > 0 && (
            <ul className="report-corrections" aria-label={`Corrections to claim ${claim.number}`}>
              {claim.corrections.map((c) => (
                <li key={c.at}>
                  Correction, {c.date}
                  {c.by ? ` (${c.by})` : ''}: {c.note}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

function Facts({ facts }: { facts: [string, string][] }) {
  if (facts.length === 0) return null;
  return (
    <dl className="report-facts">
      {facts.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Rationale({ blocks }: { blocks: readonly RationaleBlock[] }) {
  return (
    <div className="report-rationale">
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            <Inlines inlines={block.children} />
          </p>
        ) : block.ordered ? (
          <ol key={i} start={block.start}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines inlines={item} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines inlines={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

function Inlines({ inlines }: { inlines: readonly RationaleInline[] }) {
  return (
    <>
      {inlines.map((inline, i) => {
        switch (inline.kind) {
          case 'text':
            return <Fragment key={i}>{inline.text}</Fragment>;
          case 'strong':
            return (
              <strong key={i}>
                <Inlines inlines={inline.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inlines inlines={inline.children} />
              </em>
            );
          case 'code':
            return <code key={i}>{inline.text}</code>;
          case 'break':
            return <br key={i} />;
          case 'link':
            return (
              <ExternalLink key={i} href={inline.href}>
                <Inlines inlines={inline.children} />
              </ExternalLink>
            );
        }
      })}
    </>
  );
}

/** Links in the preview open in the system browser, never in the app. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { openExternal } = useActions();
  return (
    <button type="button" className="link" title={href} onClick={() => void openExternal(href).catch(() => undefined)}>
      {children}
    </button>
  );
}
