import { BUILTIN_NAMES, builtinAdapters } from '../adapters/builtinAdapters.js';
import { specDocument } from '../spec/specDocument.js';
import { DEFAULTS } from './cliOptions.js';

/** The --help text. */
export function usage(): string {
  return `Usage: rnn-jac-spec --adapter NAME|PATH [options]
       rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]
       rnn-jac-spec vectors --out DIR [--seed S]   (golden vectors for frameworks outside Node)

Checks that an autodiff framework computes the Jacobians of a recurrent network as the spec says
(specs/SPEC.md): one-step, input and sequence Jacobians, BPTT gradients, VJP/JVP, forward states.

  --adapter, -a NAME|PATH  built-in adapter (${BUILTIN_NAMES.join(', ')}) or the path of a module
                           whose default export is an adapter factory
  --backend B              backend / execution provider, passed to the adapter; built-in ones:
${BUILTIN_NAMES.map((n) => `                             ${n}: ${builtinAdapters[n].backends.join(', ')}`).join('\n')}
  --variant V              only this AD entry point (default: every variant the adapter declares)
  --dtype float32|float64  only this dtype (default: every dtype the adapter declares)
  --properties, -p a,b     properties to run (default: all; see --list)
  --runs N                 cases per property and target (default ${DEFAULTS.runs})
  --seed S                 fast-check seed (default ${DEFAULTS.seed}: runs are deterministic)
  --replay SEED:PATH       replay one case, as printed in a failure's "Replay:" line
  --max-n N                largest hidden size n (default ${DEFAULTS.maxN})
  --max-t T                largest sequence length T (default ${DEFAULTS.maxT})
  --report DIR             where reports go (default ${DEFAULTS.report}/)
  --format LIST            report formats: json,junit,md,html,github (default ${DEFAULTS.format});
                           github prints GitHub Actions annotations on stdout
  --timeout MS             per adapter call (default ${DEFAULTS.timeoutMs})
  --max-shrinks N          most cases checked while shrinking a failure (default ${DEFAULTS.maxShrinks})
  --time-budget D          the whole run may take D (90s, 15m, 1h): each unit gets an equal share
                           of what is left and stops after the cases it checked in it
  --unit-time-budget D     each property × target may take D
  --expectations FILE      known failures (JSON): they no longer fail the run, and one that
                           passes does
  --expectations ADAPTER   the file shipped for the installed version of a built-in adapter's
                           framework (--expectations tfjs: the known failures of the committed
                           conformance reports); exit 2 when none is shipped for that version
  --shard i/N              run the i-th of N deterministic parts (property × target units dealt
                           round-robin); 'merge' puts the N JSON reports back together and fails
                           on overlaps and gaps
  --jobs N                 run the N shards in N processes at once and merge them: the same
                           results as one process, in less wall time on N cores (default 1)
  --opt key=value          adapter option (repeatable)
  --list                   list properties, built-in adapters and activations
  --help, -h               this text
  --version, -v            the version

Examples:
  rnn-jac-spec --adapter tfjs --backend wasm
  rnn-jac-spec --adapter onnxruntime --properties step-jacobian,adjoint --dtype float32 --runs 1000
  rnn-jac-spec --adapter ./my-adapter.mjs --format json,junit,github --report reports/rnn

Exit codes: 0 every applicable property passed (or failed as --expectations expects); 1 a
property failed, or an expected failure passed; 2 bad usage, a malformed expectation file or an
adapter that cannot load (the message says what to do).
`;
}

/** The --list text. */
export function listing(): string {
  const spec = specDocument();
  const w = Math.max(...spec.properties.map((p) => p.id.length));
  const props = spec.properties.map((p) => `  ${p.id.padEnd(w)}  ${p.rule.padEnd(10)} ${p.title}: ${p.formula}`).join('\n');
  const adapters = Object.entries(builtinAdapters)
    .map(([k, a]) => `  ${k}: ${a.description}${a.requires.length > 0 ? ` (needs ${a.requires.join(', ')})` : ''}`)
    .join('\n');
  const acts = spec.activations.map((a) => `  ${a.name}${a.params.length > 0 ? `(${a.params.map((p) => p.name).join(', ')})` : ''}: σ = ${a.sigma}`).join('\n');
  return `Properties (spec ${spec.specVersion}):\n${props}\n\nBuilt-in adapters:\n${adapters}\n\nActivations:\n${acts}\n`;
}
