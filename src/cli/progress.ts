/**
 * Progress on stderr: a self-overwriting line (phase, done/total, rate, ETA)
 * when stderr is a terminal and --quiet is off; nothing otherwise.
 */
import type { Io } from './io';

/** A progress line for one phase. */
export interface Progress {
  update(done: number, total: number): void;
  /** Clear the line (call before printing anything else). */
  end(): void;
}

/** A progress reporter, or a silent one when progress should not show. */
export function createProgress(io: Io, phase: string, quiet: boolean, unit = 'pairs'): Progress {
  if (quiet || !io.stderrIsTty) return { update: () => undefined, end: () => undefined };
  // The rate counts from the first update: a phase may begin part done (a scan aligns pairs while it still sorts bands).
  let from: { readonly time: number; readonly done: number } | null = null;
  let last = 0;
  let shown = false;
  let shownDone = -1;
  return {
    update(done, total) {
      const now = Date.now();
      from ??= { time: now, done };
      // At most five lines a second, but always the last; never the same count twice.
      if ((now - last < 200 && (done < total || total <= 0)) || done === shownDone) return;
      last = now;
      shownDone = done;
      const seconds = (now - from.time) / 1000;
      // No rate before the phase has run a while, and no ETA without a rate: a first line's "ETA 0 s" would be a guess.
      const rate = seconds > 0 ? (done - from.done) / seconds : null;
      const counted = total > 0 ? `${done}/${total} ${unit}` : `${done} ${unit}`;
      const speed = rate === null ? '' : `, ${rate.toFixed(0)} ${unit}/s`;
      // A total of 0 is unknown (standard input): no total, no ETA.
      const eta = total <= 0 ? '' : done >= total ? ', ETA 0 s' : rate !== null && rate > 0 ? `, ETA ${Math.max(0, (total - done) / rate).toFixed(0)} s` : '';
      const line = `${counted}${speed}${eta}`;
      io.stderr(`\r${phase}: ${line}   `);
      shown = true;
    },
    end() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

/** Progress of a job in phases: one line at a time, a phase's line cleared when the next phase begins. */
export interface PhasedProgress<P extends string> {
  update(phase: P, done: number, total: number): void;
  /** Clear the last line. */
  end(): void;
}

/** {@link createProgress} for each phase in turn; `units`: what each phase counts. */
export function createPhasedProgress<P extends string>(io: Io, quiet: boolean, units: Readonly<Record<P, string>>): PhasedProgress<P> {
  let current: { readonly phase: P; readonly progress: Progress } | null = null;
  return {
    update(phase, done, total) {
      if (current?.phase !== phase) {
        current?.progress.end();
        current = { phase, progress: createProgress(io, phase, quiet, units[phase]) };
      }
      current.progress.update(done, total);
    },
    end() {
      current?.progress.end();
      current = null;
    },
  };
}
