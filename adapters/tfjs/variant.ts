/**
 * What each tfjs variant (AD entry point) implements: every capability of the contract but the JVP (tfjs has no forward mode), computed
 * by tfjs's autodiff and read back as float32.
 */
import type { LossCase, ParameterGradients, SequenceCase, StepCase } from '../../src/contract.js';

/** One AD entry point of tfjs, with every capability the adapter offers. */
export interface TfjsVariant {
  stepJacobian(c: StepCase): Promise<Float32Array>;
  inputJacobian(c: StepCase): Promise<Float32Array>;
  sequenceJacobian(c: SequenceCase): Promise<Float32Array>;
  parameterGradients(c: LossCase): Promise<ParameterGradients>;
  vjp(c: StepCase, v: Float64Array): Promise<Float32Array>;
  forward(c: SequenceCase): Promise<Float32Array>;
}
