import { defineConfig } from 'vitest/config';
import SlowSuitesFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // The machines have two cores; the browser suites spend much of their time waiting on Chromium, so
    // two workers keep both cores busy. Test files share a worker's loaded modules instead of loading
    // the engine and server afresh for each file (a third of the run's time): every suite starts its
    // own server over its own data directory, and nothing in the code keeps state between them.
    maxWorkers: 2,
    isolate: false,
    sequence: { sequencer: SlowSuitesFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
