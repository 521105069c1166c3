import { useMemo } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { scoreSentences } from '../../../shared/extract/extract';
import { classifySuggestions, type Suggestion } from '../text/suggestions';
import { useAppStore } from '../store/react';

export const FALLBACK_THRESHOLD = 0.5;

/**
 * The open article's sentences as "Find claims" suggestions. Scoring runs once per text
 * (it is fast, but need not repeat when only the threshold or the claims change).
 */
export function useSuggestions(article: Article, claims: readonly Claim[]): { suggestions: Suggestion[]; threshold: number } {
  const threshold = useAppStore((s) => s.workspace?.settings.suggestionThreshold ?? FALLBACK_THRESHOLD);
  const scored = useMemo(() => scoreSentences(article.text), [article.text]);
  const suggestions = useMemo(
    () => classifySuggestions(scored, claims.map((c) => c.quote), article.dismissed, threshold),
    [scored, claims, article.dismissed, threshold],
  );
  return { suggestions, threshold };
}
