/**
 * Offsets count Unicode code points, as most languages other than
 * JavaScript do, so outside tools can compute them without surprise.
 */
export class DocumentText {
  private readonly astral: boolean;
  private codePoints?: string[];

  constructor(readonly text: string) {
    this.astral = /[\uD800-\uDFFF]/.test(text);
  }

  get length(): number {
    return this.astral ? this.points().length : this.text.length;
  }

  slice(start: number, end: number): string {
    return this.astral ? this.points().slice(start, end).join('') : this.text.slice(start, end);
  }

  private points(): string[] {
    this.codePoints ??= Array.from(this.text);
    return this.codePoints;
  }
}
