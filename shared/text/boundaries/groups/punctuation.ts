/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment. A case without `¦` is a hard negative.
 */
import type { CaseGroup } from '../evaluate';

/** Decimals, money, thousands separators, versions: a period inside a number is never an end. */
export const numbers: CaseGroup = {
  name: 'decimals and money',
  cases: [
    'Growth was 3.5% in the second quarter.',
    'The deal is worth $1.2bn.¦ It is the largest this year.',
    'The fine was $1,000.50.¦ He paid it.',
    'Inflation fell to 2.9 per cent.',
    'The index closed at 4,512.75 points.',
    'Version 2.0.1 fixed the bug.',
    'The score was 3.5 out of 5.¦ Critics were kinder.',
    'Pi is about 3.14159.',
    'The rate rose from 0.25% to 0.5%.¦ Banks followed.',
    'The budget is £48.5m.¦ That is up from £40m.',
    'Temperatures reached 41.2C.¦ Records fell across the region.',
    'The population was 1.4 million in 2020.¦ It is 1.5 million now.',
    'The vote ended 52.1 to 47.9.¦ A recount was ordered.',
    'Section 3.2 of the report covers housing.',
    'Traffic from 192.168.0.1 was blocked.',
    'He bought 2.5kg of apples for $4.99.¦ The next day prices rose.',
    'Spending rose by 1.5 percentage points in 2023.¦ 2024 looks similar.',
    '3.5% is the target.',
    'Average pay is €2.300 a month in the region.',
    'The loan carries a rate of .75 points above base.',
    'Shares closed at $12.40, up 0.8%.¦ Volume was thin.',
  ],
};

/** Ellipses end a sentence only before a capital letter. */
export const ellipses: CaseGroup = {
  name: 'ellipses',
  cases: [
    'Prices might rise again next year... or they might not.',
    'He paused...¦ Then he answered.',
    'She said she would think about it…¦ Nobody believed her.',
    'The numbers are... well, disappointing.',
    'We waited and waited...¦ The bus never came.',
    'It could be 10... 20... maybe 30 people.',
    '“I don’t know…” she said.',
    'The list goes on...¦ Critics want an inquiry.',
    'Revenue fell to... $3 million.',
    'And then…¦ Silence.',
    'He trailed off . . . and left the room.',
    'The story continues....¦ The next chapter is due in May.',
    'Wait... what?',
    '"We will see...," he said.',
    'The plan [...] will cost more than expected.',
    'Maybe...¦ I am not sure.',
    'It rose to 5%… 6%… then 7%.',
    'The mayor hesitated… and then signed.',
  ],
};

/** Sentences ending inside quotes, quotes spanning sentences, attributions after a question. */
export const quotes: CaseGroup = {
  name: 'quotes',
  cases: [
    'He said "No."¦ Then he left.',
    '“We will win.”¦ The crowd cheered.',
    '"We will win," she said.¦ "We always do."',
    '“It is over,” the mayor said.¦ “We lost.”',
    'She told reporters: “The figures are wrong.¦ They always were.”',
    '"Why?" she asked.',
    '"Why?" Ruiz asked.',
    '"Is this legal?" Mayor Ana Ruiz asked.¦ Nobody replied.',
    '"Stop!" he shouted.¦ The car stopped.',
    '"Stop!"¦ The car stopped.',
    '“Enough!”¦ The crowd fell silent.',
    'He called the deal "historic".¦ Others disagreed.',
    "She called it 'a disaster'.¦ He disagreed.",
    "'We are ready.'¦ That was all she said.",
    '“This is the biggest investment in our history,” she told reporters after the vote.',
    'The sign read “Closed.”¦ We went home.',
    '“We will not stop.¦ We will not rest.¦ We will win,” she said.',
    '"Are you sure?"¦ "Yes."',
    '‘Why now?’ she wondered.',
    '„Wir schaffen das“, sagte sie.',
    '«Nous avons gagné.»¦ La foule a applaudi.',
    'He asked, "Where is the money?"¦ No one answered.',
    '"The plan," he said, "is sound.¦ The money is there."',
    'The word "U.S." appears twice in the text.',
    '“We won!” she said, smiling.',
    '"Go home!" Police told the crowd.',
    '“Who pays?” asked one resident.¦ Nobody answered her.',
    'The slogan was "Build it now!"¦ Voters agreed.',
  ],
};

/** Sentences inside and around parentheses and brackets. */
export const brackets: CaseGroup = {
  name: 'parentheses',
  cases: [
    '(See page 3.)¦ Next, the council voted.',
    'The mayor left early.¦ (She returned later.)¦ Then the vote began.',
    'The report (published at 9 a.m. on Jan. 5) found 12 errors.',
    'The firm (Acme Inc.) denied wrongdoing.',
    'Turnout rose (to 64%).¦ Officials were pleased.',
    'The figure was revised (again).¦ It is now 3.1%.',
    'He cited the study [Smith, 2020].¦ It was flawed.',
    'The council voted 7–2 (two members abstained).¦ The plan passes.',
    '(The figures are provisional.)',
    'She resigned (effective immediately).¦ Her deputy takes over.',
    'Growth (3.5%) beat forecasts.',
    'Several members (e.g. Ms. Patel) objected.',
    'He was born in Riverton (U.K.).¦ He moved abroad in 1990.',
    'The vote (held on Tuesday) passed.¦ (Two members were absent.)',
    'The results were clear (see chart).¦ Turnout was up.',
    'Costs rose (by how much is disputed) in every district.',
  ],
};

/** Dashes and colons join clauses; they never end a sentence. */
export const dashes: CaseGroup = {
  name: 'dashes and colons',
  cases: [
    'The plan — approved on Tuesday — costs $48 million.',
    'The vote was 7–2.¦ The mayor was pleased.',
    'He said the plan was sound - then changed his mind.',
    'The bill passed — narrowly.¦ Critics vowed to fight on.',
    'Prices rose 3%–4% in 2023.¦ Wages rose 2%.',
    'The route — Riverton to Port Maren — reopens in May.',
    'She had one question—why?¦ Nobody answered.',
    'He was, in a word – furious.¦ The deal collapsed.',
    'The 2020–2024 plan ended.¦ A new one starts in 2025.',
    'The U.S.–China talks resumed on Monday.',
    'It was the mayor—not the council—who decided.',
    'Four members voted yes -- three voted no.',
    'The answer: no.¦ The reason: money.',
    'Two things matter: cost and time.¦ Both are rising.',
    'The verdict is in: guilty on all counts.',
  ],
};
