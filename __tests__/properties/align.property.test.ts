import fc from 'fast-check';
import { alignDocuments, joinWords, prepareAlignable, alignSettingsOf } from '../../src/align';
import { resolveOptions } from '../../src/options';

const SETTINGS = { ...alignSettingsOf(resolveOptions()), minPassageWords: 6 };
const tokenizeText = (text: string) => prepareAlignable(text, 80);
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'Epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu');
const sep = fc.constantFrom(' ', ' ', ' ', '\n', '. ', ', ', '.\n\n', ' “', '” ');
const doc = fc.array(fc.tuple(word, sep), { minLength: 5, maxLength: 80 }).map((xs) => xs.map(([w, s]) => w + s).join(''));

describe('alignment properties', () => {
  test('every passage span lies within its document and starts and ends on a word', () => {
    fc.assert(
      fc.property(doc, doc, doc, (a, b, shared) => {
        const x = `${a} ${shared} ${b}`;
        const y = `${b}\n${shared.replace(/ /g, '\n')} ${a}`;
        const tx = tokenizeText(x);
        const ty = tokenizeText(y);
        for (const p of alignDocuments(tx, ty, SETTINGS)) {
          for (const [span, text] of [[p.a, x], [p.b, y]] as const) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(text.length);
            expect(span.start).toBeLessThan(span.end);
            expect(text.slice(span.start, span.end)).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$/su);
          }
          expect(p.similarity).toBeGreaterThanOrEqual(0);
          expect(p.similarity).toBeLessThanOrEqual(1);
          // A similarity of 1 means the two spans have the same words.
          if (p.similarity === 1) {
            expect(joinWords(tx.text.normalized.text, tx.text.tokens, p.aTokens.start, p.aTokens.end)).toBe(
              joinWords(ty.text.normalized.text, ty.text.tokens, p.bTokens.start, p.bTokens.end),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a long shared stretch is always found, re-paragraphed or not', () => {
    fc.assert(
      fc.property(doc, doc, fc.array(word, { minLength: 30, maxLength: 60 }), (a, b, sharedWords) => {
        const shared = sharedWords.map((w, i) => `${w}${i}`).join(' ');
        const x = `${a} ${shared}. ${b}`;
        const y = `${b}\n\n${shared.replace(/ /g, '\n')}`;
        const passages = alignDocuments(tokenizeText(x), tokenizeText(y), SETTINGS);
        const covered = passages.reduce((n, p) => n + (p.a.end - p.a.start), 0);
        expect(covered).toBeGreaterThanOrEqual(shared.length);
      }),
      { numRuns: 100 },
    );
  });
});
