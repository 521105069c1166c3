/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment. A case without `¦` is a hard negative.
 */
import type { CaseGroup } from '../evaluate';

/** Plain sentence ends: . ! ? before a capital, a figure, a currency sign or an opening quote. */
export const plain: CaseGroup = {
  name: 'plain punctuation',
  cases: [
    'The council met on Tuesday.¦ It approved the budget.',
    'Is the plan worth it?¦ Residents are divided.',
    'We did it!¦ The crowd cheered.',
    'Turnout was low.¦ Only 31% of voters cast a ballot.',
    'Turnout fell in 2022.¦ 4,000 fewer people voted than in 2018.',
    'Prices rose sharply.¦ $3 now buys a single loaf of bread.',
    'What happens next?¦ Nobody knows.',
    'Really?!¦ That seems unlikely.',
    'The mayor resigned.¦  Her deputy takes over on Monday.',
    'The bridge opened in 1998.¦ It cost £40 million.',
    'He voted no.¦ She voted yes.',
    'Why did the council wait so long?¦ The answer lies in the budget.',
    'The figures were revised on appeal and the total was lower than expected.',
    'The report made 12 recommendations.¦ Eight were accepted.',
    'Unemployment is falling.¦ Wages are not.¦ Rents are rising.',
    'He asked whether the figure was right.¦ It was not.',
    '“Done,” she said.¦ The room fell silent.',
    'The plan failed!¦ Or did it?¦ Officials insist it worked.',
    'The vote was close.¦\u00a0The result stands.',
    'Everyone agreed on one thing: the old depot had to go.',
    'The hospital treated 412 patients last week.¦ Most were discharged within a day.',
    'Ridership recovered after 2021.¦ Fares did not.',
  ],
};

/** Blank lines separate paragraphs; a paragraph break always ends the segment before it. */
export const paragraphs: CaseGroup = {
  name: 'paragraphs',
  cases: [
    'First paragraph.¦\n\nSecond paragraph.',
    'One sentence here.¦ Two sentences here.¦\n\n\n\nThree.',
    '  An indented paragraph.¦\n\n  Another indented one.',
    'The mayor spoke first.¦\n\n“We will win,” she said.',
    'It ended with a vote in the U.S.¦\n\nthe next paragraph starts in lower case.',
    'One.¦\u2029Two.',
    'Alpha beta gamma.¦\n\nDelta epsilon.\n\n',
    '\n\n\nLeading blank lines come first.¦ Then the text.',
    'A paragraph.¦\n \t \nA paragraph after a line of spaces and a tab.',
    'The council voted 7 to 2.¦ The mayor abstained.¦\n\nCritics called the vote rushed.¦ Supporters disagreed.',
    'The final figure was $48 million¦\n\nThat is more than expected.',
    'He met the mayor on Monday.¦\n\n\n\n\nShe said nothing.',
    'Residents have until March 31 to comment.¦\r\n\r\nThe council will then decide.',
    'The report ran to 80 pages.¦\n\n(A summary is available.)',
  ],
};
