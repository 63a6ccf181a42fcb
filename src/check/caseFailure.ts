import type { CaseFailureData } from '../result.js';

/** Thrown by a property when a case fails; fast-check shrinks on it, the runner reports its data. */
export class CaseFailure extends Error {
  /** What went wrong, for reports. */
  readonly data: CaseFailureData;

  /** @param data - the failure, as reports show it */
  constructor(data: CaseFailureData) {
    super(data.summary);
    this.name = 'CaseFailure';
    this.data = data;
  }
}
