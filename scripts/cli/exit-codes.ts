/** The exit codes of every command; a leaf module, so that `ariadne --help` loads nothing else. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;
