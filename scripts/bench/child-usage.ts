/**
 * Preloaded (`node --require`) into each command the scan benchmark runs: when the command
 * exits, its peak resident memory and CPU time are written to the file named by
 * SPECREADY_BENCH_USAGE. Portable and needs no root, unlike GNU time, which is not always installed.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.SPECREADY_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report = { maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    writeFileSync(target, JSON.stringify(report));
  });
}
