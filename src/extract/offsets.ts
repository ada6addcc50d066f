/**
 * CoreNLP and JavaScript count UTF-16 code units; bundle offsets count code
 * points (docs/bundle-format.md), so a name after an emoji or a CJK
 * extension character would be off by one per astral character before it.
 */
export class CodePointOffsets {
  private readonly byUnit: Int32Array;

  constructor(text: string) {
    this.byUnit = new Int32Array(text.length + 1);
    let points = 0;
    for (let unit = 0; unit < text.length; unit++) {
      this.byUnit[unit] = points;
      const code = text.charCodeAt(unit);
      // A high surrogate and its low surrogate make one code point: count it at the low half.
      const pairStart = code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1));
      if (!pairStart) points++;
    }
    this.byUnit[text.length] = points;
  }

  /** The code-point offset of a UTF-16 offset. */
  of(unit: number): number {
    return this.byUnit[Math.max(0, Math.min(unit, this.byUnit.length - 1))]!;
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
