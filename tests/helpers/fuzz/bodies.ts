import fc from 'fast-check';

/** Request bodies: JSON text that fast-check prints in short. */

/** Long bodies are shown by their ends, so a counterexample stays readable. */
export function preview(text: string): string {
  return text.length <= 600
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, 300))} … (${text.length} characters) … ${JSON.stringify(text.slice(-200))}`;
}

/** A request body, printed in short by fast-check. */
export interface Body {
  readonly text: string;
}

export function bodyOf(text: string): Body {
  return { text, [fc.toStringMethod]: () => preview(text) } as Body;
}

/** JSON text spliced in as is: nesting deep enough to overflow JSON.stringify on our side still reaches the server. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}

  [fc.toStringMethod](): string {
    return this.label;
  }
}

export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => (item instanceof RawJson ? `\u0000raw${raws.push(item.text) - 1}\u0000` : item));
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!);
}

export const asBody = (query: string, variables: unknown = {}, operationName?: unknown) => bodyOf(JSON.stringify({ query, variables, operationName }));
