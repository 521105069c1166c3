/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment. A case without `¦` is a hard negative.
 *
 * Rule for the ambiguous period after an abbreviation that can also end a sentence
 * (U.S., U.K., D.C., Ph.D., Inc., Ltd., Co., St., Jr., initials): it ends the sentence when the
 * next word is a common sentence starter (The, It, He, She, But, However…), not otherwise. The
 * gold marks the true sentence ends, so cases where that rule is wrong are counted against us.
 */
import type { CaseGroup } from '../evaluate';

/** Titles and ranks before names: never a sentence end. */
export const titles: CaseGroup = {
  name: 'titles',
  cases: [
    'Dr. Lee arrived on Monday.¦ He left on Friday.',
    'Mr. and Mrs. Okafor own the bakery on the corner.',
    'Ms. Patel chairs the committee.¦ She was re-elected in May.',
    'Prof. Ingrid Olsen led the study.',
    'Sen. Laura Chen voted against the bill.¦ Gov. Tom Baker signed it anyway.',
    'Gen. Amara Diallo commanded the mission for two years.',
    'Rep. Juan Ortiz, a Democrat, introduced the amendment.',
    'Lt. Col. Mark Reyes confirmed the figures.',
    'Capt. Sara Lind and Sgt. Omar Haddad were decorated.',
    'The Rev. Paul Amos led the service.',
    'The letter was signed by Dr. Kofi Mensah and Prof. Ana Silva.',
    'They met Mr. He Lifeng in Beijing.',
    'Messrs. Grant and Young founded the firm in 1990.',
    'Mrs. May spoke first.¦ Mr. Will Evans spoke second.',
    'The hospital hired Dr. Ruth Mbeki.¦ She starts in June.',
    'Pres. Halvorsen addressed the assembly.',
    'Supt. Dana Cole said the force had 20 vacancies.',
    'Asked about the delay, Gov. Baker blamed the weather.',
    'Insp. Javier Ruiz and Det. Mia Kang arrived at 10.',
    'Fr. Michael O’Brien runs the shelter.',
    'The panel included Dr. Long, Dr. Young and Mr. Best.',
    'Adm. Grace Holt retired in 2019.¦ Her successor has not been named.',
    'Mt. Kenya is the country’s highest peak.',
  ],
};

/** Country and organisation initialisms: no end before a name, an end before a sentence starter. */
export const initialisms: CaseGroup = {
  name: 'U.S.-style initialisms',
  cases: [
    'The U.S. economy grew 2.1% last year.',
    'He moved to the U.S. in 2010.',
    'She studied in the U.K. and France.',
    'Growth slowed in the U.S.¦ The next day markets fell.',
    'The treaty was signed in Washington, D.C.¦ It took effect in May.',
    'The U.N. Security Council met on Friday.',
    'The E.U. and the U.K. reached a deal.',
    'Prices are higher in the U.K.¦ But wages are too.',
    'The U.S. Senate passed the bill.¦ The House has not voted.',
    'U.S. President Maria Lopez visited the site.',
    'The company is based in the U.S.¦ Its factories are in Mexico.',
    'He has a Ph.D. in economics.',
    'She earned a Ph.D.¦ Then she joined the bank.',
    'The U.S.-led coalition withdrew.',
    'Troops left the U.S.-Mexico border area.',
    'The plan was approved by the U.N.¦ However, funding is uncertain.',
    'Exports to the U.S. rose 4%.¦ Imports fell.',
    'Critics in the U.K. Parliament objected.',
    'Inflation hit 9% in the U.K.¦ In the U.S. it peaked at 8%.',
    'Both the U.S. and the E.U. imposed sanctions.',
    'He was born in N.Y. but grew up in L.A.¦ He now lives in Riverton.',
    'The U.S.A. team won gold.',
    'Negotiators from the U.A.E. arrived on Sunday.',
    'The move angered the U.S.¦ China has not responded.',
    'A U.K. court blocked the sale.¦ The buyer will appeal.',
    'The firm moved its headquarters to the U.S.¦ Meanwhile, its rival stayed in London.',
  ],
};

/** Month abbreviations: no end before the day, an end before a capitalised word. */
export const months: CaseGroup = {
  name: 'months and dates',
  cases: [
    'The vote is on Jan. 15.',
    'The law took effect on Feb. 1, 2024.¦ Few people noticed.',
    'Sept. 11 changed aviation security for good.',
    'The deadline moved from Oct. 3 to Nov. 14.',
    'Results are due in Dec.¦ The board meets then.',
    'On Aug. 2 the council met.¦ On Aug. 9 it voted.',
    'Revenue for Jan. was flat.',
    'Payments resume in Mar. 2025 for most claimants.',
    'The report, dated Apr. 30, was leaked to reporters.',
    'Jun. and Jul. were the wettest months on record.',
    'The inquiry opens Sept. 5.¦ Witnesses include the mayor.',
    'Between Jan. 1 and Feb. 28, 312 complaints were filed.',
    'He was born on Dec. 25, 1950, in Port Maren.',
    'Oct. 2023 was the busiest month at the port.',
    'Sales peaked in Nov.¦ They fell in December.',
    'The session runs Feb. 3-7.¦ Tickets are free.',
    'The figures for Sep. were revised upward.',
  ],
};

