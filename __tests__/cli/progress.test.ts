/** Progress lines: only on a terminal and without --quiet; phase after phase, each cleared; a count shown once. */
import { createPhasedProgress, createProgress } from '../../src/cli/progress';
import type { Io } from '../../src/cli/io';

function capture(stderrIsTty: boolean): { io: Io; text: () => string } {
  let text = '';
  return { io: { stdout: () => undefined, stderr: (t) => (text += t), stderrIsTty }, text: () => text };
}

describe('progress', () => {
  test('nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const out = capture(tty);
      const p = createProgress(out.io, 'sign', quiet, 'articles');
      p.update(5, 10);
      p.update(10, 10);
      p.end();
      expect(out.text()).toBe('');
    }
  });

  test('the last count always shows, and the same count never twice', () => {
    const out = capture(true);
    const p = createProgress(out.io, 'read', false, 'MB');
    p.update(3, 10);
    p.update(4, 10); // within 200 ms of the first: skipped
    p.update(10, 10);
    p.update(10, 10);
    p.update(10, 10);
    p.end();
    const lines = out.text().split('\r').filter((l) => l !== '');
    expect(lines.map((l) => l.split(',')[0]?.trimEnd())).toEqual(['read: 3/10 MB', 'read: 10/10 MB', '\u001b[K']);
  });

  test('phases in turn: each line cleared when the next phase begins, the last at the end', () => {
    const out = capture(true);
    const p = createPhasedProgress(out.io, false, { sketch: 'articles', merge: 'key ranges' });
    p.update('sketch', 0, 4);
    p.update('sketch', 4, 4);
    p.update('merge', 0, 2);
    p.update('merge', 2, 2);
    p.end();
    const lines = out.text().split('\r').filter((l) => l !== '');
    expect(lines.map((l) => l.split(',')[0]?.trimEnd())).toEqual([
      'sketch: 0/4 articles',
      'sketch: 4/4 articles',
      '\u001b[K',
      'merge: 0/2 key ranges',
      'merge: 2/2 key ranges',
      '\u001b[K',
    ]);
  });

  test('a phase that begins part done counts its rate from there', () => {
    const out = capture(true);
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const p = createProgress(out.io, 'align', false, 'candidates');
      p.update(512, 982);
      now += 1000;
      p.update(982, 982);
    } finally {
      clock.mockRestore();
    }
    const lines = out.text().split('\r').filter((l) => l !== '');
    // 470 more in one second, not 982.
    expect(lines[1]).toBe('align: 982/982 candidates, 470 candidates/s, ETA 0 s   ');
  });

  test('no rate or ETA before one is measured; none without a total (standard input)', () => {
    const out = capture(true);
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const p = createProgress(out.io, 'read', false, 'MB');
      p.update(0, 27);
      now += 500;
      p.update(0, 27);
      p.update(9, 27);
      now += 500;
      p.update(18, 27);
      const stdin = createProgress(out.io, 'read', false, 'MB');
      now += 500;
      stdin.update(2, 0);
      now += 500;
      stdin.update(5, 0);
    } finally {
      clock.mockRestore();
    }
    expect(out.text().split('\r').filter((l) => l !== '')).toEqual([
      'read: 0/27 MB   ',
      'read: 9/27 MB, 18 MB/s, ETA 1 s   ',
      'read: 18/27 MB, 18 MB/s, ETA 1 s   ',
      'read: 2 MB   ',
      'read: 5 MB, 6 MB/s   ',
    ]);
  });
});
