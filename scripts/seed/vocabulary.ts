/**
 * Names and phrases the large-workspace generator draws from, written for this project. All
 * people and outlets are invented; web addresses use reserved example domains.
 */

export const ASSIGNEES = [
  'Amara Okafor', 'Ben Lindqvist', 'Carmen Vidal', 'Dev Raman', 'Elena Marsh', 'Farid Haddad',
  'Grace Tan', 'Hugo Brennan', 'Ines Duarte', 'Jonah Weiss', 'Kemi Adeyemi', 'Lena Novak',
] as const;

export const TAGS = [
  'economy', 'jobs', 'inflation', 'housing', 'transport', 'health', 'education', 'crime', 'budget', 'taxes',
  'environment', 'energy', 'immigration', 'elections', 'local-council', 'national', 'statistics', 'quote',
  'viral', 'social-media', 'follow-up', 'reader-tip', 'recurring', 'infrastructure', 'welfare', 'pensions',
  'police', 'courts', 'water', 'waiting-times',
] as const;

export const OUTLETS = [
  'Riverton Daily', 'The Lakeside Courier', 'Port Maren Post', 'Northern Ledger', 'Valley Herald',
  'Evening Dispatch', 'Coastal Times', 'The County Record', 'Metro Wire', 'Harbour Gazette',
] as const;

export const AUTHORS = [
  'Staff reporter', 'Priya Sethi', 'Tomás Ortega', 'Hannah Boateng', 'Marcus Feld', 'Yuki Mori', 'Olga Petrenko',
  'Sam Whitlock', 'Aisha Rahman', 'Pieter de Vries', 'Rosa Lindgren', 'Nadia Karim', 'Owen Price',
  'Chloé Martin', 'Ivan Horvat', 'Leila Nasser', 'Diego Almeida', 'Freya Holm', 'Kwame Asante', 'Mei Lin',
] as const;

export const HEADLINE_TEMPLATES = [
  '{place} council approves {money} budget',
  'Unemployment in {place} falls to lowest level in a decade',
  'Critics question {person}\'s figures on waiting times',
  'Spending row: what the numbers say about {place}',
  '{person} defends transport plan as costs rise',
  'Report finds errors in {place} housing data',
  'Bus lanes, budgets and a disputed promise in {place}',
  'Fact file: revenue claims ahead of the {place} vote',
  '{person} says deal is "historic"; opponents disagree',
  'Ridership, rents and jobs: a week of claims in {place}',
] as const;

export const PLACES = ['Riverton', 'Lakeside County', 'Port Maren', 'St. Albans', 'Northgate', 'Elm Valley', 'Harbourside'] as const;
export const PERSONS = ['Mayor Ana Ruiz', 'Dr. Kofi Mensah', 'Sen. Laura Chen', 'Prof. Ingrid Olsen', 'Gov. Tom Baker', 'Cllr. Ruth Akande'] as const;

export const PUBLISHERS = [
  'National Statistics Office', 'Riverton City Council', 'Lakeside County Treasury', 'Department of Transport',
  'Health Service Data Unit', 'Port Maren Housing Authority', 'Regional Audit Office', 'University of Elm Valley',
  'Labour Market Survey', 'Court Records Service',
] as const;

export const SOURCE_KINDS = [
  'Annual report', 'Budget papers', 'Quarterly bulletin', 'Press release', 'Statistical release', 'Audit findings',
  'Meeting minutes', 'Survey results', 'Interview transcript', 'Data table',
] as const;

export const CONCLUSIONS: Record<string, readonly string[]> = {
  true: ['The figure matches the official release.', 'Confirmed by the published data.'],
  'mostly-true': ['Broadly right, but the comparison year is off.', 'Accurate, though it leaves out a revision.'],
  'half-true': ['The number is right but the context is missing.', 'Only part of the statement holds up.'],
  'mostly-false': ['The trend is real but the figure is overstated.', 'Cherry-picks a single month.'],
  false: ['The official data show the opposite.', 'No record supports this figure.'],
  unverifiable: ['No public data exist to check this.', 'The underlying survey has not been released.'],
};

export const RATIONALE_SENTENCES = [
  'We compared the statement with the latest published series and the previous year\'s release.',
  'The department confirmed the figure by email but noted that it is provisional.',
  'Two independent datasets point in the same direction, within the margin of error.',
  'The claim uses a different base year from the one in the official table.',
  'Budget papers list the amount as a multi-year total rather than an annual figure.',
  'The spokesperson did not respond to requests for the underlying data.',
  'Seasonally adjusted and unadjusted figures differ here, which explains part of the gap.',
  'An earlier version of the report was corrected after publication.',
  'The comparison is to the lowest point of the pandemic, which flatters the change.',
  'Local figures are not collected the same way in every district.',
] as const;

/** Ways an article repeats an earlier claim in near-identical words (`duplicateOf`). */
export const REPEAT_INTROS = ['As reported earlier, ', 'Again this week, ', 'Repeating an earlier claim, ', ''] as const;
