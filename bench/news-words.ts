/**
 * Word lists for the synthetic news corpus: common English news nouns, verbs,
 * adjectives and adverbs written out by hand, plus generated proper names
 * (people, places, organisations) for the long tail. Lists are in rough
 * frequency order: the generator samples them with Zipf-like weights, so the
 * first words are common and the tail is rare, as in real news text.
 */
import type { SeededRandom } from './seeded-random';

const words = (list: string): readonly string[] => list.trim().split(/\s+/);

/** Common nouns, singular. */
export const NOUNS = words(`
  government year people week month police report plan company country city state
  council budget minister official party election vote law court case bill market
  price rate group project program agency service school hospital health money
  deal talk meeting decision policy security issue statement investigation reform
  economy industry worker union strike tax fund bank loan debt crisis war conflict
  ceasefire border region community family child student teacher doctor patient
  nurse farmer driver resident village town district county province capital
  parliament committee inquiry review audit survey study research data record
  figure number level cost spending deficit surplus growth inflation wage salary
  pension benefit contract tender project proposal measure rule regulation
  standard license permit charge fine penalty sentence trial hearing judge jury
  lawyer prosecutor witness suspect victim attack fire flood storm drought
  earthquake accident crash collision road bridge railway station airport port
  ship vessel flight train bus route network system grid plant factory mine
  farm crop harvest supply shortage demand export import trade tariff sanction
  treaty agreement partnership alliance summit visit tour campaign rally protest
  demonstration march petition appeal request offer bid merger acquisition sale
  share stock bond investor shareholder board director executive chairman
  founder owner manager employee staff team club player coach season match game
  final league title cup tournament championship record medal athlete fan
  stadium venue festival concert exhibition museum gallery library theatre film
  book author artist singer band album award prize ceremony anniversary
  celebration holiday weekend morning evening night hour minute day decade
  century history tradition culture language religion church mosque temple
  leader president premier mayor governor senator lawmaker candidate voter
  spokesperson spokesman spokeswoman adviser envoy ambassador diplomat general
  commander soldier troop army navy force militia rebel fighter refugee migrant
  asylum shelter camp aid donation charity volunteer relief recovery rescue
  evacuation warning alert emergency outbreak virus vaccine disease infection
  case test treatment drug medicine clinic ward bed surgery care pandemic
  climate emission energy power electricity gas oil fuel coal solar wind
  water river lake coast sea ocean forest park land site area zone space
  satellite rocket mission launch technology software platform app device
  phone internet website account user customer consumer client passenger tenant
  landlord property housing home house apartment building tower construction
  development infrastructure investment finance revenue profit loss earnings
  quarter forecast outlook estimate target goal priority challenge problem
  risk threat concern fear doubt criticism pressure support opposition
  majority minority coalition faction movement organisation association
  federation institute university college academy laboratory hospital
  ministry department office bureau authority commission regulator watchdog
  operator provider supplier manufacturer retailer chain store shop brand
  product model vehicle car truck engine battery charger
`);

/** Verbs as base form; the generator derives the past tense and third person. */
export const VERBS = words(`
  approve announce reject confirm launch increase reduce raise cut delay extend
  open close review propose support oppose criticise defend block sign warn
  urge demand request receive complete expand suspend cancel restore replace
  consider discuss examine investigate question challenge accept agree join
  leave return attend visit host organise prepare deliver provide offer secure
  protect improve boost strengthen weaken damage destroy repair rebuild
  develop design create establish introduce implement enforce impose lift
  remove ban allow permit require include exclude affect involve mark celebrate
  honour praise blame accuse charge arrest detain release free rescue evacuate
  cover report publish reveal disclose deny insist claim argue suggest predict
  expect estimate calculate measure monitor track assess evaluate
  finance fund invest purchase acquire merge transfer export import produce
  manufacture supply distribute share limit restrict control manage operate
  direct coordinate negotiate settle resolve address tackle combat fight
  prevent avoid face handle target focus plan schedule postpone resume
  continue start end finish pass adopt amend veto overturn uphold appeal
  sentence convict acquit fine compensate hire employ dismiss appoint elect
  nominate vote campaign protest march gather attract draw welcome
`);

/** Irregular verbs: base, past tense. */
export const IRREGULAR_VERBS: readonly (readonly [string, string])[] = [
  ['say', 'said'], ['make', 'made'], ['take', 'took'], ['give', 'gave'], ['find', 'found'],
  ['tell', 'told'], ['build', 'built'], ['hold', 'held'], ['bring', 'brought'], ['buy', 'bought'],
  ['sell', 'sold'], ['spend', 'spent'], ['send', 'sent'], ['meet', 'met'], ['win', 'won'],
  ['lose', 'lost'], ['set', 'set'], ['put', 'put'], ['keep', 'kept'], ['begin', 'began'],
  ['seek', 'sought'], ['leave', 'left'], ['fight', 'fought'], ['draw', 'drew'], ['drive', 'drove'], ['see', 'saw'], ['rise', 'rose'], ['fall', 'fell'], ['lead', 'led'],
  ['pay', 'paid'], ['strike', 'struck'], ['write', 'wrote'], ['break', 'broke'], ['choose', 'chose'],
];

