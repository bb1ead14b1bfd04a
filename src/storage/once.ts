/** Made at first use, then the same one: a module's ports cost nothing until something asks for them. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
