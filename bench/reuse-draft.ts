/**
 * A draft that reuses three lightly edited paragraphs of an archived article
 * among sentences of its own, with the spans of the reused text known: what
 * the check tests and benchmark look for. Deterministic (no randomness).
 */

/** A half-open `[start, end)` range of the draft. */
export interface DraftSpan {
  readonly start: number;
  readonly end: number;
}

/** The draft and where in it the reused paragraphs are. */
export interface ReuseDraft {
  readonly text: string;
  /** The three reused (edited) paragraphs in the draft. */
  readonly reused: readonly DraftSpan[];
}

/** Sentences of the draft's own: none of them is in any article it is checked against. */
export const OWN_SENTENCES: readonly string[] = [
  'The county planning board met on a wet Tuesday evening to argue over the new cycle lanes near the harbour market.',
  'Several shop owners told the board that deliveries had become slower since the barriers went up last spring.',
  'A retired ferry captain brought hand-drawn maps of the old tram routes and asked for them to be displayed in the library.',
  'Volunteers from the allotment society handed out leaflets about composting and rainwater barrels at the door.',
  'The meeting ran past ten o’clock, and the chair promised a written answer on the parking question within a month.',
  'Children from the primary school had painted a mural of seabirds that now covers the wall of the old pump house.',
];

/** Sentences of `text`: runs ending in . ! or ? before white space, at least four words each. */
export function splitIntoSentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((block) => block.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/))
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 4);
}

/** A light edit: one word inserted after the sixth word, the tenth word dropped. */
export function editLightly(paragraph: string): string {
  const words = paragraph.split(' ');
  if (words.length < 12) return paragraph;
  return [...words.slice(0, 6), 'reportedly', ...words.slice(6, 9), ...words.slice(10)].join(' ');
}

/**
 * Three paragraphs of consecutive sentences of `source` (at least `minWords`
 * words each; from its start, middle and end), each lightly edited, between
 * sentences of the draft's own. Returns `null` when the source has too little
 * text for three such paragraphs.
 */
export function buildReuseDraft(source: string, minWords = 45): ReuseDraft | null {
  const sentences = splitIntoSentences(source);
  const paragraphs: string[] = [];
  let i = 0;
  const starts = [0, Math.floor(sentences.length / 3), Math.floor((2 * sentences.length) / 3)];
  for (const start of starts) {
    i = Math.max(i, start);
    const taken: string[] = [];
    while (i < sentences.length && taken.join(' ').split(' ').length < minWords) taken.push(sentences[i++]!);
    if (taken.join(' ').split(' ').length < minWords) return null;
    paragraphs.push(editLightly(taken.join(' ')));
  }
  let text = `${OWN_SENTENCES[0]} ${OWN_SENTENCES[1]}\n\n`;
  const reused: DraftSpan[] = [];
  paragraphs.forEach((p, k) => {
    reused.push({ start: text.length, end: text.length + p.length });
    text += `${p}\n\n${OWN_SENTENCES[2 + k]}\n\n`;
  });
  text += `${OWN_SENTENCES[5]}\n`;
  return { text, reused };
}

/** A draft of the draft's own sentences only. */
export function buildFreshDraft(): string {
  return `${OWN_SENTENCES.join(' ')}\n`;
}

/** Share of the characters of `reused` inside the union of `covered`. */
export function coverageOf(reused: readonly DraftSpan[], covered: readonly DraftSpan[]): number {
  let total = 0;
  let inside = 0;
  for (const r of reused) {
    total += r.end - r.start;
    const marks = new Uint8Array(r.end - r.start);
    for (const c of covered) for (let x = Math.max(c.start, r.start); x < Math.min(c.end, r.end); x++) marks[x - r.start] = 1;
    inside += marks.reduce((sum, m) => sum + m, 0);
  }
  return total === 0 ? 0 : inside / total;
}
