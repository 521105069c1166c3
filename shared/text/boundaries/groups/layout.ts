/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment. These cases also pin the kinds of their
 * segments where the kind is the point (`kinds('heading sentence', …)`).
 *
 * Rules: each bullet line (with its indented or lower-case continuation lines) is one
 * `list-item` segment, even if it holds two sentences; a short line without terminal
 * punctuation that is a whole segment and is followed by a line break is a `heading`; a
 * single line break inside a wrapped paragraph is a space.
 */
import { kinds, type CaseGroup } from '../evaluate';

/** Bullet and numbered lists. */
export const lists: CaseGroup = {
  name: 'lists and bullets',
  cases: [
    kinds('sentence list-item list-item list-item', 'The plan includes:¦\n- new bus lanes¦\n- more buses¦\n- longer hours'),
    kinds('list-item list-item', '* Cuts to waiting times¦\n* A new hospital wing'),
    kinds('list-item list-item', '• Unemployment: 3.5%¦\n• Inflation: 2.1%'),
    kinds('list-item list-item list-item', '1. Cut the deficit.¦\n2. Build homes.¦\n3. Hire nurses.'),
    kinds('list-item list-item', '1) Raise taxes¦\n2) Cut spending'),
    kinds('list-item list-item', '- The council voted. The mayor abstained.¦\n- The budget passed.'),
    kinds('sentence list-item list-item sentence', 'Key facts:¦\n- 12 km of lanes¦\n- $48 million¦\nThe vote was 7 to 2.'),
    kinds('list-item list-item', '- The council will build new bus lanes\n  by 2028, officials said.¦\n- Fares stay the same.'),
    kinds('list-item list-item', '– First point¦\n– Second point'),
    kinds('heading list-item list-item list-item', 'Three things to know¦\n• It costs $48m¦\n• It takes four years¦\n• It needs federal money'),
    kinds('list-item list-item', '(a) the budget¦\n(b) the timetable'),
    kinds('list-item list-item', 'a) housing¦\nb) transport'),
    kinds('list-item list-item', '- Dr. Lee (U.S.)¦\n- Prof. Olsen (U.K.)'),
    'The steps are: 1. plan, 2. build, 3. review.',
    kinds('sentence list-item list-item', 'Ingredients of the plan:¦\n\n- lanes¦\n- buses'),
    kinds('sentence list-item list-item', 'Price: $5.¦\n- Students: $3¦\n- Children: free'),
    kinds('list-item list-item', '+ Faster trains¦\n+ Cheaper fares'),
    kinds('list-item list-item', '▪ One stop¦\n▪ Two stops'),
    kinds('list-item list-item', '10. Last item¦\n11. Bonus item'),
    kinds('list-item list-item', '- new lanes for buses and\nbikes¦\n- more buses'),
    kinds('sentence list-item list-item sentence', 'Officials listed three risks.¦\n* cost overruns¦\n* delays¦\n\nThe mayor dismissed them.'),
    kinds('list-item list-item', '(1) Approve the budget.¦\n(2) Publish the figures.'),
  ],
};

