/**
 * `import { defineRnnJacobianSuite } from 'rnn-jac-spec/vitest'`: the spec's properties as vitest
 * tests (needs vitest and @fast-check/vitest next to it).
 * @packageDocumentation
 */
export { defineRnnJacobianSuite, type RnnJacobianSuiteOptions } from './defineRnnJacobianSuite.js';
