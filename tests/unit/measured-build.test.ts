/** The benchmark report's tables of each stage's CPU time and peak memory (issue 23). */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scaleTargets, stageTables, treeRssKB } from '../../scripts/lib/tools/measured-build';

describe('stageTables', () => {
  test('a row per scale and a column per stage, CPU time in seconds and peak memory in MB', () => {
    const lines = stageTables([
      { scale: 1, stages: [{ stage: 'content', ms: 1100, cpuMs: 1234, peakMB: 300 }, { stage: 'site', ms: 6400, cpuMs: 8051, peakMB: 780 }] },
      { scale: 10, stages: [{ stage: 'content', ms: 4200, cpuMs: 5000, peakMB: 640 }, { stage: 'site', ms: 33100, cpuMs: 40960, peakMB: 1080 }] },
    ]);
    expect(lines).toContain('| scale | content | site |');
    expect(lines).toContain('| 1× | 1.2 s | 8.1 s |');
    expect(lines).toContain('| 10× | 5.0 s | 41.0 s |');
    expect(lines).toContain('| 1× | 300 MB | 780 MB |');
    expect(lines).toContain('| 10× | 640 MB | 1080 MB |');
    expect(lines.filter((l) => l.startsWith('| scale |'))).toHaveLength(2);
  });

  test('nothing for a run without scales (the reader run)', () => {
    expect(stageTables([])).toEqual([]);
  });
});

describe('scaleTargets', () => {
  const stage = (name: string, ms: number, peakMB = 100) => ({ stage: name, ms, cpuMs: ms, peakMB });
  const r10 = { scale: 10, totalMs: 50_000, peakMB: 1080, stages: [stage('content', 4200), stage('site', 33_100), stage('search', 4350)] };
  const r100 = { scale: 100, totalMs: 498_600, peakMB: 4863, stages: [stage('content', 36_700), stage('site', 321_200), stage('search', 56_200)] };

  test('says each of issue 23’s figures at 100×, met or missed and by how much', () => {
    const lines = scaleTargets([r10, r100]).join('\n');
    expect(lines).toContain('total 498.6 s: missed, 198.6 s over 300 s');
    expect(lines).toContain('peak memory 4863 MB: missed, 2815 MB over 2048 MB');
    expect(lines).toContain('search 12.92 (over by 1.92)');
    expect(lines).not.toMatch(/content \d/u);
  });

  test('a met figure says so', () => {
    const fast = { ...r100, totalMs: 290_000, peakMB: 1900, stages: [stage('content', 36_700), stage('site', 300_000), stage('search', 40_000)] };
    const lines = scaleTargets([r10, fast]).join('\n');
    expect(lines).toContain('total 290.0 s: met (at most 300 s)');
    expect(lines).toContain('peak memory 1900 MB: met (at most 2048 MB)');
    expect(lines).toContain('every stage at most 11 times its 10× time: met');
  });

  test('nothing without both 10× and 100×', () => {
    expect(scaleTargets([r10])).toEqual([]);
  });
});

describe('treeRssKB', () => {
  /** Resident memory of one process, in KB, from its status. */
  const ownRssKB = (pid: number) => Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

  test('counts a process and its descendants, a grandchild started by a worker thread included', async () => {
    // The child starts, from a worker thread, a grandchild that fills 150 MB and reports its pid.
    const grandchild = `const b = Buffer.alloc(150e6, 1); console.log(process.pid); setInterval(() => b[0]++, 1000);`;
    const worker = `const { spawn } = require('node:child_process'); spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', `new (require('node:worker_threads').Worker)(${JSON.stringify(worker)}, { eval: true }); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let grandPid: number | undefined;
    try {
      grandPid = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
      const tree = treeRssKB(child.pid!);
      expect(ownRssKB(grandPid)).toBeGreaterThan(150_000);
      expect(tree).toBeGreaterThanOrEqual(ownRssKB(grandPid) + ownRssKB(child.pid!) - 2048);
      expect(treeRssKB(grandPid)).toBeLessThan(tree);
    } finally {
      if (grandPid) process.kill(grandPid, 'SIGKILL');
      process.kill(child.pid!, 'SIGKILL');
    }
  });

  test('0 for a process that is gone', () => {
    expect(treeRssKB(2 ** 22 + 1)).toBe(0);
  });
});
