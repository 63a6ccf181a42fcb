import type { Dtype } from '../contract.js';

/** What a replay command needs to name. */
export interface ReplaySpec {
  /** `--adapter` as given. */ readonly adapter: string;
  /** `--backend`. */ readonly backend: string | undefined;
  /** The variant. */ readonly variant: string | undefined;
  /** The dtype. */ readonly dtype: Dtype;
  /** The property. */ readonly property: string;
  /** Size limits (the generators depend on them). */ readonly maxN: number;
  readonly maxT: number;
  /** `--opt` values. */ readonly opts: Readonly<Record<string, string>>;
  /** fast-check seed and path of the shrunk case. */ readonly seed: number;
  readonly path: string;
  /** `--timeout` (a timeout failure must replay under the same limit). */ readonly timeoutMs: number;
  /** `--runs`: the path's first step is a case index below it. */ readonly runs: number;
  /** `--isolation`, when not the default. */ readonly isolation?: 'process' | 'none';
}

function quote(s: string): string {
  return /^[\w./:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** One shell command line that reproduces exactly one case. */
export function replayCommand(r: ReplaySpec): string {
  const args = ['npx', 'rnn-jac-spec', '--adapter', r.adapter];
  if (r.backend !== undefined) args.push('--backend', r.backend);
  if (r.variant !== undefined) args.push('--variant', r.variant);
  args.push('--dtype', r.dtype, '--properties', r.property, '--max-n', String(r.maxN), '--max-t', String(r.maxT));
  // --backend already passed it as options.backend.
  for (const [k, v] of Object.entries(r.opts)) if (!(k === 'backend' && r.backend !== undefined)) args.push('--opt', `${k}=${v}`);
  args.push('--runs', String(r.runs), '--timeout', String(r.timeoutMs));
  if (r.isolation === 'none') args.push('--isolation', 'none');
  // One word with '=': a negative seed would otherwise read as an option.
  args.push(`--replay=${r.seed}:${r.path}`);
  return args.map(quote).join(' ');
}
