/**
 * The worker thread of offloadExpected.ts: computes the expected values of sequence cases, the
 * suite's O(n³·T) work, so that it runs beside the runner's main thread instead of in it.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { expectedParameterGradients, expectedSequenceJacobian } from './expected.js';
import type { ExpectedJob } from './offloadExpected.js';

parentPort?.on('message', (job: ExpectedJob) => {
  try {
    const value = job.kind === 'sequence-jacobian' ? expectedSequenceJacobian(job.case) : expectedParameterGradients(job.case);
    parentPort?.postMessage({ id: job.id, value });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
