import { NOTHING_STATED } from '../../src/ingest/raw-document';
import { resolveMeta, type MetaInputs } from '../../src/ingest/resolve-meta';

const registry = new Map([
  ['taghribnews.com', { name: 'Taghrib News', timeZone: 'Asia/Tehran' }],
  ['reuters.com', { name: 'Reuters', group: 'Thomson Reuters' }],
]);
const base: MetaInputs = { text: '', fields: NOTHING_STATED, manifest: undefined, embedded: NOTHING_STATED, registry, where: 'x.txt' };
const utc = (iso: string): number => Date.parse(iso);

describe('resolveMeta', () => {
  test('from the text: URL → outlet → registry name and zone (seed 001)', () => {
    const text = 'Publish date12 Feb 2022 - 18:40\nStory Code : 538334\n\nLavrov Tells Blinken Propaganda\n\nBody.\nhttps://taghribnews.com/vdcfmcdtjw6dmma.r7iw.html\n';
    const { meta, warnings } = resolveMeta({ ...base, text });
    expect(warnings).toEqual([]);
    expect(meta).toEqual({
      outlet: 'taghribnews.com',
      outletName: 'Taghrib News',
      outletGroup: null,
      url: 'https://taghribnews.com/vdcfmcdtjw6dmma.r7iw.html',
      published: {
        kind: 'instant',
        text: '2022-02-12T18:40+03:30',
        interval: { from: utc('2022-02-12T15:10:00Z'), to: utc('2022-02-12T15:11:00Z') },
        zoneSource: 'outlet',
        zone: 'Asia/Tehran',
      },
      title: 'Lavrov Tells Blinken Propaganda',
      sources: { outlet: 'text', url: 'text', published: 'text', title: 'text' },
    });
  });

  test('precedence: field > manifest > markup > text', () => {
    const text = 'Text Title Is Here\n2022-02-10\nhttps://text.example.com/a';
    const embedded = { outlet: null, url: 'https://html.example.com/a', published: '2022-02-11', title: 'Html Title' };
    const manifest = { url: 'https://manifest.example.com/a', title: 'Manifest Title' };
    const fields = { outlet: null, url: null, published: '2022-02-12T10:00Z', title: null };
    const { meta } = resolveMeta({ ...base, text, fields, manifest, embedded });
    expect(meta.url).toBe('https://manifest.example.com/a');
    expect(meta.outlet).toBe('example.com');
    expect(meta.title).toBe('Manifest Title');
    expect(meta.published?.text).toBe('2022-02-12T10:00+00:00');
    expect(meta.sources).toEqual({ outlet: 'manifest', url: 'manifest', published: 'field', title: 'manifest' });

    const htmlOnly = resolveMeta({ ...base, text, embedded }).meta;
    expect([htmlOnly.url, htmlOnly.title, htmlOnly.published?.text]).toEqual(['https://html.example.com/a', 'Html Title', '2022-02-11']);
  });

  test('a stated outlet: domain reduced, plain name kept; a name finds no registry entry', () => {
    const domain = resolveMeta({ ...base, fields: { ...NOTHING_STATED, outlet: 'https://www.reuters.com/world' } }).meta;
    expect([domain.outlet, domain.outletName, domain.outletGroup, domain.sources.outlet]).toEqual(['reuters.com', 'Reuters', 'Thomson Reuters', 'field']);
    const name = resolveMeta({ ...base, fields: { ...NOTHING_STATED, outlet: 'Reuters', url: 'https://www.reuters.com/x' } }).meta;
    expect([name.outlet, name.outletName, name.outletGroup]).toEqual(['Reuters', null, null]);
  });

  test('an unreadable published value warns and falls back to the next source', () => {
    const { meta, warnings } = resolveMeta({ ...base, text: '12 Feb, 2022 16:59\nbody', fields: { ...NOTHING_STATED, published: 'last week' } });
    expect(meta.published).toMatchObject({ kind: 'local', text: '2022-02-12T16:59' });
    expect(meta.sources.published).toBe('text');
    expect(warnings).toEqual([{ code: 'W_BAD_FIELD', where: 'x.txt', message: 'no date in published value "last week" (from field); ignored' }]);
  });

  test('nothing known: nulls and "unknown"', () => {
    const { meta } = resolveMeta({ ...base, text: 'just some words that are no headline at all because this line is far too long to be one, really.' });
    expect(meta).toEqual({
      outlet: null, outletName: null, outletGroup: null, url: null, published: null, title: null,
      sources: { outlet: 'unknown', url: 'unknown', published: 'unknown', title: 'unknown' },
    });
  });
});
