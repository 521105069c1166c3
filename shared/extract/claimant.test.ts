import { describe, expect, it } from 'vitest';
import { segmentText } from '../text/segmenter';
import { suggestClaimants, type Claimant } from './claimant';

/** Claimant per sentence of an invented article, keyed by sentence text. */
function claimants(text: string): Map<string, Claimant | null> {
  const sentences = segmentText(text).sentences;
  const found = suggestClaimants(sentences);
  return new Map(sentences.map((s, i) => [s.text, found[i]!]));
}

/** The claimant of the one sentence of `article` that starts with `start`. */
function of(article: string, start: string): Claimant | null {
  const map = claimants(article);
  const keys = [...map.keys()].filter((k) => k.startsWith(start));
  expect(keys, `one sentence starting "${start}"`).toHaveLength(1);
  return map.get(keys[0]!)!;
}

const who = (name: string, role: string | null = null): Claimant => ({ name, role });

describe('suggestClaimants: reporting verbs', () => {
  it.each([
    ['Energy Minister Priya Raman said on Tuesday that the grid was stable.', who('Priya Raman', 'energy minister')],
    ['The grid was stable all winter, Energy Minister Priya Raman told reporters on Tuesday.', who('Priya Raman', 'energy minister')],
    ['CNN reported that the convoy had turned back at the border.', who('CNN')],
    ['The convoy turned back at the border, CNN reported, citing two officials.', who('CNN')],
    ['The Kremlin insisted the exercises were routine.', who('the Kremlin')],
    ['Officials said the fire had been brought under control by midnight.', who('officials')],
    ['Senator Maria Lopez wrote on X that the bill would cut costs by 9%.', who('Maria Lopez', 'senator')],
    ['Some economists think the recovery will stall next year.', who('some economists')],
    ['Western diplomats privately doubt that the truce will hold.', who('Western diplomats')],
    ['In a statement, Arlo Bank said its profits had fallen 8%.', who('Arlo Bank')],
    ['The Tarn Valley Farmers\' Association has repeatedly called for a ban on imports.', who("the Tarn Valley Farmers' Association")],
    ['Kral denied that members had been told to stay away.', who('Kral')],
    ['Prosecutors allege that the payments were disguised as consultancy fees.', who('prosecutors')],
    ['Ruth Mbeki had warned in January that the dam was unsafe.', who('Ruth Mbeki')],
    ['On Monday the Interior Ministry said 40 people had been detained.', who('the Interior Ministry')],
    ['Scientists at Ferncliff University found that the strain spread faster.', who('Ferncliff University')],
    ['Sales fell 4%, according to a report in the Daily Ledger.', who('the Daily Ledger')],
    ['The payments were disguised, according to court documents.', null],
    ['Water Minister Ines Varga warned that reservoirs could run dry.', who('Ines Varga', 'water minister')],
    ['Dravia has repeatedly denied holding prisoners, Kestonian officials said.', who('Kestonian officials')],
    ['Aid agencies say food supplies will run out within weeks.', who('aid agencies')],
    ['Police Scotland said three people had been arrested.', who('Police Scotland')],
    ['The UK Health Security Agency (UKHSA) said 48 cases had been confirmed.', who('the UK Health Security Agency')],
    ['A cybersecurity researcher who examined the files said they held bank details.', who('a cybersecurity researcher')],
    ['"We are doing all we can," a spokesman for Riverside Mercy said.', who('a spokesman for Riverside Mercy')],
    ['Farmers are calling for a freeze on fuel duty until 2027.', who('farmers')],
    ['The Sarnese trade office is demanding a written guarantee on quotas.', who('the Sarnese trade office')],
    ['Port Calder mayoral race tightens as Lowe and Ferreira trade claims on crime', null],
  ])('%s', (sentence, expected) => {
    expect(of(`Headline\n\n${sentence}\n`, sentence.slice(0, 12))).toEqual(expected);
  });

  it('reads "according to" with the author of the figures, whichever end of the sentence it is at', () => {
    expect(of('Cases rose 12% in March, according to the World Health Organization.\n', 'Cases')).toEqual(who('the World Health Organization'));
    expect(of('According to the Wexford Institute, rents rose 7% last year.\n', 'According')).toEqual(who('the Wexford Institute'));
    expect(of('Exports fell by a fifth, according to figures published by the National Statistics Bureau on Monday.\n', 'Exports'))
      .toEqual(who('the National Statistics Bureau'));
  });

  it('takes the speaker after a quotation, with the role in the appositive', () => {
    const article = '"We will not back down," said Tomasz Kral, the union\'s general secretary.\n';
    expect(of(article, '"We')).toEqual(who('Tomasz Kral', "the union's general secretary"));
    expect(of('"Prices will keep rising," a bank spokeswoman said.\n', '"Prices')).toEqual(who('a bank spokeswoman'));
  });

  it('takes a role written before the name, or after it between commas, and leaves out honorifics', () => {
    const article = 'The company\'s spokeswoman, Lena Ortiz, said the recall was voluntary. Dr Omar Haddad, a virologist at Ferncliff University, said the strain was mild.\n';
    expect(of(article, 'The company')).toEqual(who('Lena Ortiz', "the company's spokeswoman"));
    expect(of(article, 'Dr Omar')).toEqual(who('Omar Haddad', 'virologist at Ferncliff University'));
  });

  it('writes a later surname or short reference as the fullest name, with the role given anywhere in the article', () => {
    const article = [
      'Crews were called to the Ashby Road depot, the Norfield Fire Service said.',
      'Mayor Ellen Park visited the site on Monday.',
      'Park said the depot would reopen within a week.',
      'The fire service said no one had been hurt.',
    ].join('\n\n');
    expect(of(article, 'Park said')).toEqual(who('Ellen Park', 'mayor'));
    expect(of(article, 'The fire service')).toEqual(who('the Norfield Fire Service'));
  });

  it('takes the publisher of figures, and a possessive description of a body the article names', () => {
    expect(of('Reservoirs are at 41%, figures published by the National Climate Service show.\n', 'Reservoirs'))
      .toEqual(who('the National Climate Service'));
    const strike = 'Teachers\' union rejects pay offer\n\nThe National Education Union said 80% of members had voted.\n';
    expect(of(strike, 'Teachers')).toEqual(who('the National Education Union'));
    expect(of('Title\n\nSarn\'s agriculture ministry says the figure was below 2%.\n', 'Sarn')).toEqual(who("Sarn's agriculture ministry"));
  });

  it('reads a headline\'s second clause, and finds the body a lower-case headline names', () => {
    const article = 'Waits hit record as Ferndale health board admits targets missed\n\nThe Ferndale Health Board said 40% of patients waited over four hours.\n';
    expect(of(article, 'Waits')).toEqual(who('the Ferndale Health Board'));
  });

  it('resolves "the ministry" to the paragraph\'s speaker whose name ends in that word', () => {
    const article = 'Kestonia\'s foreign ministry said talks would resume. The ministry added that it remained committed to peace.\n';
    expect(of(article, 'The ministry')).toEqual(who("Kestonia's foreign ministry"));
  });

  it('gives a Ltd company its name without the suffix, and "the company" is the latest business named', () => {
    const article = 'Kestrel Airways Ltd announced 300 job cuts on Monday. The company said demand had fallen 20%.\n';
    expect(of(article, 'Kestrel')).toEqual(who('Kestrel Airways'));
    expect(of(article, 'The company')).toEqual(who('Kestrel Airways'));
  });
});

