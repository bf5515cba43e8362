import type { WireError } from './errors.ts';

/** Every command is acknowledged with its result or a typed refusal. */
export type Ack<T> = { data: T } | { error: WireError };
export type AckCallback<T> = (result: Ack<T>) => void;
