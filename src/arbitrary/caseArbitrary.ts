import fc from 'fast-check';
import type { CaseDraw } from './caseDraw.js';
import { addsKinkPoint, kinkPoints, onKink } from './kinkGuard.js';
import { SHRINK_START, shrinkDraw, type ShrinkCursor, type ShrinkLimits } from './shrinkDraw.js';

/** Constraints of a {@link CaseArbitrary}: how far its cases shrink, and whether they avoid kinks. */
export interface CaseArbitraryConstraints extends Omit<ShrinkLimits, 'entries'> {
  /** Reject shrink candidates that move a point where σ' is taken onto a kink (all but RJS-KINK). */
  readonly offKinks: boolean;
}

/** The context of a generated or shrunk case: the draw it came from, and where its shrink stream starts. */
export interface DrawContext {
  readonly draw: CaseDraw;
  readonly cursor: ShrinkCursor;
}

function isDrawContext(c: unknown): c is DrawContext {
  return typeof c === 'object' && c !== null && 'draw' in c && 'cursor' in c;
}

/**
 * A case generator: draws a whole case from the random source in O(its entries), and shrinks it as a
 * whole (RJS-GEN-8, {@link shrinkDraw}): a failure found at n = 64 shrinks by leading blocks, keeping
 * the values that made it fail, instead of drawing fresh ones at every smaller n (as `chain` would).
 * A fast-check Arbitrary, so `fc.assert` and `fc.sample` work on it; the runner calls
 * {@link CaseArbitrary.candidates} to shrink sizes only for failures that do not depend on values.
 */
export class CaseArbitrary<C> extends fc.Arbitrary<C> {
  constructor(
    private readonly drawCase: (mrng: fc.Random) => CaseDraw,
    private readonly finish: (d: CaseDraw) => C,
    private readonly limits: CaseArbitraryConstraints,
  ) {
    super();
  }

  override generate(mrng: fc.Random): fc.Value<C> {
    const draw = this.drawCase(mrng);
    return new fc.Value(this.finish(draw), { draw, cursor: SHRINK_START } satisfies DrawContext);
  }

  override canShrinkWithoutContext(_value: unknown): _value is C {
    return false;
  }

  override shrink(_value: C, context: unknown): fc.Stream<fc.Value<C>> {
    if (!isDrawContext(context)) return fc.Stream.nil();
    return new fc.Stream(this.candidates(context, true));
  }

  /**
   * The shrink candidates of a case, in order, as values with their contexts; with `entries` false
   * only the sizes, the activation and whole fields shrink (a throw rarely depends on the values).
   * A kink case (not `offKinks`) keeps a state on a kink (RJS-GEN-7).
   */
  *candidates(context: DrawContext, entries: boolean): Generator<fc.Value<C>> {
    const parent = this.limits.offKinks ? kinkPoints(context.draw) : undefined;
    const keepKink = !this.limits.offKinks && onKink(context.draw);
    for (const [draw, cursor] of shrinkDraw(context.draw, context.cursor, { ...this.limits, entries })) {
      if (parent !== undefined && addsKinkPoint(parent, kinkPoints(draw))) continue;
      if (keepKink && !onKink(draw)) continue;
      yield new fc.Value(this.finish(draw), { draw, cursor } satisfies DrawContext);
    }
  }
}
