/** How many cases the runner keeps under way: enough of the adapter's calls to cover its own slow cases, few when calls are slow. */
import { describe, expect, it } from 'vitest';
import { MAX_PIPELINE_DEPTH, MIN_PIPELINE_DEPTH, PIPELINE_COVER_MS, pipelineDepth } from '../../src/runner/runProperty.js';

describe('pipelineDepth', () => {
  it('starts at the minimum before any call has been timed', () => {
    expect(pipelineDepth(undefined)).toBe(MIN_PIPELINE_DEPTH);
    expect(pipelineDepth(0)).toBe(MIN_PIPELINE_DEPTH);
    expect(pipelineDepth(Number.NaN)).toBe(MIN_PIPELINE_DEPTH);
  });
  it('covers PIPELINE_COVER_MS of calls, within its bounds', () => {
    expect(pipelineDepth(PIPELINE_COVER_MS / 5)).toBe(5);
    expect(pipelineDepth(0.01)).toBe(MAX_PIPELINE_DEPTH);
    expect(pipelineDepth(1000)).toBe(MIN_PIPELINE_DEPTH);
  });
});
