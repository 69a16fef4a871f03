/** Colour and width of the text report from flags, NO_COLOR and the terminal. */
import { DEFAULT_COLUMNS, terminalLayout } from '../../src/cli/terminal-layout';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { join } from 'node:path';

const base: Io = { stdout: () => undefined, stderr: () => undefined, stderrIsTty: false };
const tty: Io = { ...base, stdoutIsTty: true, stdoutColumns: 72 };

describe('terminalLayout', () => {
  test('a terminal: colour and its width; no width known: 100', () => {
    expect(terminalLayout({}, tty)).toEqual({ color: true, width: 72 });
    expect(terminalLayout({}, { ...base, stdoutIsTty: true })).toEqual({ color: true, width: DEFAULT_COLUMNS });
    // A pty nobody sized reports 0 columns: unknown, not zero wide.
    expect(terminalLayout({}, { ...base, stdoutIsTty: true, stdoutColumns: 0 })).toEqual({ color: true, width: DEFAULT_COLUMNS });
    expect(DEFAULT_COLUMNS).toBe(100);
  });

  test('NO_COLOR and --no-color turn colour off; --color forces it, also into a file or pipe', () => {
    expect(terminalLayout({}, { ...tty, noColor: true })).toEqual({ color: false, width: 72 });
    expect(terminalLayout({ color: false }, tty)).toEqual({ color: false, width: 72 });
    expect(terminalLayout({ color: true }, { ...tty, noColor: true })).toEqual({ color: true, width: 72 });
    expect(terminalLayout({ color: true }, base)).toEqual({ color: true });
  });

  test('a pipe or --out: plain and unwrapped', () => {
    expect(terminalLayout({}, base)).toEqual({ color: false });
    expect(terminalLayout({ out: 'r.txt' }, tty)).toEqual({ color: false });
  });
});

describe('reprint scan on a terminal', () => {
  const SAMPLES = join(__dirname, '..', '..', 'samples');
  async function run(argv: string[], io: Partial<Io>): Promise<string> {
    let out = '';
    const code = await main(argv, { ...base, ...io, stdout: (t) => (out += t) });
    expect(code).toBe(0);
    return out;
  }

  test('coloured and fitted on a 72-column terminal; --no-color and NO_COLOR plain', async () => {
    const coloured = await run(['scan', SAMPLES, '--quiet'], tty);
    expect(coloured).toContain('\u001b[');
    for (const line of coloured.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) if (line.length > 72) expect(line.trim()).not.toContain(' ');
    expect(await run(['scan', SAMPLES, '--quiet', '--no-color'], tty)).not.toContain('\u001b');
    expect(await run(['scan', SAMPLES, '--quiet'], { ...tty, noColor: true })).not.toContain('\u001b');
  });
});
