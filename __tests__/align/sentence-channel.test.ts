import { alignDocuments, prepareAlignable, alignSettingsOf } from '../../src/align';
import { resolveOptions } from '../../src/options';

const SETTINGS = alignSettingsOf(resolveOptions());
const prepare = (text: string) => prepareAlignable(text, 80);

const QUOTE_SOURCE =
  '"Extended hours of mouse or keyboard use and sustained awkward postures, such as wrist extension, are the most consistently observed risk factors for musculoskeletal disorders," Rempel added.';
const QUOTE_COPY =
  '"Long hours of keyboard and mouse use, and sustained awkward postures such as extension of the wrist, are the risk factors observed most consistently for musculoskeletal disorders," Rempel added.';
const STUDY_SOURCE =
  'The one year, randomized study evaluated the effects of two workstation interventions on the musculoskeletal health of call center employees, a padded forearm support and a trackball.';
const STUDY_COPY =
  'The randomized study, lasting one year, evaluated how two interventions at the workstation affected the musculoskeletal health of employees in call centers: a trackball and a padded forearm support.';
const OTHER_SOURCE = 'The city council will meet again on Tuesday to discuss the new parking rules for the harbour district.';
const OTHER_COPY = 'Weather forecasters expect heavy snow across the northern valleys during the coming weekend.';

describe('sentence channel and quotations', () => {
  test('a reworded paragraph keeps the quotation it carries', () => {
    const source = `Background on office work and health. ${QUOTE_SOURCE} ${STUDY_SOURCE} ${OTHER_SOURCE}`;
    const copy = `A new report appeared this week. ${QUOTE_COPY} ${STUDY_COPY} ${OTHER_COPY}`;
    const passages = alignDocuments(prepare(source), prepare(copy), SETTINGS);
    expect(passages).toHaveLength(1);
    const [p] = passages;
    if (p === undefined) return;
    expect(p.matched).toBe(0); // reworded: found by the sentence channel, not by anchors
    expect(source.slice(p.a.start, p.a.end)).toContain('Extended hours');
    expect(source.slice(p.a.start, p.a.end)).toContain('a padded forearm support and a trackball');
    expect(copy.slice(p.b.start, p.b.end)).toContain('Long hours');
    expect(copy.slice(p.b.start, p.b.end)).toContain('padded forearm support');
  });

  test('two renderings of the same quotation alone are not a passage', () => {
    const source = `Background on office work and health. ${QUOTE_SOURCE} ${OTHER_SOURCE}`;
    const copy = `A new report appeared this week. ${QUOTE_COPY} ${OTHER_COPY}`;
    expect(alignDocuments(prepare(source), prepare(copy), SETTINGS)).toEqual([]);
  });
});

describe('condensed copies', () => {
  const PARAGRAPHS = [
    'The regional parliament approved the new water management law late on Thursday after a debate that lasted eleven hours.',
    'Opposition members walked out twice during the session, accusing the governing coalition of ignoring the concerns of farmers.',
    'The law caps the amount of groundwater that agricultural businesses may pump each summer and creates a new inspection office.',
    'Environmental groups welcomed the vote but said the caps were too generous to protect the drying wetlands in the south.',
    'Farmers associations announced protests in three provincial capitals for next week and threatened to block the main highways.',
    'The minister for agriculture said that compensation payments for affected farms would be discussed with the associations.',
  ];

  test('a brief built from sentences far apart in the source is one passage with its segments', () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `Unrelated background sentence number ${i} talks about ${['trains', 'museums', 'weather', 'football'][i % 4]} and other matters.`).join(' ');
    const source = [PARAGRAPHS[0], PARAGRAPHS[1], filler(12), PARAGRAPHS[2], PARAGRAPHS[3], filler(12), PARAGRAPHS[4], PARAGRAPHS[5]].join('\n\n');
    const brief = `In brief. ${PARAGRAPHS[0]} ${PARAGRAPHS[1]} ${PARAGRAPHS[2]} ${PARAGRAPHS[3]} ${PARAGRAPHS[4]} ${PARAGRAPHS[5]} More news later.`;
    const joined = alignDocuments(prepare(source), prepare(brief), SETTINGS);
    expect(joined).toHaveLength(1);
    const [p] = joined;
    if (p === undefined) return;
    expect(p.segments).toHaveLength(3);
    expect(p.a.start).toBe(p.segments[0]?.a.start);
    expect(p.a.end).toBe(p.segments[2]?.a.end);
    const words = (t: string) => t.replace(/\s+/g, ' ');
    for (const s of p.segments) expect(words(source.slice(s.a.start, s.a.end))).toBe(brief.slice(s.b.start, s.b.end));
    expect(p.similarity).toBe(1);
    const apart = alignDocuments(prepare(source), prepare(brief), { ...SETTINGS, condenseGap: 0 });
    expect(apart).toHaveLength(3);
  });
});
