import { Fragment, useMemo } from 'react';
import type { SearchHit } from '../search/search-index';
import { matchRanges } from '../search/snippet';
import { useAppStore } from '../store/react';

interface Props {
  results: { articles: SearchHit[]; claims: SearchHit[] };
  query: string;
  onOpen(hit: SearchHit): void;
}

/** Ranked matches, articles then claims, with the matched words marked in a short snippet. */
export function SearchResults({ results, query, onOpen }: Props) {
  const articles = useAppStore((s) => s.workspace?.articles);
  const claims = useAppStore((s) => s.workspace?.claims);
  const titles = useMemo(() => new Map(articles?.map((a) => [a.id, a.title])), [articles]);
  const wordings = useMemo(() => new Map(claims?.map((c) => [c.id, c.text])), [claims]);
  const titleOf = (id: string) => titles.get(id) ?? '';
  const wordingOf = (id: string) => wordings.get(id) ?? '';

  if (results.articles.length === 0 && results.claims.length === 0) {
    return <p className="empty-note" role="status">Nothing matches “{query}”.</p>;
  }
  return (
    <section className="search-results" aria-label="Search results">
      <p className="visually-hidden" role="status">
        {results.articles.length} articles and {results.claims.length} claims match.
      </p>
      {results.articles.length > 0 && (
        <>
          <h3 className="section-title">Articles</h3>
          <ul className="search-list" aria-label="Matching articles">
            {results.articles.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
                  <span className="search-hit-title">{titleOf(hit.id)}</span>
                  <Snippet text={hit.snippet} terms={hit.terms} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {results.claims.length > 0 && (
        <>
          <h3 className="section-title">Claims</h3>
          <ul className="search-list" aria-label="Matching claims">
            {results.claims.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
                  <span className="search-hit-title">{wordingOf(hit.id)}</span>
                  <span className="search-hit-meta">{titleOf(hit.articleId)}</span>
                  {hit.field !== 'wording' && <Snippet text={hit.snippet} terms={hit.terms} />}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The snippet as text nodes with <mark>s: React escapes it, nothing is parsed as HTML. */
function Snippet({ text, terms }: { text: string; terms: readonly string[] }) {
  const ranges = matchRanges(text, [...terms]);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <span className="search-hit-snippet">
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </span>
  );
}