/** a.m. and p.m.: an end before a capitalised word, except a weekday, month or time zone. */
export const times: CaseGroup = {
  name: 'a.m. and p.m.',
  cases: [
    'Dr. Lee arrived at 9 a.m. on Monday.¦ He left.',
    'The polls close at 8 p.m.¦ Results are expected by midnight.',
    'The meeting starts at 10 a.m. Tuesday.',
    'Trains resume at 6 a.m. Eastern time.',
    'The blast happened at 3:15 p.m. local time.',
    'Doors open at 7 p.m.¦ The show starts at 8 p.m.',
    'The deadline is 5 p.m. ET on Friday.',
    'At 11 a.m. the sirens sounded.',
    'He called at 2 a.m.¦ Nobody answered.',
    'The strike ends at 6 p.m. GMT.',
    'The market opens at 9:30 a.m. and closes at 4 p.m.¦ Trading was light.',
    'The fire started around 4 a.m.¦ Firefighters arrived at 4:20 a.m. Sunday.',
    'The speech is at 1 p.m. Friday in Riverton.',
    'Voting ended at 10 p.m.¦ Officials began counting immediately.',
    'The train left at 7 a.m. from Port Maren.',
    'The flight lands at 6 AM.¦ The crew changes at 7 AM.',
    'The curfew lasts until 5 a.m.¦ Police will patrol overnight.',
  ],
};

/** Initials in names: never an end, except before a sentence starter (a grade, a plan B). */
export const initials: CaseGroup = {
  name: 'initials',
  cases: [
    'J. R. R. Tolkien wrote the book in Oxford.',
    'President George W. Bush signed the act.',
    'The award went to A. B. Singh.',
    'The essay by E. M. Forster was reprinted.',
    'F. Scott Fitzgerald lived there.¦ So did his wife.',
    'Judge R. T. Mwangi dismissed the case.',
    'The company was founded by H. J. Heinz.',
    'Our correspondent, K. Tanaka, filed the report.',
    'The council has a Plan B.¦ The mayor calls it a backup.',
    'He was known to millions as Michael J. Fox.',
    'The notes were signed "M. K."¦ Nobody knows who wrote them.',
    'Candidates include J. Smith, P. Jones and L. Brown.',
    'W. E. B. Du Bois edited the magazine.',
    'He got a grade of A.¦ It was his first.',
    'The letter from T. S. Eliot sold for £20,000.',
  ],
};

/** Organisations, streets, suffixes and Latin abbreviations. */
export const otherAbbreviations: CaseGroup = {
  name: 'company and other abbreviations',
  cases: [
    'Acme Inc. reported a loss.',
    'Shares in Acme Inc. fell 3%.¦ The company blamed costs.',
    'He works for Baker & Co. in Riverton.',
    'The contract went to Northfield Ltd.¦ It was the cheapest bid.',
    'Marlow Corp. and Delta Ltd. agreed to merge.',
    'Apples, pears, plums, etc. are grown here.',
    'The fund pays for books, laptops, etc.¦ Demand has doubled.',
    'Some costs, e.g. insurance, were excluded.',
    'Big cities, i.e. those above one million people, get more money.',
    'The case is Riverton vs. Lakeside.',
    'In Smith v. Jones the court ruled for the tenant.',
    'The rally was held on Main St.¦ The police closed the road.',
    'He lives on Elm Ave. near the school.',
    'St. Louis and St. Paul are rival cities.',
    'Martin Luther King Jr. gave the speech in 1963.',
    'The award went to Robert Smith Jr.¦ He accepted it in person.',
    'The package weighed 5 lb.¦ It cost $20 to ship.',
    'The building is approx. 40 metres tall.',
    'Costs, incl. staff, rose 8%.',
    'The Justice Dept. declined to comment.',
    'The contract was signed by Harlow Bros. on Monday.',
    'Pelham Electronics Co. Ltd. announced the deal.',
    'The firm is Morrow Holdings Plc.¦ Its shares trade in London.',
    'The bid came from Delta Corp.¦ Analysts were surprised.',
    'He joined Vesta Inc.¦ Months later, he quit.',
    'The event is free, cf. last year’s £10 fee.',
    'The company is based in Sacramento, Calif., and employs 300 people.',
    'She grew up in Tampa, Fla.¦ She moved north in 1990.',
    'Sen. Laura Chen (D-Calif.) opposed the bill.',
    'He was ill.¦ Doctors kept him overnight.',
    'The plant is in Scranton, Pa.¦ It employs 300 people.',
  ],
};

/** Numbered items: No. and friends before a figure; "No." as a word; a number ending a sentence. */
export const numbered: CaseGroup = {
  name: 'numbered items',
  cases: [
    'He lives at No. 10 Downing Street.',
    'Item 2.¦ The council approves the budget.',
    'See Item 2.¦ It lists the costs.',
    'The No. 7 bus was cancelled.',
    'Nos. 3 and 4 were approved.',
    'Was it approved?¦ No.¦ The council rejected it.',
    'The answer was no.¦ Then the vote was taken.',
    'Rule No. 5 applies here.',
    'See p. 12 of the report.',
    'See pp. 4-6 for details.',
    'Fig. 3 shows the trend.',
    'The song reached No. 1 in May.¦ It stayed there for weeks.',
    'Vol. 2 comes out next year.',
    'Art. 50 was triggered in 2017.',
    'Room No. 214 is closed for repairs.',
    'He ranked No. 3.¦ His rival ranked No. 4.',
    'The bill, No. 12-345, passed on Tuesday.',
    'Motion 4.¦ Councillors approved it without debate.',
  ],
};
