/** "Find claims": the classification lives in shared/ so the CLI's `import --accept-suggestions` accepts the same sentences. */
export { classifySuggestions, pendingSuggestions, type Suggestion, type SuggestionState } from '../../../shared/extract/suggestions';
