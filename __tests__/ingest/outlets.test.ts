import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { loadOutlets, mergeOutlets, parseOutlets } from '../../src/ingest/outlets';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reprint-outlets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseOutlets', () => {
  test('reads the registry, keys lower-cased', () => {
    const registry = parseOutlets(
      { version: 1, outlets: { 'SputnikNews.com': { name: 'Sputnik International', timeZone: 'Etc/UTC', group: 'Rossiya Segodnya' }, 'dw.com': { name: 'Deutsche Welle' } } },
      'outlets.json',
    );
    expect([...registry.entries()]).toEqual([
      ['dw.com', { name: 'Deutsche Welle' }],
      ['sputniknews.com', { name: 'Sputnik International', timeZone: 'Etc/UTC', group: 'Rossiya Segodnya' }],
    ]);
  });

  test.each([
    ['unknown version', { version: 2, outlets: {} }, /unsupported outlets file version 2; expected 1/],
    ['no version', { outlets: {} }, /unsupported outlets file version null/],
    ['outlets not an object', { version: 1, outlets: [] }, /"outlets" must be an object/],
    ['invalid IANA zone', { version: 1, outlets: { 'rt.com': { name: 'RT', timeZone: 'Europe/Moskva' } } }, /unknown time zone "Europe\/Moskva"/],
    ['missing name', { version: 1, outlets: { 'rt.com': { timeZone: 'Europe/Moscow' } } }, /needs a non-empty "name"/],
    ['host instead of registered domain', { version: 1, outlets: { 'www.dw.com': { name: 'DW' } } }, /"www\.dw\.com" is not a registered domain; use "dw\.com"/],
  ])('%s → InputError', (_name, json, message) => {
    expect(() => parseOutlets(json, 'o.json')).toThrow(InputError);
    expect(() => parseOutlets(json, 'o.json')).toThrow(message);
  });
});

describe('loadOutlets', () => {
  test('bad JSON → InputError naming the file, one line', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "version": 1,\n "outlets": { ');
    const error = await loadOutlets(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).where).toBe(file);
    expect((error as InputError).message).toMatch(/not valid JSON/);
    expect((error as InputError).message).not.toMatch(/\n/);
  });

  test('missing file → InputError "no such file or directory"', async () => {
    await expect(loadOutlets(join(dir, 'nope.json'))).rejects.toThrow(`${join(dir, 'nope.json')}: no such file or directory`);
  });

  test('samples/outlets.json', async () => {
    const registry = await loadOutlets(join(__dirname, '../../samples/outlets.json'));
    expect(registry.get('sputniknews.com')).toEqual({ name: 'Sputnik International', timeZone: 'Etc/UTC', group: 'Rossiya Segodnya' });
    expect(registry.get('taghribnews.com')).toEqual({ name: 'Taghrib News', timeZone: 'Asia/Tehran' });
    expect(registry.get('dw.com')?.timeZone).toBe('Europe/Berlin');
    expect(registry.get('rt.com')?.timeZone).toBe('Europe/Moscow');
  });
});

describe('mergeOutlets', () => {
  test('later wins per domain, whole entry', () => {
    const a = new Map([['rt.com', { name: 'RT', timeZone: 'Europe/Moscow' }], ['dw.com', { name: 'DW' }]]);
    const b = new Map([['rt.com', { name: 'Russia Today' }]]);
    const merged = mergeOutlets([a, b]);
    expect(merged.get('rt.com')).toEqual({ name: 'Russia Today' });
    expect(merged.get('dw.com')).toEqual({ name: 'DW' });
  });
});
