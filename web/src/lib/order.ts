/** Orders strings by their code units, as `<` does (not by locale): the order of keys and ids. */
export function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
