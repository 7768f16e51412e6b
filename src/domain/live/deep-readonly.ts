/**
 * The read-only view of a shape parsed by a contract schema: zod infers mutable types, while
 * what crosses the wire is never changed in place by either side.
 */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
