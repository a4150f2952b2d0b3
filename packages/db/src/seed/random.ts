/**
 * Seeded randomness for the demo data. Same seed, same data — on any machine.
 *
 * The generator is sfc32 rather than mulberry32: mulberry32 has only 2^32 states, so two
 * streams seeded differently walk the same cycle from different offsets and, at a million
 * conversations, would repeat each other's uuids. sfc32 has 128 bits of state.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** 32-bit hash of a few values (FNV-1a over their text, then murmur3's finaliser). */
export function hash32(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(word: number): string {
  return (
    HEX[(word >>> 24) & 0xff]! +
    HEX[(word >>> 16) & 0xff]! +
    HEX[(word >>> 8) & 0xff]! +
    HEX[word & 0xff]!
  );
}

function hex16(word: number): string {
  return HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

/** Formats 128 random bits as a version-4, RFC 4122 variant uuid. */
export function formatUuid(w0: number, w1: number, w2: number, w3: number): string {
  return `${hex32(w0)}-${hex16(w1 >>> 16)}-${hex16((w1 & 0x0fff) | 0x4000)}-${hex16(((w2 >>> 16) & 0x3fff) | 0x8000)}-${hex16(w2)}${hex32(w3)}`;
}

/**
 * A uuid that is a pure function of its inputs, so rows can be referred to before they exist.
 * Its first 32 bits count up with the index from a random start (as in UUIDv7 or ULIDs), so
 * bulk inserts append to the primary-key index instead of touching a random page per row —
 * that keeps a million-conversation seed fast. Unique for indexes below 2^31.
 */
export function uuidFor(seed: number, kind: string, index: number): string {
  const start = hash32(seed, kind, 'start') & 0x7fffffff;
  const base = hash32(seed, kind, index);
  return formatUuid(
    (start + index) >>> 0,
    fmix32(base + 0x7f4a7c15),
    fmix32(hash32(index, kind, seed) ^ 0x85ebca6b),
    fmix32(hash32(kind, index, seed, 'lo')),
  );
}

/** Uuids taken in order, counting up like `uuidFor`; for rows numbered as they are made. */
export class UuidSequence {
  private next: number;

  constructor(private readonly random: Random) {
    this.next = random.uint32() & 0x7fffffff;
  }

  take(): string {
    const first = this.next;
    this.next = (this.next + 1) >>> 0;
    return formatUuid(first, this.random.uint32(), this.random.uint32(), this.random.uint32());
  }
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` names an independent sequence for the same seed (e.g. 'contacts', 'users'). */
  constructor(seed: number, stream: string | number = '') {
    this.a = hash32(seed, stream, 'a');
    this.b = hash32(seed, stream, 'b');
    this.c = hash32(seed, stream, 'c');
    this.d = 1;
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the entries, with probability proportional to its weight. */
  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  uuid(): string {
    return formatUuid(this.uint32(), this.uint32(), this.uint32(), this.uint32());
  }

  /** Random text from an alphabet, e.g. ids and booking codes. */
  token(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  digits(length: number): string {
    return this.token(length, '0123456789');
  }
}

/** Precomputed cumulative weights, for choices made millions of times. */
export function weightedPicker<T>(entries: Weighted<T>): (random: Random) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const roll = random.next() * total;
    for (let i = 0; i < cumulative.length; i += 1) if (roll < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}

/**
 * A bijection on [0, 2^30): distinct indexes give distinct, random-looking results, so booking
 * references never collide however many bookings there are.
 */
export function scramble30(index: number, seed: number): number {
  const mask = 0x3fffffff;
  let x = (index ^ (hash32(seed, 'scramble') & mask)) & mask;
  x = Math.imul(x, 0x2c9277b5) & mask;
  x ^= x >>> 15;
  x = Math.imul(x, 0x1b873593) & mask;
  x ^= x >>> 13;
  return x & mask;
}
