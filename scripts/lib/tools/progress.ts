/**
 * One progress line per stage: what, how many, how long. With MEKONG_STAGE_LOG set (the
 * benchmark sets it), each stage also appends {stage, start, end, cpu} to that file (epoch
 * ms; cpu in ms), from this process and from the content process it starts.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { StageHooks } from '../model/model';

/**
 * CPU time in ms of this process and of its children that have ended (Linux: cutime and
 * cstime of /proc/self/stat, in ticks of 10 ms), so a stage run by Astro or Pagefind counts.
 */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after "pid (command) ": state is the first, cutime and cstime the 14th and 15th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    // Not Linux: this process only.
  }
  return (own.user + own.system) / 1000 + children;
}

export function progressHooks(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): StageHooks {
  const log = process.env.MEKONG_STAGE_LOG;
  return {
    async stage(name, run, summary) {
      const start = performance.now();
      const cpu = log ? cpuMs() : 0;
      const result = await run();
      const end = performance.now();
      if (log) appendFileSync(log, `${JSON.stringify({ stage: name, start: performance.timeOrigin + start, end: performance.timeOrigin + end, cpu: Math.round(cpuMs() - cpu) })}\n`);
      write(`  ${name.padEnd(11)} ${summary(result).padEnd(48)} ${String(Math.round(end - start)).padStart(6)} ms`);
      return result;
    },
  };
}
