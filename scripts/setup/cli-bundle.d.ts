/** The bundled CLI's entry file when the bundle of `root` is current; otherwise undefined. */
export function currentBundle(root?: string): string | undefined;
/** Builds the bundle of `root`'s CLI unless it is current; returns whether it built one. */
export function buildCliBundle(root?: string): Promise<boolean>;
