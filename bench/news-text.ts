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

  const noun = (r: SeededRandom, t: Topic): string => (r.chance(0.45) ? r.pick(t.nouns) : NOUNS[r.zipf(NOUNS.length)]!);
  const verb = (r: SeededRandom, t: Topic): string => (r.chance(0.35) ? r.pick(t.verbs) : verbs[r.zipf(verbs.length)]!);
  const adjective = (r: SeededRandom): string => ADJECTIVES[r.zipf(ADJECTIVES.length)]!;
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

  /** A trailing phrase: where, when, why. */
  const adjunct = (r: SeededRandom, t: Topic): string =>
    r.pick([
      () => `in ${place(r, t)}`,
      () => `on ${day(r)}`,
      () => `by the end of ${month(r)}`,
      () => `after the ${adjective(r)} ${noun(r, t)}`,
      () => `amid ${adjective(r)} ${plural(noun(r, t))}`,
      () => `for the first time since ${r.between(1990, 2023)}`,
      () => `despite ${plural(noun(r, t))} from the ${organisation(r, t)}`,
      () => `following ${r.pick(['weeks', 'months', 'days'])} of ${plural(noun(r, t))}`,
      () => `under the ${adjective(r)} ${noun(r, t)}`,
      () => `${ADVERBS[r.zipf(ADVERBS.length)]!}`,
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

  const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

  const sentence = (r: SeededRandom, t: Topic): string => {
    switch (r.int(10)) {
      case 0:
      case 1:
        return `${capitalise(person(r, t))} ${r.pick(['said', 'told reporters', 'announced', 'confirmed', 'warned'])}${r.chance(0.5) ? ` on ${day(r)}` : ''} that ${clause(r, t)}.`;
      case 2:
        return `"${capitalise(clause(r, t))}," ${r.chance(0.5) ? `said ${personWithRole(r, t)}` : `${person(r, t)} said`}.`;
      case 3:
        return `The ${noun(r, t)} ${pastTense(r.pick(['rise', 'fall', 'grow', 'increase', 'reduce']))} by ${amount(r)} ${r.pick(['in', 'during', 'over'])} the ${adjective(r)} ${r.pick(['quarter', 'year', 'period', 'season'])}, ${r.chance(0.5) ? `according to the ${organisation(r, t)}` : `data from the ${organisation(r, t)} showed`}.`;
      case 4:
        return `${capitalise(clause(r, t))}, ${r.pick(['but', 'while', 'and', 'although'])} ${clause(r, t)}.`;
      case 5:
        return `${r.pick([`In ${place(r, t)}`, `On ${day(r)}`, `Earlier this ${r.pick(['week', 'month', 'year'])}`, `Last ${month(r)}`, `Since ${r.between(1995, 2023)}`])}, ${clause(r, t)}.`;
      case 6:
        return `The ${organisation(r, t)} ${r.pick(['said in a statement', 'said', 'noted', 'added'])} that ${clause(r, t)}, ${r.pick(['citing', 'pointing to', 'referring to'])} ${amount(r)} of ${plural(noun(r, t))}.`;
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
