// A one-line progress display on stderr for long runs in a terminal: files done of total and
// files changed so far, redrawn at most ten times a second and erased at the end. Never shown
// when stderr is not a terminal, in CI, with --quiet, or for runs that finish quickly.
export interface Progress {
  done(changed: boolean): void;
  /** Erases the line so a message can be printed; the next file redraws it. */
  clear(): void;
  finish(): void;
}

const SILENT: Progress = { done() {}, clear() {}, finish() {} };
const REDRAW_MS = 100;

export function progressFor(total: number, stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, quiet: boolean): Progress {
  if (quiet || !stream.isTTY || env.CI || env.TERM === "dumb") return SILENT;
  // Runs shorter than this never show progress (a flash of text helps nobody); tests set it to 0.
  const delay = Number(env.PYCODEMOD_PROGRESS_DELAY_MS ?? 500);
  const started = Date.now();
  let done = 0;
  let changed = 0;
  let drawn = 0;
  let shown = false;
  const draw = () => {
    const now = Date.now();
    if (now - started < delay || now - drawn < REDRAW_MS) return;
    drawn = now;
    shown = true;
    stream.write(`\r\x1b[Kpycodemod: ${done}/${total} files, ${changed} changed`);
  };
  return {
    done(wasChanged) {
      done++;
      if (wasChanged) changed++;
      draw();
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
      drawn = 0;
    },
    finish() {
      this.clear();
    },
  };
}
