// Starts @jax-js/jax on a device for the standalone repro scripts (no rnn-jac-spec code): Node 20's
// missing Float16Array (jax-js tests `instanceof Float16Array`; see adapters/jax-js/jax.ts), and for
// webgpu Dawn's navigator.gpu as Node ≥ 21 and browsers have it.
export async function jaxOn(device) {
  // biome-ignore lint/complexity/noStaticOnlyClass: a stand-in constructor that no value is an instance of (Node 20 has no Float16Array)
  globalThis.Float16Array ??= class {
    static [Symbol.hasInstance]() {
      return false;
    }
  };
  if (device === 'webgpu') {
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    globalThis.navigator ??= { userAgent: `Node.js/${process.versions.node}` };
    globalThis.navigator.gpu ??= create([]);
  }
  const jax = await import('@jax-js/jax');
  await jax.init(device);
  jax.defaultDevice(device);
  return jax;
}
