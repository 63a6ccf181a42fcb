/** A case as plain JSON: typed arrays become number arrays, so reports and replays can show it. */
export function serializeCase(kase: unknown, variant: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kase as Record<string, unknown>)) {
    out[k] = ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
  }
  if (variant !== undefined) out.variant = variant;
  return out;
}
