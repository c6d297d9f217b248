/**
 * CommonJS interop. graphology's packages ship CommonJS with `export default` typings: under
 * NodeNext TypeScript types the default import as the module object, while Node hands over
 * `module.exports` itself. This resolves both to the callable.
 */

/** The callable default of a CommonJS module, however the loader exposed it. */
export function cjsDefault<T>(module: T): T extends { default: infer D } ? D : T {
  const candidate = module as { default?: unknown };
  return (candidate.default ?? module) as T extends { default: infer D } ? D : T;
}
