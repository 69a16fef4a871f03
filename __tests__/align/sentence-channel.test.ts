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
