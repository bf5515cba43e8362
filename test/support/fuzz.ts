// Deterministic hostile input for the fuzz tests: a seeded generator (a failure replays with the same seed) and
// mutations of real payloads, the shapes an attacker would try first (wrong types, missing and extra fields, huge and
// deep values, prototype keys, NUL characters, binary where text belongs).

/** Deterministic, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const STRINGS = ['', ' ', 'a\u0000b', '\u0000', '๐'.repeat(5000), 'x'.repeat(70_000), '__proto__', '=cmd|\' /C calc\'!A0', '<script>alert(1)</script>', '-1', '1e309', 'null', '{}'];
const NUMBERS = [0, -1, 1.5, -0.0001, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, 1e21, 123_456_789_012];

/** A value of any kind a client could send. */
export function randomValue(random: Random, depth = 0): unknown {
  switch (Math.floor(random() * (depth > 3 ? 6 : 9))) {
    case 0:
      return pick(random, STRINGS);
    case 1:
      return pick(random, NUMBERS);
    case 2:
      return pick(random, [true, false, null]);
    case 3:
      return Math.floor(random() * 1e6).toString(36);
    case 4:
      return Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256));
    case 5:
      return Math.floor(random() * 1e12);
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    case 7: {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 60; i++) deep = { inner: deep };
      return deep;
    }
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(random, ['projectId', 'toBaht', 'constructor', '__proto__', 'x', 'view', 'kind']), randomValue(random, depth + 1)]));
  }
}

/** A real payload with one to three things wrong with it (or, now and then, a value of another kind altogether). */
export function mutatePayload(random: Random, base: Record<string, unknown>): unknown {
  if (random() < 0.1) return randomValue(random);
  const mutated: Record<string, unknown> = { ...base };
  const keys = Object.keys(base);
  const steps = 1 + Math.floor(random() * 3);
  for (let i = 0; i < steps; i++) {
    const key = keys.length && random() < 0.8 ? pick(random, keys) : pick(random, ['extra', '__proto__', 'constructor', 'seq']);
    const action = random();
    if (action < 0.2) delete mutated[key];
    else if (action < 0.3 && typeof mutated[key] === 'string') mutated[key] = `${mutated[key] as string}\u0000`;
    else mutated[key] = randomValue(random);
  }
  return mutated;
}
