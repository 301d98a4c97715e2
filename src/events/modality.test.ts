import { describe, expect, it } from 'vitest';
import { code, facts } from '../../test/helpers.js';

describe('modality', () => {
  it.each([
    ['Iran attacked a US base in Iraq.', []],
    ['There is no likelihood that Iran will attack the United States.', ['hypothetical']],
    ['Iran will not attack the United States.', ['negation']],
    ['If Russia attacks Ukraine, NATO will respond.', ['hypothetical']],
    ['The question is whether Israel will strike Iran.', ['hypothetical']],
    ['Officials fear that the militia could attack the embassy.', ['hypothetical']],
    ['Diplomats worked for weeks to prevent an invasion of Ukraine.', ['hypothetical']],
    ['The rebels have missiles capable of launching attacks on Saudi oil fields.', ['hypothetical']],
    ['Russian troops faced fierce attacks by Ukrainian forces near Kharkiv on Tuesday.', []],
    ['The Nigerian army on Monday denied that its soldiers had opened fire on demonstrators in Lagos.', ['negation']],
    ['The army denied shelling the village near the border.', ['negation']],
    ['The army denied the report, but witnesses said soldiers opened fire on demonstrators in Lagos.', []],
    ['Security analysts fear that Islamic State could exploit the turmoil to push its attacks south into Benin and Togo.', ['hypothetical']],
    ['Estonian officials said they saw no sign that Russia was preparing an attack on Estonia.', ['negation']],
    ['Analysts say a full Chinese attack on Taiwan would choke off much of the world\'s supply of chips.', ['hypothetical']],
    ['Should Russia invade Ukraine again, the alliance would respond, officials said.', ['hypothetical']],
    ['The boycott was the first since the military attacked the presidential palace in 2021.', ['historical']],
    ['Analysts in Ankara said a fresh Turkish ground incursion into northern Syria was unlikely before spring.', ['hypothetical']],
    ['Ten years on, the 2008 assault on Mumbai by Pakistan-based gunmen still shapes how India guards its coast.', ['historical']],
    ['Monday marks ten years since Islamic State fighters attacked Mosul, Iraq\'s second-largest city.', ['historical']],
  ])('%s', (text, tags) => {
    const e = code(text).find((x) => x.type === 'ASSAULT');
    expect(e).toBeDefined();
    for (const t of tags) expect(e!.context).toContain(t);
    if (tags.length === 0) expect(e!.context.filter((c) => ['negation', 'future', 'hypothetical', 'historical'].includes(c))).toEqual([]);
  });

  it('keeps a deed that was stopped out of the facts, and the deed that stopped it in', () => {
    const events = code('Police arrested 20 protesters and prevented a march on parliament.');
    expect(events.find((e) => e.type === 'PROTEST')?.context).toContain('hypothetical');
    expect(events.find((e) => e.type === 'COERCE')?.context).toEqual([]);
  });

  it.each([
    ['Turkey will send aid to Syria.', 'AGREE'],
    ['The minister said the army would impose a curfew in the capital.', 'THREATEN'],
    ['Syria said it would not accept more refugees.', 'REJECT'],
    ['France will pull its remaining troops out of Niger by the end of the year, the president announced.', 'CONCEDE'],
    ['Syria says it is willing to withdraw its troops from Lebanon.', 'AGREE'],
    ['Turkish President Tayyip Erdogan said his army would launch a ground incursion against Kurdish fighters in Syria.', 'THREATEN'],
    // Triggers found past a mistagged verb, in a hyphened noun and in a noun compound.
    ["South Korea's military raised its alert level along the border on Tuesday.", 'MOBILIZE'],
    ['Sudanese protesters kept up their sit-in outside army headquarters in Khartoum.', 'PROTEST'],
    ['Kenya and Somalia have stepped up intelligence sharing on al-Shabaab movements.', 'COOPERATE'],
  ])('announced, refused or awkwardly spelled acts take their PLOVER type: %s', (text, type) => {
    expect(code(text).map((e) => e.type)).toContain(type);
  });

  it('a denied deed is no refusal: "denied that they had freed" codes nothing', () => {
    expect(code('Houthi officials denied on Sunday that they had freed any crew members of the cargo ship.').filter((e) => e.context.length === 0)).toEqual([]);
  });
});

