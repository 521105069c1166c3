/**
 * Hand-labelled claim pairs for duplicate detection, written for this project. `duplicate`
 * means an editor would check them once and reuse the verdict. The tests require every
 * duplicate to score at or above DUPLICATE_THRESHOLD and every other pair below it.
 */

export interface LabelledPair {
  a: string;
  b: string;
  duplicate: boolean;
  /** What the pair tests. */
  why: string;
}

const dup = (why: string, a: string, b: string): LabelledPair => ({ a, b, duplicate: true, why });
const not = (why: string, a: string, b: string): LabelledPair => ({ a, b, duplicate: false, why });

export const LABELLED_PAIRS: readonly LabelledPair[] = [
  // Paraphrase.
  dup('paraphrase with synonyms', 'Mayor Ana Ruiz said the new bus lanes would cut average commute times by 15 minutes.', 'According to Mayor Ruiz, the bus lanes will reduce the average commute by 15 minutes.'),
  dup('paraphrase, verb of change', 'Ridership on the city\'s buses fell by a third during 2021.', 'During 2021 bus ridership in the city dropped by a third.'),
  dup('paraphrase, reach/hit', 'Revenue reached $1.2bn in 2020.', 'In 2020, revenue hit 1.2 billion dollars.'),
  dup('paraphrase, describe/call', 'The mayor called the deal “historic”.', 'The mayor described the deal as "historic".'),
  dup('paraphrase, increase/rise', 'Spending in Lakeside County rose 8.2% last year.', 'Lakeside County saw spending increase by 8.2 per cent last year.'),
  dup('paraphrase, youth/young people', 'Unemployment among young people fell to 11%.', 'Youth unemployment dropped to 11 percent.'),
  dup('paraphrase, most/majority, oppose/against', 'Most residents oppose the plan.', 'The majority of residents are against the plan.'),
  dup('paraphrase, stands at', 'The unemployment rate is 4.2%.', 'Unemployment stands at 4.2 per cent.'),
  dup('paraphrase, attribution to an office', 'Mayor Ruiz said bus fares will rise next year.', 'Bus fares will go up next year, the mayor\'s office announced.'),
  dup('paraphrase with extra attribution', 'The hospital treated 1,200 patients in its first month.', 'In its first month the hospital treated 1200 patients, officials said.'),
  // Word order.
  dup('word order', 'Unemployment fell to 3.5% in March, the lowest level since 2001.', 'In March, unemployment fell to 3.5 percent, its lowest level since 2001.'),
  dup('word order, doubled', 'Average rents in Port Maren have doubled since 2015.', 'Since 2015, average rent in Port Maren has doubled.'),
  dup('word order, passive', 'Police recorded 3,400 burglaries in 2022.', 'There were 3,400 burglaries recorded by police in 2022.'),
  dup('word order, active and passive with $2m', 'The school budget was cut by $2 million.', 'Officials cut $2m from the school budget.'),
  dup('word order, subject last', 'The report found 212 errors in the data.', 'There were 212 errors in the data, the report found.'),
  // Reported vs direct speech.
  dup('direct vs reported speech', '"We have cut waiting times by 40 minutes," the health minister told reporters.', 'The health minister said the government had cut waiting times by 40 minutes.'),
  dup('reported vs direct speech, curly quotes', 'Sen. Laura Chen claimed that 40,000 jobs were created last year.', '“We created 40,000 jobs last year,” Sen. Laura Chen said.'),
  dup('direct vs reported, promise', 'Gov. Tom Baker promised to hire 500 new teachers by September.', '"I will hire 500 new teachers by September," Gov. Tom Baker said.'),
  // Number formats.
  dup('dollars: symbol, trailing zero, word', 'A monthly bus pass now costs $4.50.', 'The monthly bus pass now costs 4.5 dollars.'),
  dup('millions: $48m vs 48 million', 'The project will cost $48m.', 'The project will cost 48 million dollars, budget papers show.'),
  dup('percent: % vs percent', 'Crime rose 12% last year.', 'Last year crime rose by 12 percent.'),
  dup('number words vs digits, five percent', 'Exports to China rose 5% in 2023.', 'In 2023 exports to China grew by five percent.'),
  dup('number words vs digits', 'The council approved three new schools.', 'Council approves 3 new schools'),
  dup('thousands separator and hyphenated score', 'The city council voted 7 to 2 on Tuesday to build 12 kilometres of new bus lanes by 2028.', 'On Tuesday the council voted 7-2 to build 12 km of bus lanes by 2028.'),
  dup('cents vs dollars', 'The fare rose to 75 cents.', 'The fare increased to $0.75.'),
  // Negation on both sides.
  dup('both negated, contraction', 'Tuition fees have not risen since 2012.', 'Tuition fees haven\'t gone up since 2012.'),
  // Very short claims.
  dup('very short: case and punctuation', 'Crime is down.', 'crime is DOWN!'),
  dup('very short: synonyms', 'Taxes went up.', 'Taxes rose.'),
  dup('very short: plural and tense', 'The factory closed.', 'Factories closed'),

  // Different figures: related, not duplicates.
  not('different figure', 'Unemployment fell to 3.5% in March.', 'Unemployment fell to 7% in March.'),
  not('different amount', 'The project will cost $48 million.', 'The project will cost $84 million.'),
  not('different year', 'Average rents in Port Maren have doubled since 2015.', 'Average rents in Port Maren have doubled since 2005.'),
  not('different month', 'Unemployment fell to 3.5% in March.', 'Unemployment fell to 3.5% in May.'),
  // Different subjects, same numbers.
  not('same figure, other subject', 'Unemployment fell to 3.5% in March.', 'Inflation fell to 3.5% in March.'),
  not('same figure, other subject 2', 'Crime rose 12% last year.', 'House prices rose 12% last year.'),
  not('same cost, other project', 'The bridge repair will cost $3 million.', 'The new school roof will cost $3 million.'),
  not('same figure, exports vs imports', 'Exports to China rose 5% in 2023.', 'Imports from China rose 5% in 2023.'),
  not('same count, burglaries vs car thefts', 'Police recorded 3,400 burglaries in 2022.', 'Police recorded 3,400 car thefts in 2022.'),
  not('same cut, other budget', 'The school budget was cut by $2 million.', 'The police budget was cut by $2 million.'),
  not('same count, built vs sold', 'The city has built 2,000 affordable homes since 2019.', 'The city has sold 2,000 affordable homes since 2019.'),
  not('same count, other thing', 'The council approved three new schools.', 'The council approved three new parks.'),
  // Negation and opposite direction.
  not('negation', 'Unemployment did not rise last year.', 'Unemployment rose last year.'),
  not('negation, never', 'The mayor never promised free buses.', 'The mayor promised free buses.'),
  not('negation, contraction', 'The minister didn\'t approve the budget.', 'The minister approved the budget.'),
  not('opposite direction', 'Crime rose 12% last year.', 'Crime fell 12% last year.'),
  not('opposite direction, more/fewer', 'More people used the buses in 2023.', 'Fewer people used the buses in 2023.'),
  // Same topic, different claim.
  not('same topic, other claim', 'The new bus lanes will cut commute times by 15 minutes.', 'The new bus lanes will cost $48 million.'),
  not('same speaker, other claim', 'Mayor Ana Ruiz said crime fell last year.', 'Mayor Ana Ruiz said the budget is balanced.'),
  not('unrelated', 'The hospital treated 1,200 patients in its first month.', 'Revenue reached $1.2bn in 2020.'),
  // Very short claims.
  not('very short, other subject', 'Taxes rose.', 'Rents rose.'),
  not('very short vs detailed other claim', 'Crime is down.', 'Crime is down in Riverton but burglaries doubled in Lakeside County.'),
];
