// A worker thread of npm run soak:hostile: asks /api/health every few milliseconds and keeps each answer's
// latency, on a thread of its own so the load the soak generates does not delay the measurement.
import { parentPort, workerData } from 'node:worker_threads';

const { url, everyMs } = workerData;
const latencies = [];
let running = true;
parentPort.on('message', () => {
  running = false;
});
while (running) {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, everyMs));
}
parentPort.postMessage(latencies);
