/**
 * What a run's adapter did not declare, in words, one line per dtype or target: the reports and the
 * summary list it, since no case drew it and a green run says nothing about it.
 * @packageDocumentation
 */
import type { NotDeclared } from '../result.js';

/** The heading every report puts above {@link notDeclaredLines}. */
export const NOT_DECLARED_HEADING = 'Not declared by the adapter, so not tested';

/**
 * One line per dtype the adapter does not compute in (`float32: the adapter does not compute in it`)
 * and per target whose cases could not draw some activations or forms
 * (`grads float64: activations elu, gelu; forms elman`); empty when it declared everything.
 */
export function notDeclaredLines(nd: NotDeclared | undefined): string[] {
  if (nd === undefined) return [];
  return [
    ...nd.dtypes.map((d) => `${d}: the adapter does not compute in it`),
    ...nd.targets.map((t) => {
      if (t.notComputed === true) return `${t.variant !== undefined ? `${t.variant} ` : ''}${t.dtype}: the variant does not compute in it`;
      const parts = [
        ...(t.activations.length > 0 ? [`activation${t.activations.length > 1 ? 's' : ''} ${t.activations.join(', ')}`] : []),
        ...(t.forms.length > 0 ? [`form${t.forms.length > 1 ? 's' : ''} ${t.forms.join(', ')}`] : []),
      ];
      return `${t.variant !== undefined ? `${t.variant} ` : ''}${t.dtype}: ${parts.join('; ')}`;
    }),
  ];
}
