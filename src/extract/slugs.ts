const SLUG_MAX = 200;

/** A readable id from a name: "Liu Xiaowu" → "liu-xiaowu"; a name with no Latin letters or digits gets the fallback. */
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 8)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out unique slugs within one namespace: a second "Wu" becomes "wu-2". */
export class SlugAllocator {
  private readonly used = new Set<string>();

  take(name: string, fallback: string): string {
    const base = slugOf(name, fallback);
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    return slug;
  }
}
