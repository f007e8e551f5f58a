/** The benchmark report's tables of each stage's CPU time and peak memory (issue 23). */
import { describe, expect, test } from 'vitest';
import { stageTables } from '../../scripts/lib/tools/measured-build';

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
