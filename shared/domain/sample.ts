import type { Workspace } from './schemas';
import { DEFAULT_READY_RULES, DEFAULT_VIEW, SCHEMA_VERSION } from './schemas';
import { DEFAULT_RATING_SCALE } from './rating';
import { DEFAULT_THRESHOLD } from '../checkworthiness/score';

/**
 * The first-run article, written for this project (not taken from any publication) and
 * dense with the kinds of statements fact-checkers look at: figures, dates, attributions.
 */
export const SAMPLE_ARTICLE = {
  title: 'Riverton council approves new bus lanes',
  outlet: 'Fact-check Desk sample',
  author: 'Sample Desk',
  text: [
    'Riverton city council voted 7 to 2 on Tuesday to build 12 kilometres of new bus lanes by 2028.',
    'Mayor Ana Ruiz said the lanes would cut average commute times by 15 minutes. "This is the biggest transit investment in our history," she told reporters after the vote.',
    'The project will cost $48 million, according to the council\'s own budget papers. Opponents argue the money would be better spent repairing roads.',
    'Ridership on the city\'s buses fell by a third during 2021 but has since recovered, the transport department said. Is the plan worth it? Residents can comment until March 31.',
  ].join('\n\n'),
} as const;

/** A new workspace: default settings plus the sample article, so a newcomer sees the workflow. */
export function sampleWorkspace(now: string, newId: () => string): Workspace {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: {
      organizationName: '',
      assignees: [],
      ratingScale: [...DEFAULT_RATING_SCALE],
      suggestionThreshold: DEFAULT_THRESHOLD,
      view: DEFAULT_VIEW,
      ratingPreset: 'default',
      conclusionOnly: false,
      readyRules: DEFAULT_READY_RULES,
      currentEditor: '',
      publishedUrlTemplate: null,
      claimants: [],
    },
    articles: [
      {
        id: newId(),
        title: SAMPLE_ARTICLE.title,
        text: SAMPLE_ARTICLE.text,
        url: null,
        outlet: SAMPLE_ARTICLE.outlet,
        author: SAMPLE_ARTICLE.author,
        publishedDate: null,
        importedAt: now,
        updatedAt: now,
        dismissed: [],
      },
    ],
    claims: [],
    sources: [],
    audit: [],
  };
}
