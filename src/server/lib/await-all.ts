/**
 * `Promise.all` over an object: the requests run together and each value comes back under the
 * name it was asked by, so a long list of reads is named once, not once per side of a tuple.
 */
export async function awaitAll<T extends Record<string, unknown>>(promises: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const entries = await Promise.all(
    Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const),
  );
  return Object.fromEntries(entries) as T;
}
