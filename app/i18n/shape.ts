/** The same keys as T with any strings: how a translation must mirror the Swedish source. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
