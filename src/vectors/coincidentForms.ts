import type { ActivationName, Form } from '../contract.js';
import type { WrongForm } from '../diagnosis/wrongForm.js';
import type { GoldenFileName } from './goldenFiles.js';

/** Wrong forms that equal the right value on every case of an activation (and recurrence form). */
interface Coincidence {
  readonly activation: ActivationName;
  /** Only in this golden file; every file when absent. */ readonly file?: GoldenFileName;
  /** Only for this recurrence form; every form when absent. */ readonly form?: Form;
  /** The form IDs. */ readonly ids: readonly string[];
  /** Only forms whose formula matches; every formula when absent. */ readonly formula?: RegExp;
  /** Why no case can tell them from the right value. */ readonly reason: string;
}

/**
 * The only exceptions to "every vector rejects every wrong form": forms that no case of the vector's
 * activation can tell apart from the right value. test/vectors/wrongForms.test.ts checks that each is
 * indeed passed by every vector it covers, so that the list never hides a form a vector could reject.
 */
const COINCIDENCES: readonly Coincidence[] = [
  {
    activation: 'identity',
    ids: [
      'no-activation-derivative',
      'diag-wrong-side',
      'derivative-at-next-state',
      'derivative-at-previous-state',
      'derivative-of-output',
      'reversed-product-order',
      'tape-one-step-off',
      'wrong-form',
      'pre-activation-states',
    ],
    reason:
      "σ(x) = x and σ' ≡ 1: where σ' is taken, whether it is taken, which side of W it scales, which step's Jacobian (all are W) and in which order, and the three recurrence forms make no difference",
  },
  {
    activation: 'identity',
    file: 'input-jacobian',
    ids: ['transpose-W'],
    reason: "σ' ≡ 1: ∂x_t/∂u_t = U whatever pre-activation σ' is taken at, so a W transposed in the forward pass does not reach it",
  },
  {
    activation: 'relu',
    ids: ['wrong-activation-derivative'],
    formula: /σ = (leakyRelu|elu)\)?/,
    reason: "leakyRelu and elu with relu's alpha (0) are relu",
  },
  {
    activation: 'relu',
    form: 'elman',
    ids: ['derivative-of-output'],
    reason: "σ'(σ(a)) = σ'(a) for a > 0, and for a < 0 σ(a) = 0 is relu's kink, where every subgradient in [0, 1], the right 0 included, is accepted",
  },
  {
    activation: 'leakyRelu',
    form: 'elman',
    ids: ['derivative-of-output'],
    reason: "σ(a) has the sign of a and σ' is constant on each side of 0, so σ'(σ(a)) = σ'(a)",
  },
];

/**
 * Why the wrong form coincides with the right value on every case of the file like `c` (its
 * activation and recurrence form), or undefined when some case can reject it.
 */
export function coincidence(
  file: GoldenFileName,
  c: { readonly activation: { readonly name: string }; readonly form: Form },
  f: WrongForm,
): string | undefined {
  const hit = COINCIDENCES.find(
    (k) =>
      k.activation === c.activation.name &&
      (k.file === undefined || k.file === file) &&
      (k.form === undefined || k.form === c.form) &&
      k.ids.includes(f.id) &&
      (k.formula === undefined || k.formula.test(f.formula)),
  );
  return hit?.reason;
}
