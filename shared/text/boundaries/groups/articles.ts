/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment.
 *
 * Whole article excerpts as they arrive when pasted: several phenomena at once, in the
 * layouts real copies have (web copy with a line per paragraph, hard-wrapped press releases,
 * headline and byline on top, clutter in between).
 */
import { kinds, type CaseGroup } from '../evaluate';

export const articles: CaseGroup = {
  name: 'article excerpts',
  cases: [
    kinds(
      'heading clutter clutter sentence sentence sentence sentence',
      'Riverton approves $48m bus plan¦\nBy Ana Ruiz, Transport correspondent¦\nUpdated 2 hours ago¦\nRiverton city council voted 7 to 2 on Tuesday to build 12 km of bus lanes.¦ The plan, first floated in 2019, will cost $48 million.¦\n“This is the biggest investment in our history,” Mayor Ana Ruiz said.¦ Opponents called it a waste.',
    ),
    'The Office for National Statistics said inflation fell to 3.2% in March, from 3.4% in Feb.¦ Economists had expected 3.1%.¦ The pound rose 0.3% against the U.S. dollar.',
    'Dr. Kofi Mensah, who led the study at St. Mary’s Hospital, said the results were “striking.”¦ The trial enrolled 1,204 patients between Jan. 2021 and Oct. 2023.¦ About 12.5% of them dropped out.',
    'PRESS RELEASE¦\n\nFor immediate release¦\n\nRiverton, Jan. 5 -- The Riverton Transit Authority (RTA) today\nannounced a 4.5% fare increase, effective Feb. 1.¦ The increase, the\nfirst since 2019, will raise about $3.2 million a year.¦ Passes for\nstudents and seniors are not affected.¦\n\nFor more information, contact press@riverton-transit.example.',
    'The company, Acme Holdings Inc., reported revenue of $1.2bn for the quarter.¦ That beat forecasts of $1.1bn.¦ Shares rose 6% in after-hours trading.',
    '“Is it worth it?” asked Councillor Omar Haddad.¦ “I am not convinced.”¦ He voted against the plan, as did Councillor Sara Lind.',
    'Key numbers¦\n• 12 km of new lanes¦\n• $48 million cost¦\n• 15 minutes saved per trip (council estimate)¦\n\nThe figures have not been independently checked.',
    'Sen. Laura Chen (D., Calif.) said the bill “goes too far.”¦ Rep. Juan Ortiz disagreed.¦ The vote is set for 2 p.m. Thursday.',
    'The U.N. agency said 1.3 million people had fled the region since Aug.¦ It appealed for $400 million in aid.¦ Only 18% of that has been pledged.',
    'Advertisement¦\n\nThe report’s authors — three economists at the University of Port Maren — found that rents rose 11.2% in two years.¦ Wages rose 4.1%.¦\n\nRead more: Why rents keep rising¦\n\nThe council has promised to respond by Sept. 30.',
    'The minister was asked whether the 40,000 figure was accurate.¦ She said it was “broadly right”.¦ Her department later said the true number was 32,500.',
    'Mr. Ruiz, 54, has run the firm since 2008.¦ Before that he worked for Delta Corp. in Chicago and for the U.S. Treasury.¦ He holds a Ph.D. in economics from Riverton University.',
    'The storm made landfall at about 4 a.m. local time on Sunday.¦ By noon, 120,000 homes had lost power.¦ Officials said it could take days to restore.',
    'Q: Will fares rise?¦\nA: Not this year.¦\nQ: What about next year?¦\nA: That depends on the budget.',
    'The claim, shared more than 10,000 times on Facebook, says the council “spent $2m on a single bus stop.”¦ It did not.¦ Budget papers show the stop cost $212,000.',
    'Turnout was 64.3%, up from 58.9% in 2019.¦ In the city centre it was lower (51%).¦ Results were certified on Nov. 12.',
    'Police said a 34-year-old man was arrested at about 11.30 p.m.¦ He was released on bail.¦ Anyone with information should call 555-0142.',
    'The plan has three parts:¦\n1. new bus lanes on Main St. and Elm Ave.;¦\n2. 40 new electric buses;¦\n3. a fare freeze until 2026.¦\nCritics say part 3 is unaffordable.',
    '“We knew the numbers were wrong.¦ We said so at the time,” said Jane Doe, a former adviser.¦ “Nobody listened.”',
    'Photo: Riverton Council¦\nThe new depot on St. Albans Rd. opened in March.¦ It houses 60 buses.',
    'Shares of Pelham Electronics Co. fell 8% after the company cut its forecast.¦ The Seoul-based firm blamed weak demand in the U.S. and Europe.',
    'The bridge is 1.2 km long and cost €310m.¦ It took four years to build.¦ Engineers say it will last 120 years.',
    'He said: “We will appeal.”¦ The judge, Mr. Justice Patel, refused permission.¦ Costs were awarded against the council.',
    'Comments (48)¦\nSign up for our newsletter¦\nWe use cookies to personalise content and ads. Accept all cookies',
    kinds(
      'clutter heading heading sentence sentence clutter clutter clutter sentence sentence sentence sentence sentence clutter heading list-item list-item sentence sentence clutter clutter',
      'Skip to main content¦\nRiverton Post¦\n\nCouncil’s $48m bus-lane plan: what the numbers say¦\nThe plan promises faster commutes.¦ We checked the claims.¦\n\nBy Ana Ruiz and J. K. Patel¦\nPublished 14:32 GMT, 5 January 2025 | Updated 2 hours ago¦\nShare¦\n\n' +
        'Riverton’s council says its new bus lanes will cut commutes by 15 minutes.¦ Is that right?¦ Partly.¦\nThe estimate comes from a 2023 consultants’ report (pp. 14–16), which assumed buses would run every 5 min. on the\nmain routes.¦ Current services run every 12 minutes at peak, according to the transit authority.¦\n\n' +
        'Advertisement¦\n\nWhat the report says¦\n• Journey times fall by 9–15 minutes on routes 1, 4 and 7¦\n• Ridership rises 18% by 2030¦\n\n' +
        '"We stand by the figures," said a spokesperson for Mayor Ana Ruiz.¦ "They were checked twice."¦\n\nRelated: Riverton fares to rise 4.5% in February¦\nComments (34)',
    ),
    'Is the claim true?¦ Partly.¦ The council did approve the budget, but the figure quoted is the total over ten years, not one.',
  ],
};