/** Headlines and subheads: short lines without final punctuation. */
export const headings: CaseGroup = {
  name: 'headings',
  cases: [
    kinds('heading sentence', 'Council approves new bus lanes¦\n\nRiverton city council voted 7 to 2 on Tuesday.'),
    kinds('heading sentence', 'Council approves new bus lanes¦\nRiverton city council voted 7 to 2 on Tuesday.'),
    kinds('heading sentence sentence', 'What the plan means for you¦\nCommuters will save 15 minutes a day.¦ Drivers lose a lane.'),
    kinds('heading sentence', 'Budget¦\nThe project will cost $48 million.'),
    kinds('heading sentence', '## Background¦\nThe plan was first proposed in 2019.'),
    kinds('heading sentence heading sentence', 'The vote¦\nCouncillors voted 7 to 2.¦\n\nWhat happens next¦\nConstruction starts in May.'),
    kinds('sentence sentence', 'Is the plan worth it?¦\nResidents are divided.'),
    kinds('heading sentence', 'Analysis: Why the buses are late¦\nThe timetable is wrong.'),
    kinds('heading sentence', 'Mayor: “We will build it”¦\nThe mayor defended the plan.'),
    kinds('heading sentence', 'Unemployment falls to 3.5%¦\nThe rate fell for a third month.'),
    kinds('heading sentence', 'U.S. inflation slows again¦\nPrices rose 2.9% in the year to May.'),
    kinds(
      'heading sentence sentence',
      'New lanes¦\nThe council voted on Tuesday to build twelve kilometres of new\nbus lanes by 2028, a plan that will cost $48 million and take four\nyears.¦ Work starts in May.',
    ),
    kinds('heading heading sentence', 'Local news¦\nCouncil approves budget¦\nThe vote was 7 to 2.'),
    kinds('heading sentence', 'Five Things We Learned From The Riverton Budget Debate¦\nThe budget passed.'),
    kinds('sentence sentence', 'The vote was 7 to 2.¦\nResidents can comment until March 31'),
    kinds('heading clutter sentence', 'Council approves budget¦\nBy Jane Doe¦\nThe vote was 7 to 2.'),
    kinds('heading sentence', '预算获批¦\n市议会周二投票通过了预算。'),
    kinds('heading list-item list-item', 'Key points¦\n- Lanes¦\n- Buses'),
    kinds('heading sentence', 'BREAKING: COUNCIL APPROVES BUDGET¦\nThe vote was 7 to 2.'),
    kinds('heading sentence sentence', 'Why the depot must go¦\n\nThe depot is 80 years old.¦ It leaks.'),
    kinds('heading sentence', 'Five things to look out for¦\nThe budget is due on Friday.'),
    kinds('heading sentence', 'Riverton, Port Maren and the coast road¦\nAll three are affected.'),
  ],
};

/** Line breaks inside paragraphs: hard-wrapped text, CRLF, lines pasted from a web page. */
export const lineBreaks: CaseGroup = {
  name: 'line breaks and wrapping',
  cases: [
    'Riverton city council voted on Tuesday to build twelve kilometres\nof new bus lanes by 2028.¦ The mayor said the lanes would cut\ncommute times by 15 minutes.',
    'The project will cost $48 million, according to the\ncouncil’s own budget papers.¦ Opponents argue the money\nwould be better spent on roads.',
    'Dr. Lee arrived at 9 a.m.\non Monday.¦ He left at noon.',
    'Lawmakers in the U.S.\nSenate passed the bill on Tuesday, but the\nHouse has yet to vote.',
    'First line here.¦\r\nSecond line here.¦\r\n\r\nNew paragraph.',
    'The council voted on Tuesday to build new\r\nbus lanes.¦ The mayor was pleased.',
    'One.¦\rTwo.',
    'One sentence\u2028continues here.',
    'The council voted 7 to 2.¦\nThe mayor said the plan was historic.¦\nCritics disagreed.',
    'The council voted to build new lanes\nand to buy more buses.',
    'The plan was described as a once-in-a-gener-\nation investment.¦ Critics disagree.',
    'He left.¦\t\tShe stayed.',
    '"We have cut waiting times by 15 minutes," the mayor told\nreporters.¦ "We will cut them again."',
    'The plan was drafted by Prof.\nIngrid Olsen and her team at the university, who\nspent two years on it.',
    'The meeting took place at No.\n10 Downing Street, officials said, and lasted\nan hour.',
    'The council voted on Tuesday to build new bus\nlanes by 2028.¦\nThe mayor said the lanes would cut commute times\nby 15 minutes.',
    'Sales rose 4% in the\nthird quarter.¦ Profits fell.',
    'It was the first time since\n1998 that the council had\nraised taxes.',
    'The mayor spoke first.¦\nCouncillor Ruiz spoke second.¦\nThe vote followed.',
    'A single line with CRLF.¦\r\nAnother one.',
  ],
};
