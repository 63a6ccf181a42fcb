/**
 * rnn-jac-spec as a library: the adapter contract, the runner, the property registry, the expected
 * values with their tolerances, and the report writers. The CLI (`rnn-jac-spec`) is built on these.
 * @packageDocumentation
 */
export type * from './contract.js';
export { ACTIVATION_NAMES, CAPABILITIES, DTYPES, FORMS } from './contract.js';
export { loadAdapter, AdapterLoadError } from './adapters/loadAdapter.js';
export { validateAdapter } from './adapters/validateAdapter.js';
export { run, shardOf, targetsOf, RunSetupError, type RunOptions, type Progress } from './runner/run.js';
export type * from './result.js';
export { properties, PROPERTY_IDS } from './property/properties.js';
export type { Property, PropertyId, CheckEnv } from './property/property.js';
export {
  expectedStepJacobian,
  expectedInputJacobian,
  expectedSequenceJacobian,
  expectedParameterGradients,
  expectedForward,
  expectedVjp,
  expectedJvp,
} from './model/expected.js';
export type { Bounded } from './bound/bounded.js';
export { activations, activationByName } from './activation/activations.js';
export { specDocument, type SpecDocument } from './spec/specDocument.js';
export { writeReports, parseFormats, REPORT_FORMATS, type ReportFormat } from './report/writeReports.js';
export { renderGithubAnnotations } from './report/github.js';
export { renderHtml } from './report/html.js';
export { MergeError, mergeReports } from './report/mergeReports.js';
export { goldenVectors, GOLDEN_PROPERTIES, type GoldenFile, type GoldenVector, type GoldenOutput, type GoldenIndex } from './vectors/goldenVectors.js';
export { applyExpectations, expectationNote, failingResults } from './expectations/applyExpectations.js';
export { ExpectationsError, loadExpectations, parseExpectations } from './expectations/parseExpectations.js';
export type { Expectation } from './expectations/expectation.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { renderMarkdown } from './report/markdown.js';
