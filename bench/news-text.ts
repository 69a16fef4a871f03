/**
 * News-like English from a small grammar: a story has a topic (people, places,
 * organisations, nouns it keeps returning to); sentences are statements,
 * quotations, figures and background clauses assembled from the word lists of
 * `news-words.ts` with Zipf-like word choice. Unrelated stories share function
 * words and stock phrases ("said on Tuesday", "according to") but few word
 * 3-grams, as real news does.
 */
import {
  ADJECTIVES,
  ADVERBS,
  DAYS,
  FIRST_NAMES,
  IRREGULAR_VERBS,
  MONTHS,
  NOUNS,
  ROLES,
  VERBS,
  generateNameLists,
  pastTense,
  plural,
  thirdPerson,
  type GeneratedNames,
} from './news-words';
import type { SeededRandom } from './seeded-random';

/** A person in a story: first mention gives role and full name, later ones the surname. */
interface Person {
  readonly first: string;
  readonly last: string;
  readonly role: string;
  readonly org: string;
}

/** What one story is about. */
export interface Topic {
  readonly people: readonly Person[];
  readonly places: readonly string[];
  readonly organisations: readonly string[];
  readonly nouns: readonly string[];
  readonly verbs: readonly string[];
}

/** A story: title and paragraphs of sentences. */
export interface Story {
  readonly title: string;
  readonly paragraphs: readonly (readonly string[])[];
}

/** Zipf exponent within word classes: flatter than 1, so a few words do not dominate every story. */
const FLAT = 0.8;

/** Generates topics, sentences and stories from one vocabulary. */
export interface NewsWriter {
  /** Every distinct word the writer can produce (for edits that swap a word). */
  readonly substitutes: readonly string[];
  newTopic(random: SeededRandom): Topic;
  sentence(random: SeededRandom, topic: Topic): string;
  title(random: SeededRandom, topic: Topic): string;
  /** A story of `paragraphs` paragraphs of 2–3 sentences (the lead is one or two). */
  story(random: SeededRandom, topic: Topic, paragraphs: number): Story;
}

