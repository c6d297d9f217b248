/** The bundled CLI's entry file when the bundle of `root` is current; otherwise undefined. */
export function currentBundle(root?: string): string | undefined;
/** Builds the bundle of `root`'s CLI unless it is current; returns whether it built one. */
export function buildCliBundle(root?: string): Promise<boolean>;
/** Bundles `entries` (output name -> path from `root`) into `outdir`; returns the inputs used. */
export function bundle(root: string, entries: Record<string, string>, outdir: string): Promise<string[]>;
/** Loads a worker thread's module from the current bundle, or its TypeScript source through tsx. */
export function loadWorker(name: string, source: string, root?: string): Promise<unknown>;
