/**
 * MinHash over word shingles: two texts' signatures agree in about the
 * fraction of positions that their shingle sets overlap (Jaccard), so a
 * syndicated copy (a wire story with a new headline, a sentence cut) is found
 * without comparing texts, and locality-sensitive bands turn the search into
 * index lookups: documents sharing any band are the only candidates.
 */
export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
// 64 bands of 2: two texts of similarity 0.5 share no band with probability (1 - 0.5^2)^64, about 1e-8.
const ROWS_PER_BAND = 2;
/** Estimated Jaccard similarity at or above which one text is a copy of the other. */
export const COPY_SIMILARITY = 0.5;

const PRIME = 4_294_967_291; // the largest prime below 2^32

/** 32-bit FNV-1a of a string's UTF-16 units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Fixed coefficients (from a seeded generator), so signatures stored years apart still compare. */
const COEFFICIENTS: Array<[number, number]> = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % PRIME;
  };
  return Array.from({ length: SIGNATURE_SIZE }, () => [next() || 1, next()] as [number, number]);
})();

/** (a * x + b) mod p without losing precision: a and x are below 2^32, so split a into 16-bit halves. */
function permute(x: number, [a, b]: [number, number]): number {
  const high = ((a >>> 16) * x) % PRIME;
  const low = ((a & 0xffff) * x) % PRIME;
  return (((high * 65_536) % PRIME) + low + b) % PRIME;
}

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Null for a text too short to have one shingle: it is never called a copy. */
export function signature(text: string): number[] | null {
  const tokens = words(text);
  if (tokens.length < SHINGLE_WORDS) return null;
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i += 1) hashes.add(fnv1a(tokens.slice(i, i + SHINGLE_WORDS).join(' ')));
  return COEFFICIENTS.map((coefficients) => {
    let min = PRIME;
    for (const hash of hashes) {
      const value = permute(hash, coefficients);
      if (value < min) min = value;
    }
    return min;
  });
}

/** The band keys a signature is filed under; two signatures sharing one are candidates. */
export function bands(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let start = 0; start < sig.length; start += ROWS_PER_BAND) keys.push(`${start / ROWS_PER_BAND}:${sig.slice(start, start + ROWS_PER_BAND).join('.')}`);
  return keys;
}

export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}
