/**
 * Preloaded by `npm run bench` into the offline run it measures (`node --import`): when the
 * process exits, writes its peak resident memory (bytes) to the file named by
 * SLA_BENCH_PEAK_FILE. Pure Node (process.resourceUsage), so the figure is the process's own.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.SLA_BENCH_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