/** A {@link NewsWriter} whose generated names come from `random`. */
export function createNewsWriter(random: SeededRandom): NewsWriter {
  const names: GeneratedNames = generateNameLists(random);
  const verbs = [...new Set([...IRREGULAR_VERBS.map(([base]) => base), ...VERBS])];
  const substitutes = [...new Set([...ADJECTIVES, ...ADVERBS, ...NOUNS])];

  const noun = (r: SeededRandom, t: Topic): string => (r.chance(0.45) ? r.pick(t.nouns) : NOUNS[r.zipf(NOUNS.length, FLAT)]!);
  const verb = (r: SeededRandom, t: Topic): string => (r.chance(0.35) ? r.pick(t.verbs) : verbs[r.zipf(verbs.length, FLAT)]!);
  const adjective = (r: SeededRandom): string => ADJECTIVES[r.zipf(ADJECTIVES.length, FLAT)]!;
  const place = (r: SeededRandom, t: Topic): string =>
    r.chance(0.6) ? r.pick(t.places) : names.places[r.zipf(names.places.length, 0.8)]!;
  const organisation = (r: SeededRandom, t: Topic): string =>
    r.chance(0.45) ? r.pick(t.organisations) : names.organisations[r.zipf(names.organisations.length, 0.8)]!;
  const person = (r: SeededRandom, t: Topic): string => {
    const p = r.pick(t.people);
    return r.chance(0.3) ? `${p.first} ${p.last}` : p.last;
  };
  const personWithRole = (r: SeededRandom, t: Topic): string => {
    const p = r.pick(t.people);
    return r.chance(0.5) ? `${p.org} ${p.role} ${p.first} ${p.last}` : `${p.first} ${p.last}, ${p.role} at the ${p.org}`;
  };
  const day = (r: SeededRandom): string => r.pick(DAYS);
  const month = (r: SeededRandom): string => r.pick(MONTHS);
  const amount = (r: SeededRandom): string =>
    r.pick([
      `${r.between(2, 95)} percent`,
      `$${r.between(1, 900)} million`,
      `${r.between(2, 40)}.${r.int(10)} billion dollars`,
      `${r.between(3, 9000).toLocaleString('en-US')} ${plural(NOUNS[r.zipf(NOUNS.length)]!)}`,
      `${r.between(2, 60)} ${r.pick(['days', 'weeks', 'months', 'years'])}`,
    ]);

  /** A noun phrase: "the new budget of Kelmora", "officials in Drenport", "Korvell". */
  const nounPhrase = (r: SeededRandom, t: Topic): string => {
    switch (r.int(7)) {
      case 0:
        return person(r, t);
      case 1:
        return r.chance(0.5) ? `the ${organisation(r, t)}` : `${r.pick(['the', 'a'])} ${adjective(r)} ${noun(r, t)}`;
      case 2:
        return `${r.pick(['officials', 'residents', 'workers', 'lawmakers', 'analysts', 'investors', 'critics'])} in ${place(r, t)}`;
      case 3:
        return `${r.chance(0.5) ? `${adjective(r)} ` : ''}${plural(noun(r, t))}`;
      case 4:
        return `the ${noun(r, t)} in ${place(r, t)}`;
      default:
        return `the ${r.chance(0.6) ? `${adjective(r)} ` : ''}${noun(r, t)}${r.chance(0.3) ? ` of the ${organisation(r, t)}` : ''}`;
    }
  };

  /** A trailing phrase: where, when, why — a preposition and a varied object, few fixed phrases. */
  const adjunct = (r: SeededRandom, t: Topic): string =>
    r.pick([
      () => `${r.pick(['in', 'at', 'near', 'across', 'outside', 'around', 'north of', 'south of'])} ${place(r, t)}`,
      () => `on ${day(r)}${r.chance(0.3) ? ` ${r.pick(['morning', 'evening', 'night', 'afternoon'])}` : ''}`,
      () => `${r.pick(['by', 'before', 'until', 'in', 'from', 'through'])} ${r.chance(0.5) ? `${r.pick(['early', 'mid', 'late'])}-` : ''}${month(r)}`,
      () => `${r.pick(['after', 'before', 'during', 'ahead of', 'despite', 'following', 'over', 'amid'])} ${r.pick(['the', 'a', 'last week\'s', 'this year\'s', 'its'])} ${adjective(r)} ${noun(r, t)}`,
      () => `${r.pick(['amid', 'with', 'without', 'over', 'against', 'beyond'])} ${adjective(r)} ${plural(noun(r, t))}`,
      () => `for the first time ${r.pick(['since', 'in', 'after'])} ${r.between(1990, 2023)}`,
      () => `${r.pick(['despite', 'after', 'over', 'following'])} ${plural(noun(r, t))} ${r.pick(['from', 'by', 'involving', 'against'])} the ${organisation(r, t)}`,
      () => `${r.pick(['after', 'following', 'within', 'for'])} ${r.between(2, 30)} ${r.pick(['days', 'weeks', 'months', 'years', 'hours'])} of ${plural(noun(r, t))}`,
      () => `${r.pick(['under', 'as part of', 'in line with', 'outside', 'beyond'])} the ${adjective(r)} ${noun(r, t)}`,
      () => `${ADVERBS[r.zipf(ADVERBS.length, FLAT)]!}`,
      () => `${r.pick(['to', 'for', 'with'])} ${r.chance(0.5) ? `${adjective(r)} ` : ''}${plural(noun(r, t))} in ${place(r, t)}`,
    ])();

  /** Subject, verb phrase, object, optional adjuncts. */
  const clause = (r: SeededRandom, t: Topic): string => {
    const v = verb(r, t);
    const irregular = IRREGULAR_VERBS.some(([base]) => base === v);
    const perfect = (adverb: string): string => (irregular ? `${adverb}${pastTense(v)}` : `had ${adverb}${pastTense(v)}`);
    const verbPhrase = r.pick([
      () => pastTense(v),
      () => `would ${v}`,
      () => perfect(''),
      () => `was expected to ${v}`,
      () => `could ${v}`,
      () => perfect(`${ADVERBS[r.zipf(ADVERBS.length)]!} `),
      () => `was set to ${v}`,
      () => `${r.pick(['refused', 'agreed', 'voted', 'moved', 'promised'])} to ${v}`,
    ])();
    let out = `${nounPhrase(r, t)} ${verbPhrase} ${nounPhrase(r, t)}`;
    const adjuncts = r.between(0, 2);
    for (let i = 0; i < adjuncts; i++) out += ` ${adjunct(r, t)}`;
    return out;
  };

  const SAYING = ['said', 'told reporters', 'announced', 'confirmed', 'warned', 'argued', 'insisted', 'noted', 'added', 'stressed', 'claimed', 'suggested', 'explained', 'wrote', 'told local media', 'said in an interview', 'told a news conference', 'admitted', 'predicted', 'acknowledged'];
  const MOVES = ['rose', 'fell', 'grew', 'climbed', 'slipped', 'dropped', 'jumped', 'declined', 'edged up', 'edged down', 'increased', 'shrank', 'surged', 'slumped', 'recovered'];
  const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

  const sentence = (r: SeededRandom, t: Topic): string => {
    switch (r.int(10)) {
      case 0:
      case 1:
        return `${capitalise(person(r, t))} ${r.pick(SAYING)}${r.chance(0.4) ? ` ${r.pick(['on', 'late on', 'early on'])} ${day(r)}` : ''}${r.chance(0.5) ? ' that' : ''} ${clause(r, t)}.`;
      case 2:
        return `"${capitalise(clause(r, t))}," ${r.chance(0.5) ? `${r.pick(['said', 'added', 'noted'])} ${personWithRole(r, t)}` : `${person(r, t)} ${r.pick(SAYING)}`}.`;
      case 3:
        return `${r.pick(['The', 'Its', 'Their', 'A'])} ${adjective(r)} ${noun(r, t)} ${r.pick(MOVES)} ${r.pick(['by', 'to', 'nearly', 'almost', 'more than'])} ${amount(r)} ${r.pick(['in', 'during', 'over', 'across', 'since'])} ${r.pick(['the', 'its', 'a'])} ${adjective(r)} ${r.pick(['quarter', 'year', 'period', 'season', 'month', 'week'])}, ${r.pick([`according to the ${organisation(r, t)}`, `data from the ${organisation(r, t)} showed`, `${person(r, t)} ${r.pick(SAYING)}`, `figures released ${adjunct(r, t)} showed`])}.`;
      case 4:
        return `${capitalise(clause(r, t))}, ${r.pick(['but', 'while', 'and', 'although'])} ${clause(r, t)}.`;
      case 5:
        return `${capitalise(adjunct(r, t))}, ${clause(r, t)}.`;
      case 6:
        return `The ${organisation(r, t)} ${r.pick(SAYING)}${r.chance(0.3) ? ` in a ${r.pick(['statement', 'report', 'letter', 'filing', 'post'])}` : ''} that ${clause(r, t)}, ${r.pick(['citing', 'pointing to', 'referring to', 'after', 'noting'])} ${amount(r)} ${r.pick(['of', 'in', 'for'])} ${plural(noun(r, t))}.`;
      default:
        return `${capitalise(clause(r, t))}.`;
    }
  };

  const title = (r: SeededRandom, t: Topic): string =>
    r.pick([
      () => `${r.pick(t.places)} ${noun(r, t)} ${thirdPerson(verb(r, t))} ${adjective(r)} ${noun(r, t)}`,
      () => `${r.pick(t.organisations)} to ${verb(r, t)} ${plural(noun(r, t))} ${adjunct(r, t)}`,
      () => `${capitalise(adjective(r))} ${noun(r, t)} ${pastTense(verb(r, t))} in ${r.pick(t.places)}`,
      () => `${r.pick(t.people).last} ${thirdPerson(verb(r, t))} ${noun(r, t)} as ${plural(noun(r, t))} ${r.pick(['grow', 'mount', 'ease', 'fade'])}`,
    ])();

  return {
    substitutes,
    newTopic(r) {
      const places = Array.from({ length: r.between(1, 3) }, () => names.places[r.zipf(names.places.length, 0.7)]!);
      const organisations = Array.from(
        { length: r.between(1, 3) },
        () => names.organisations[r.zipf(names.organisations.length, 0.7)]!,
      );
      const people = Array.from({ length: r.between(2, 4) }, () => ({
        first: FIRST_NAMES[r.int(FIRST_NAMES.length)]!,
        last: names.surnames[r.zipf(names.surnames.length, 0.6)]!,
        role: ROLES[r.zipf(ROLES.length)]!,
        org: r.pick(organisations),
      }));
      const nouns = Array.from({ length: r.between(5, 9) }, () => NOUNS[r.int(NOUNS.length)]!);
      const topicVerbs = Array.from({ length: r.between(3, 6) }, () => verbs[r.int(verbs.length)]!);
      return { people, places, organisations, nouns, verbs: topicVerbs };
    },
    sentence,
    title,
    story(r, t, paragraphs) {
      const out: string[][] = [];
      for (let p = 0; p < paragraphs; p++) {
        const count = p === 0 ? r.between(1, 2) : r.between(2, 3);
        out.push(Array.from({ length: count }, () => sentence(r, t)));
      }
      return { title: title(r, t), paragraphs: out };
    },
  };
}