describe('suggestClaimants: pronouns and paragraphs', () => {
  const article = [
    'Budget row',
    'Mayor Ellen Park said the budget was balanced. She added that reserves stood at £3m. "We have never borrowed to pay wages," she said.',
    'She has been mayor since 2019.',
    'Arlo Bank said profits fell 8%. It also announced 300 job cuts.',
  ].join('\n\n');

  it('resolves he, she and it to the last claimant of the same paragraph', () => {
    expect(of(article, 'She added')).toEqual(who('Ellen Park', 'mayor'));
    expect(of(article, '"We have never')).toEqual(who('Ellen Park', 'mayor'));
    expect(of(article, 'It also')).toEqual(who('Arlo Bank'));
  });

  it('does not resolve a pronoun to a speaker of an earlier paragraph', () => {
    expect(of(article, 'She has been')).toBeNull();
    expect(of('Ellen Park said the budget was balanced.\n\nShe added that reserves stood at £3m.\n', 'She added')).toBeNull();
  });

  it('keeps the speaker for a quotation that carries on, or opens the next paragraph with "she said"', () => {
    const quoted = 'Ellen Park said the budget was balanced. "Nobody will lose their job."\n\n"The reserves are intact," she said.\n';
    expect(of(quoted, '"Nobody')).toEqual(who('Ellen Park'));
    expect(of(quoted, '"The reserves')).toEqual(who('Ellen Park'));
  });

  it('resolves a pronoun to a person named as the subject of the sentence before', () => {
    expect(of('Ellen Park has made housing her priority. At a rally on Friday, she told supporters rents had doubled.\n', 'At a rally'))
      .toEqual(who('Ellen Park'));
  });

  it('gives no claimant to a pronoun with nobody before it', () => {
    expect(of('Title\n\nHe said the vote would be held in May.\n', 'He said')).toBeNull();
  });
});

