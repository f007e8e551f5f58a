/** One progress line per stage: what, how many, how long. */
import type { StageHooks } from './model';

export function progressHooks(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): StageHooks {
  return {
    async stage(name, run, summary) {
      const start = performance.now();
      const result = await run();
      const ms = Math.round(performance.now() - start);
      write(`  ${name.padEnd(11)} ${summary(result).padEnd(48)} ${String(ms).padStart(6)} ms`);
      return result;
    },
  };
}
