/**
 * CommonJS interop. graphology's packages ship CommonJS with `export default` typings: under NodeNext
 * TypeScript types the default import as the module object, while Vite hands over `module.exports`.
 * This resolves both to the callable or class.
 */

/** The default export of a CommonJS module, however the bundler exposed it. */
export function cjsDefault<T>(module: T): T extends { default: infer D } ? D : T {
  const candidate = module as { default?: unknown };
  return (candidate.default ?? module) as T extends { default: infer D } ? D : T;
}