/** Adjectives. */
export const ADJECTIVES = words(`
  new local national regional international federal public private former
  senior major key main final first last next previous recent early late
  large small big long short high low strong weak growing rising falling
  economic political social financial military legal medical environmental
  official independent foreign domestic global European northern southern
  eastern western central rural urban coastal annual monthly weekly daily
  further additional initial temporary permanent emergency special general
  full partial significant serious severe critical major minor modest sharp
  steady stable unexpected surprise controversial popular unpopular
  historic traditional modern digital renewable clean green affordable
  expensive costly cheap free open closed joint separate similar different
  wider broader detailed clear unclear complex simple direct indirect
  possible likely unlikely potential planned proposed agreed disputed
  contested ongoing upcoming current existing remaining missing injured
  dead safe dangerous violent peaceful quiet busy crowded empty vast
  limited heavy light record fresh latest leading top chief deputy acting
  interim veteran young elderly vulnerable poor wealthy skilled unemployed
  medical educational cultural religious ethnic industrial commercial
  agricultural technical scientific strategic diplomatic judicial electoral
  parliamentary municipal provincial metropolitan
`);

/** Adverbs. */
export const ADVERBS = words(`
  also still already now recently previously later earlier again currently
  further only nearly almost largely mostly partly fully sharply steadily
  quickly slowly rapidly gradually significantly slightly widely openly
  publicly privately formally officially reportedly allegedly apparently
  initially eventually finally immediately temporarily repeatedly
`);

/** Job titles used in front of names. */
export const ROLES = words(`
  minister spokesperson director chairman chairwoman mayor governor senator
  commissioner secretary economist analyst professor researcher lawyer
  prosecutor inspector superintendent chief president ambassador envoy
  adviser manager founder coordinator
`);

/** Kinds of organisations, after a generated place or name. */
export const ORG_KINDS = words(`
  Council Ministry Authority Commission Agency Institute Foundation Bank Group
  Holdings Union Association Federation Trust Board Bureau Partners Energy
  Airlines Railways Telecom Motors Capital Insurance Hospital University
  Police Court Party Alliance Network Industries Logistics Mining Pharma
`);

/** Given names. */
export const FIRST_NAMES = words(`
  Anna James Maria John David Sarah Michael Laura Robert Elena Daniel Sofia Peter
  Emma Thomas Olivia Mark Julia Paul Clara Andrew Hannah Richard Lucia Simon
  Nadia Ahmed Fatima Omar Leila Yusuf Amina Hassan Zainab Ali Mariam Kenji Yuki
  Hiroshi Mei Wei Lin Chen Jun Priya Rahul Anil Sunita Vikram Deepa Arjun
  Kwame Ama Kofi Abena Chidi Ngozi Tunde Amara Juan Carmen Luis Isabel Diego
  Ana Pablo Rosa Carlos Lucia Ivan Olga Dmitri Natalia Sergei Irina Pavel
  Katya Henrik Ingrid Lars Astrid Erik Freya Jan Eva Piotr Zofia Tomas Marta
  Giorgio Francesca Marco Chiara Luca Giulia Pierre Camille Louis Margot
  Hugo Chloe Liam Aoife Sean Niamh Connor Siobhan Grace Noah Ethan Ava Mia
  Lucas Leo Ella Isaac Ruth Samuel Esther Benjamin Miriam Joseph Helen
`);

/** Days and months. */
export const DAYS = words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
export const MONTHS = words('January February March April May June July August September October November December');

const ONSETS = words('b br c ch cl d dr f fl g gr h j k kl l m n p pr r s sh st t tr v w z');
const VOWELS = words('a e i o u a e o ai ea ou ei ia');
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'nd', 'rt', 'm', 'k', 'th', 'v', 'sk', 'ld'];
const PLACE_SUFFIXES = words('ton ville burg ford field port mouth dale stead wick haven bridge minster by grad abad pur');

/** Generated proper names: the long tail of a news vocabulary. */
export interface GeneratedNames {
  readonly surnames: readonly string[];
  readonly places: readonly string[];
  readonly organisations: readonly string[];
}

/** Generate `count` distinct capitalised names of 2–3 syllables, with optional suffixes. */
function generateNames(random: SeededRandom, count: number, suffixes: readonly string[] | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const syllables = random.between(2, 3);
    let name = '';
    for (let s = 0; s < syllables; s++) {
      name += random.pick(ONSETS) + random.pick(VOWELS) + (s === syllables - 1 ? random.pick(CODAS) : '');
    }
    if (suffixes !== null && syllables === 2 && random.chance(0.5)) name += random.pick(suffixes);
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (name.length < 4 || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** The generated name lists (surnames, places, organisations), from `random`. */
export function generateNameLists(random: SeededRandom): GeneratedNames {
  const surnames = generateNames(random, 2000, null);
  const places = generateNames(random, 1200, PLACE_SUFFIXES);
  const organisations: string[] = [];
  const seen = new Set<string>();
  while (organisations.length < 800) {
    const head = random.chance(0.6) ? random.pick(places) : random.pick(surnames);
    const name = `${head} ${random.pick(ORG_KINDS)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    organisations.push(name);
  }
  return { surnames, places, organisations };
}

/** Past tense of a regular or listed irregular verb. */
export function pastTense(verb: string): string {
  const irregular = IRREGULAR_VERBS.find(([base]) => base === verb);
  if (irregular !== undefined) return irregular[1];
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (/^(ban|plan|stop|cut|ship)$/.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

/** Third person singular present ("approves", "pays", "finishes"). */
export function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Plural of a common noun ("cities", "taxes", "reports"). */
export function plural(noun: string): string {
  if (/(s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (noun === 'child') return 'children';
  if (noun === 'spokesman') return 'spokesmen';
  if (noun === 'spokeswoman') return 'spokeswomen';
  return `${noun}s`;
}
