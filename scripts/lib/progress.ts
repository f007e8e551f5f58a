/**
 * One progress line per stage: what, how many, how long. With MEKONG_STAGE_LOG set (the
 * benchmark sets it), each stage also appends {stage, start, end} (epoch ms) to that file,
 * from this process and from the content process it starts.
 */
import { appendFileSync } from 'node:fs';
import type { StageHooks } from './model';

export function progressHooks(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): StageHooks {
  const log = process.env.MEKONG_STAGE_LOG;
  return {
    async stage(name, run, summary) {
      const start = performance.now();
      const result = await run();
      const end = performance.now();
      if (log) appendFileSync(log, `${JSON.stringify({ stage: name, start: performance.timeOrigin + start, end: performance.timeOrigin + end })}\n`);
      write(`  ${name.padEnd(11)} ${summary(result).padEnd(48)} ${String(Math.round(end - start)).padStart(6)} ms`);
      return result;
    },
  };
}
