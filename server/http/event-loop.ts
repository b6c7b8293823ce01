/**
 * How long the event loop was held up, logged once a period: every request waits behind whatever runs
 * on it, so a slow maximum here means some work belongs in the work pool. The figures are
 * perf_hooks' event-loop delay histogram (10 ms resolution), in milliseconds, reset after each line.
 */

import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from '../logger.js';

export function logEventLoopDelay(logger: Logger, everySeconds: number): () => void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    logger.info('event loop', {
      seconds: everySeconds,
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
    });
    histogram.reset();
  }, everySeconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}
