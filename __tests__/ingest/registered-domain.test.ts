import { getRegisteredDomain, normaliseOutlet } from '../../src/ingest/registered-domain';

describe('getRegisteredDomain', () => {
  test.each([
    ['https://sputniknews.com/20220212/lavrov-1092963955.html', 'sputniknews.com'],
    ['https://www.bbc.co.uk/x', 'bbc.co.uk'], // public suffix co.uk
    ['https://taghribnews.com/vdcfmcdtjw6dmma.r7iw.html', 'taghribnews.com'],
    ['cdnn1.img.sputniknews.com', 'sputniknews.com'],
    ['WWW.DW.COM', 'dw.com'],
    ['https://news.example.com.au/a', 'example.com.au'],
  ])('%s → %s', (input, expected) => {
    expect(getRegisteredDomain(input)).toBe(expected);
  });

  test.each(['localhost', 'http://127.0.0.1/x', 'Reuters', 'Sputnik International', ''])('%s → null', (input) => {
    expect(getRegisteredDomain(input)).toBeNull();
  });
});

describe('normaliseOutlet', () => {
  test('domains and URLs become registered domains', () => {
    expect(normaliseOutlet('https://www.rt.com/news/549221-lavrov-blinken/')).toBe('rt.com');
    expect(normaliseOutlet('www.reuters.com')).toBe('reuters.com');
    expect(normaliseOutlet('sputniknews.com')).toBe('sputniknews.com');
  });

  test('plain names are kept as given', () => {
    expect(normaliseOutlet('Reuters')).toBe('Reuters');
    expect(normaliseOutlet(' Sputnik International ')).toBe('Sputnik International');
    expect(normaliseOutlet('Yahoo! News')).toBe('Yahoo! News');
  });

  test('empty is unknown', () => {
    expect(normaliseOutlet('  ')).toBeNull();
  });
});
