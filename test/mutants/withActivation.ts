/**
 * The reference adapter with its activation kernel replaced in every member: what a framework whose
 * σ or σ' op is wrong returns from every Jacobian, product, gradient and forward pass alike.
 * @packageDocumentation
 */
import { mm, tr } from '../../adapters/reference/linalg.js';
import { refModel, refRun, refStep, type RefModel } from '../../adapters/reference/recurrence.js';
import type { RefActivation } from '../../adapters/reference/functions.js';
import type { ActivationRef, Adapter, Dtype, Form, SequenceCase } from '../../src/contract.js';
import { buggyBptt } from './buggyBptt.js';
import { reference } from './mutant.js';

/** What picks the replacement kernel: the case's activation, dtype and form. */
export interface KernelSite {
  /** The case's activation. */ readonly activation: ActivationRef;
  /** The dtype the kernel computes in. */ readonly dtype: Dtype;
  /** The recurrence. */ readonly form: Form;
}

/** A replacement of σ and σ' for the cases it applies to; undefined keeps the reference's. */
export type KernelSwap = (site: KernelSite) => RefActivation | undefined;

/** The reference adapter named `mutant:<id>`, computing with `swap`'s kernel wherever it gives one. */
export function withActivation(id: string, swap: KernelSwap): () => Adapter {
  return () => {
    const model = (c: Parameters<typeof refModel>[0] & KernelSite): RefModel => {
      const M = refModel(c);
      const act = swap(c);
      return act === undefined ? M : { ...M, act };
    };
    const steps = (c: SequenceCase) => refRun(model(c), c.x0, c.us, c.T);
    return {
      ...reference(),
      name: `mutant:${id}`,
      stepJacobian: (c) => refStep(model(c), c.x, c.u).J,
      inputJacobian: (c) => refStep(model(c), c.x, c.u).Ju,
      vjp: (c, v) => mm(tr(refStep(model(c), c.x, c.u).J, c.n, c.n), v, c.n, c.n, 1, model(c).rd),
      jvp: (c, w) => mm(refStep(model(c), c.x, c.u).J, w, c.n, c.n, 1, model(c).rd),
      forward: (c) => {
        const out = new Float64Array(c.T * c.n);
        for (const [t, s] of steps(c).entries()) out.set(s.next, t * c.n);
        return out;
      },
      sequenceJacobian: (c) => {
        const all = steps(c);
        let P = all[0].J;
        for (let t = 1; t < c.T; t++) P = mm(all[t].J, P, c.n, c.n, c.n, model(c).rd);
        return P;
      },
      parameterGradients: (c) => buggyBptt(c, {}, model(c)),
    };
  };
}
