/**
 * What `npm run calibrate` runs: every real adapter × backend × dtype that runs on this machine, and,
 * for the frameworks, only the property × variant units their committed conformance report passes
 * (a property that fails there is a finding about the framework, not a false failure to calibrate).
 * @packageDocumentation
 */
import type { Dtype } from '../../src/contract.js';

/** One calibration target. */
export interface CalibrationTarget {
  /** Label, e.g. `tfjs cpu float32`; `CALIBRATE_ONLY` selects by substring of it. */ readonly label: string;
  /** `--adapter` and `--backend` (omitted for the reference). */ readonly spec: string;
  readonly backend?: string;
  /** The dtype. */ readonly dtype: Dtype;
  /**
   * The committed conformance report (relative to the repository root) whose passing units are
   * calibrated, and whose `--max-n`, `--max-t` and `--timeout` the calibration keeps.
   */
  readonly report: string;
}

const tfjs = (backend: string): CalibrationTarget => ({
  label: `tfjs ${backend} float32`,
  spec: 'tfjs',
  backend,
  dtype: 'float32',
  report: `reports/conformance/tfjs/4.22.0/${backend}/rnn-jac-spec.json`,
});
const ort = (backend: string, dtype: Dtype): CalibrationTarget => ({
  label: `onnxruntime ${backend} ${dtype}`,
  spec: 'onnxruntime',
  backend,
  dtype,
  report: `reports/conformance/onnxruntime/1.30.0/${backend}/rnn-jac-spec.json`,
});
const jax = (backend: string, dtype: Dtype): CalibrationTarget => ({
  label: `jax-js ${backend} ${dtype}`,
  spec: 'jax-js',
  backend,
  dtype,
  report: `reports/conformance/jax-js/0.1.25/${backend}/rnn-jac-spec.json`,
});
const reference = (dtype: Dtype): CalibrationTarget => ({
  label: `reference ${dtype}`,
  spec: 'reference',
  dtype,
  report: 'reports/conformance/reference/rnn-jac-spec.json',
});

/** Every target, cheapest first. */
export const calibrationTargets: readonly CalibrationTarget[] = [
  reference('float64'),
  reference('float32'),
  tfjs('cpu'),
  tfjs('wasm'),
  tfjs('webgpu'),
  ort('cpu', 'float64'),
  ort('cpu', 'float32'),
  ort('webgpu', 'float32'),
  jax('cpu', 'float64'),
  jax('cpu', 'float32'),
  jax('wasm', 'float64'),
  jax('wasm', 'float32'),
  jax('webgpu', 'float32'),
];