describe('the deed decided by who does it', () => {
  it.each([
    ['Protesters stormed the official residence of the president in Colombo on Saturday.', 'PROTEST', 'ASSAULT'],
    ['Armed separatists torched a secondary school in Kumbo on Monday night.', 'ASSAULT', 'PROTEST'],
    ['New People\'s Army rebels raided a police outpost in Samar province, leaving one officer dead.', 'ASSAULT', 'COERCE'],
    ['Ukrainian forces have captured dozens of Russian servicemen in the Kursk region.', 'ASSAULT', 'COERCE'],
    ['The Philippine army and U.S. Marines completed joint exercises on islands facing the South China Sea.', 'COOPERATE', 'MOBILIZE'],
    ["India's navy and France's Marine Nationale wrapped up their annual Varuna exercise in the Arabian Sea on Friday.", 'COOPERATE', 'MOBILIZE'],
    ['Police raided the offices of an opposition newspaper in Caracas.', 'COERCE', 'ASSAULT'],
    ['Sudan\'s army chief pledged to crush the paramilitary Rapid Support Forces to the last man.', 'THREATEN', 'AGREE'],
    ['Houthi leader Abdul Malik al-Houthi vowed in a televised speech to escalate attacks on ships linked to Israel.', 'THREATEN', 'AGREE'],
    ["Russia's Foreign Ministry promised a tit-for-tat response on Sunday after Prague expelled 18 Russian embassy staff.", 'THREATEN', 'AGREE'],
    ['Putin offered to negotiate with the president of Armenia following the invasions of Dagestan.', 'AGREE', 'THREATEN'],
    ['Pakistan\'s army chief received a delegation of Afghan Taliban officials in Rawalpindi on Wednesday.', 'CONSULT', 'MOBILIZE'],
    ['Peruvian Prime Minister Alberto Otarola quit on Tuesday over leaked audio recordings.', 'RETREAT', 'CONSULT'],
  ])('%s', (text, type, not) => {
    const types = facts(code(text)).map((e) => e.type);
    expect(types).toContain(type);
    expect(types).not.toContain(not);
  });

  it('takes the attacker from the nationality of the weapon, merges a verdict with its sentence, and leaves riot police alone', () => {
    const [strike] = code('Senior Hamas official Saleh al-Arouri was killed in an Israeli strike on an office in Beirut on Tuesday.');
    expect(strike.actor.map((a) => a.country)).toEqual(['ISR']);
    expect(code('A court in Guatemala City convicted the publisher of money laundering on Wednesday and handed him a six-year prison term.').filter((e) => e.type === 'SANCTION')).toHaveLength(1);
    expect(code('Belarusian riot police detained more than 250 people in Minsk on Sunday.').map((e) => e.type)).toEqual(['COERCE']);
    expect(code('Israeli police charged mourners carrying the coffin in East Jerusalem on Friday.').map((e) => e.type)).toEqual(['ASSAULT']);
  });

  it('finds the crowd, the thing struck and the place of prisoners', () => {
    const [rally] = code('Tens of thousands rallied in Tel Aviv on Saturday night demanding a deal to bring the hostages home.');
    expect(rally).toMatchObject({ type: 'PROTEST' });
    expect(rally.actor.map((a) => a.country)).toEqual(['ISR']);
    const [drones] = code("Ukrainian drones struck an oil refinery in Russia's Krasnodar region overnight.");
    expect(drones.recipient.map((r) => r.country)).toEqual(['RUS']);
    const strike = code('More than 1,000 Palestinian prisoners in Israeli jails launched an open-ended hunger strike on Monday.').find((e) => e.type === 'PROTEST');
    expect(strike?.actor.map((a) => a.country)).toEqual(['PSE']);
  });

  it.each([
    ["Gunmen shot dead a mayoral candidate at a campaign rally in Mexico's Guerrero state.", 'ASSAULT'],
    ['Fighting between the Sudanese army and the paramilitary Rapid Support Forces raged for a third day in Khartoum.', 'ASSAULT'],
    ['Belarusian leader Alexander Lukashenko pardoned 30 people convicted over the 2020 protests.', 'CONCEDE'],
    ["Mali's junta expelled France's ambassador, giving him 72 hours to leave the country.", 'SANCTION'],
    ['China criticised the Philippines over what it called a provocative resupply mission.', 'ACCUSE'],
    ["Serbian President Aleksandar Vucic ruled out recognising Kosovo's independence.", 'REJECT'],
    ['Washington suspended some security assistance to Ethiopia over abuses in Tigray.', 'SANCTION'],
    ['Washington unveiled a new $400 million weapons package for Kyiv on Friday.', 'AID'],
    ['Egypt admitted dozens of severely wounded Palestinians through the Rafah crossing for treatment.', 'AID'],
    ["North Korea's defence ministry warned that it would take overwhelming military action if US planes violated its airspace.", 'THREATEN'],
    ["Washington will wind down the US-led coalition's military mission in Iraq over the next two years.", 'CONCEDE'],
    ['Pakistani authorities cut off access to the social media platform X on Saturday.', 'COERCE'],
    ['Gunmen stopped vehicles on a highway in Balochistan and shot dead 23 passengers after checking their identity cards.', 'ASSAULT'],
    ['A brigade of 52 Cuban doctors and nurses arrived in Milan on Sunday to help Italian hospitals.', 'AID'],
    ['Pakistan and the Taliban administration agreed on Sunday to reopen talks on cross-border trade.', 'AGREE'],
    ['The United States agreed to withdraw its roughly 1,000 troops from Niger by mid-September.', 'CONCEDE'],
    ['Gunmen from the Gulf Clan, a drug trafficking gang, shot dead a land rights campaigner outside his home.', 'ASSAULT'],
    ['Pakistan test-fired a surface-to-surface ballistic missile with a range of 450 km on Saturday.', 'MOBILIZE'],
    ['Pope Francis called on Sunday for an immediate halt to the fighting around Goma.', 'AGREE'],
    ['Mali, Burkina Faso and Niger announced their immediate withdrawal from the Economic Community of West African States.', 'SANCTION'],
    ['Haitian Prime Minister Ariel Henry said he would step down once a transitional council was in place.', 'CONCEDE'],
    ['Nigerian soldiers freed 23 passengers who had been abducted from a train in Kaduna state.', 'AID'],
    ['The Hungarian parliament voted on Monday to ratify Sweden\'s bid to join NATO.', 'SUPPORT'],
    ['North Korea fired a short-range ballistic missile into the sea off its east coast.', 'MOBILIZE'],
    ['Russia vetoed a resolution condemning its annexation of four partly occupied Ukrainian regions.', 'REJECT'],
  ])('%s', (text, type) => {
    expect(facts(code(text)).map((e) => e.type)).toEqual([type]);
  });

  it('finds who acted through participles, causatives and subordinate clauses', () => {
    const [accuse] = code('The Gambia filed a case at the International Court of Justice on Monday accusing Myanmar of genocide.');
    expect(accuse.actor.map((a) => a.country)).toEqual(['GMB']);
    const rally = code('Turkish police detained the Istanbul mayor in a dawn raid, prompting thousands of his supporters to rally outside police headquarters.').find((e) => e.type === 'PROTEST');
    expect(rally?.context).toEqual([]);
    const [bomb] = code('A suicide bomber blew himself up outside a bank in Kandahar as people queued to collect their salaries, killing at least 21.');
    expect(bomb.actor[0].sectors).toContain('REB');
  });

  it('affiliations, insistence, inverted conditions and negated "any" are no deeds', () => {
    expect(code('Hackers backed by the Chinese state broke into Treasury workstations.').filter((e) => e.type === 'SUPPORT')).toEqual([]);
    expect(code("Moscow's envoy insisted a Ukrainian air-defence missile had caused the damage.").filter((e) => e.type === 'REQUEST')).toEqual([]);
    expect(code('The ruling could serve as a template for Beijing to go after American firms should tensions escalate.').filter((e) => e.type === 'REQUEST')).toEqual([]);
    expect(facts(code('No date has been set for any meeting between Kim Jong Un and Donald Trump.'))).toEqual([]);
    expect(code('Police said no group had claimed responsibility for the kidnapping.').filter((e) => e.type === 'REJECT')).toEqual([]);
    expect(code('Reuters could not independently verify the accounts given by residents of the town.').filter((e) => e.type === 'AID')).toEqual([]);
    expect(code('Indian officials declined to comment on reports that New Delhi was weighing the purchase.').filter((e) => e.type === 'REJECT')).toEqual([]);
    expect(code('South Korea shipped the first batch of K2 battle tanks to Poland on Tuesday.').filter((e) => e.type === 'ASSAULT')).toEqual([]);
    expect(code('Putin ordered the nuclear deterrent forces placed on a special regime of combat duty.').filter((e) => e.type === 'ASSAULT')).toEqual([]);
    // Strikes by a state are attacks, never walkouts.
    expect(code('Aid flights landed in Beirut for Lebanese displaced by Israeli strikes on the south.').filter((e) => e.type === 'PROTEST')).toEqual([]);
  });

  it('a meeting named in an adjunct belongs to the clause subject, and one meeting is told once', () => {
    const visit = code('Kenyan President William Ruto pledged to work with Ethiopia on a power line during a two-day visit to Addis Ababa.').filter((e) => e.type === 'CONSULT');
    expect(visit.map((e) => e.actor.map((a) => a.country))).toEqual([['KEN']]);
    expect(code('Vladimir Putin held talks with Kim Jong Un in Pyongyang on his first trip to North Korea in 24 years.').filter((e) => e.type === 'CONSULT')).toHaveLength(1);
  });

  it('a verb coordinated past an infinitive with its object belongs to the main verb; "without delay" negates nothing', () => {
    const accuse = code('Amnesty International called on Egyptian authorities to free the jailed activist without delay and condemned his imprisonment.').find((e) => e.type === 'ACCUSE');
    expect(accuse?.actor.map((a) => a.name)).toEqual(['Amnesty International']);
    expect(accuse?.context).toEqual([]);
  });

  it('a broker is not a party, and a condition is no fact', () => {
    const [talks] = code('Senior negotiators from Serbia and Kosovo held another round of EU-brokered talks in Brussels on Tuesday.');
    expect(talks.actor.map((a) => a.country)).not.toContain('EUR');
    const talk = code('Mali said it was willing to open a dialogue with armed groups, provided the talks were held on Malian soil.').filter((e) => e.type === 'CONSULT');
    expect(talk.every((e) => e.context.includes('hypothetical'))).toBe(true);
  });

  it('a one-word metonym inside a longer name belongs to that name', () => {
    const [e] = code('Leaders of the Nigeria Labour Congress vowed to work with the federal government on a new minimum wage.');
    expect(e.actor.map((a) => a.country)).toEqual(['NGA']);
    expect(code('The US Congress approved the aid package for Ukraine on Tuesday.')[0].actor[0].country).toBe('USA');
  });

  it('names are not deeds, nor are participles that describe a noun', () => {
    expect(code('Amnesty International called on Egyptian authorities to free the jailed activist.').map((e) => e.type)).toEqual(['REQUEST']);
    expect(code('Thousands of supporters of jailed former prime minister Imran Khan marched on Islamabad on Tuesday.').map((e) => e.type)).toEqual(['PROTEST']);
    // ... but after a verb of saying, the participle is the sentence's deed.
    expect(code('The strikes, which Iraq said killed Iraqi soldiers, hit weapons depots.').map((e) => e.type)).toContain('ASSAULT');
  });
});