describe('suggestClaimants: names, organisations, roles and verbs', () => {
  it('keeps lower-case particles and "al-" inside a name, and resolves the surname with its particle', () => {
    const article = [
      'Port fees rise',
      'Transport Commissioner Maartje de Groot said fees would rise 6% in May. Later de Groot added that 40 berths had been refurbished.',
      'De Groot has repeatedly called for a second quay.',
      'Senator Karim al-Masri said the fees were illegal. Al-Masri told reporters that 12 lines had complained.',
      'Exports fell by a tenth, according to Professor Otto van der Meer. Van der Meer said the port had lost two shipping lines.',
    ].join('\n\n');
    expect(of(article, 'Transport')).toEqual(who('Maartje de Groot', 'transport commissioner'));
    expect(of(article, 'Later de Groot')).toEqual(who('Maartje de Groot', 'transport commissioner'));
    expect(of(article, 'De Groot has')).toEqual(who('Maartje de Groot', 'transport commissioner'));
    expect(of(article, 'Senator')).toEqual(who('Karim al-Masri', 'senator'));
    expect(of(article, 'Al-Masri')).toEqual(who('Karim al-Masri', 'senator'));
    expect(of(article, 'Exports')).toEqual(who('Otto van der Meer'));
    expect(of(article, 'Van der Meer')).toEqual(who('Otto van der Meer'));
    expect(of('Title\n\nThe ferry was late, the daily Le Journal du Nord reported.\n', 'The ferry')).toEqual(who('Le Journal du Nord', 'daily'));
  });

  it('does not cut an organisation\'s name containing "of", "for" or "and" at a title word', () => {
    const article = [
      'Pay talks',
      'The National Union of Postal Workers said 9,000 members had voted to strike. The union wants a 6% rise.',
      'Inflation will fall to 2%, according to the Centre for Budget and Tax Studies.',
      'The Office of the Regional Auditor found that 14 contracts were never tendered.',
    ].join('\n\n');
    expect(of(article, 'The National')).toEqual(who('the National Union of Postal Workers'));
    expect(of(article, 'The union')).toEqual(who('the National Union of Postal Workers'));
    expect(of(article, 'Inflation')).toEqual(who('the Centre for Budget and Tax Studies'));
    expect(of(article, 'The Office')).toEqual(who('the Office of the Regional Auditor'));
  });

  it('resolves "Dr." and "Dr" with a surname to the full name given earlier, with its role', () => {
    const article = [
      'Clinic waits',
      'The trust\'s medical director, Dr. Priya Nandakumar, said 300 patients were waiting. "We have opened two wards," Dr. Nandakumar said.',
      'Dr Nandakumar added that 40 nurses had been hired.',
    ].join('\n\n');
    expect(of(article, '"We have')).toEqual(who('Priya Nandakumar', "the trust's medical director"));
    expect(of(article, 'Dr Nandakumar')).toEqual(who('Priya Nandakumar', "the trust's medical director"));
  });

  it('drops determiners from a role, and takes the name after "said its chairman,"', () => {
    const article = [
      'Brewery results',
      'Profits at Halder Breweries fell 12%, said its chairman, Joost Verbeek. He said exports had halved.',
      'Its finance director, Mara Lind, said debt had fallen to €40m.',
      '"Half the wards were closed," said a nurse, Aoife Brennan.',
    ].join('\n\n');
    expect(of(article, 'Profits')).toEqual(who('Joost Verbeek', 'chairman'));
    expect(of(article, 'He said')).toEqual(who('Joost Verbeek', 'chairman'));
    expect(of(article, 'Its finance')).toEqual(who('Mara Lind', 'finance director'));
    expect(of(article, '"Half')).toEqual(who('Aoife Brennan', 'nurse'));
  });

  it.each([
    ['Mayor Tom Ansel apologised for the delays and said 30 buses had been added.', who('Tom Ansel', 'mayor')],
    ['Councillor Rhys Bowen described the plan as unlawful.', who('Rhys Bowen', 'councillor')],
    ['The Kelso Tenants\' Association called the rent rise unaffordable.', who("the Kelso Tenants' Association")],
    ['A survey by the Fenwick Institute found that 41% of shops had closed.', who('the Fenwick Institute')],
    ['Rents rose 9%, a study by the Centre for Housing Research has found.', who('the Centre for Housing Research')],
  ])('reads more reporting verbs: %s', (sentence, expected) => {
    expect(of(`Headline\n\n${sentence}\n`, sentence.slice(0, 12))).toEqual(expected);
  });

  it('takes a named body after a description in "according to", and keeps the role for a later mention', () => {
    const article = 'Title\n\nLevels fell to 30%, according to the regional grid operator, Vantra Power. Outages rose 9%, according to Vantra Power.\n';
    expect(of(article, 'Levels')).toEqual(who('Vantra Power', 'regional grid operator'));
    expect(of(article, 'Outages')).toEqual(who('Vantra Power', 'regional grid operator'));
  });

  it('gives a surname the role of a name first written after "said its chairman," or "A Sarnese envoy,"', () => {
    const article = [
      'Title',
      'Costs rose 8%, said its chairman, Bram Olsen. "We are losing money," Olsen told the meeting.',
      'A Sarnese envoy, Lidia Korsak, confirmed the visit. Korsak told reporters that 12 officials had attended.',
    ].join('\n\n');
    expect(of(article, '"We are')).toEqual(who('Bram Olsen', 'chairman'));
    expect(of(article, 'Korsak')).toEqual(who('Lidia Korsak', 'Sarnese envoy'));
  });

  it('leaves a time phrase out of the author of a poll, and a participle clause out of the role', () => {
    expect(of('Title\n\nA poll by the Ostra Survey Institute last week found that 40% backed the plan.\n', 'A poll')).toEqual(who('the Ostra Survey Institute'));
    expect(of('Title\n\nOne senior official, speaking on condition of anonymity, said talks had stalled.\n', 'One senior')).toEqual(who('one senior official'));
  });

  it('gives no claimant to a list of verbs or a "whether" clause', () => {
    expect(of('Title\n\nOnly 60% of patients were seen, treated and admitted within four hours.\n', 'Only')).toBeNull();
    expect(of('Title\n\nWhether voters believe the mayor may decide the race.\n', 'Whether')).toBeNull();
  });

  it('does not read "called" naming something as a verb of saying', () => {
    expect(of('Title\n\nA village called Marsh End flooded on Monday.\n', 'A village')).toBeNull();
  });
});

describe('suggestClaimants: no claimant', () => {
  it.each([
    'The bridge reopened on Monday after two years of repairs.',
    'Turnout was 27%, the lowest since 1998, figures show.',
    'Late-night screen use costs teenagers 40 minutes of sleep, study finds.',
    'Neither the club nor the bank has confirmed the deal.',
    'Economists polled by Nordwire had expected a reading of 3.4%.',
  ])('%s', (sentence) => {
    expect(of(`Title\n\n${sentence}\n`, sentence.slice(0, 12))).toBeNull();
  });

  it('gives none to a question, even one with a reporting verb, nor to page chrome', () => {
    const article = 'Title\n\nDid the minister say the budget was balanced?\n\nAdvertisement\n\nShare this article\n';
    const map = claimants(article);
    expect(map.get('Did the minister say the budget was balanced?')).toBeNull();
    expect(map.get('Advertisement')).toBeNull();
  });
});
