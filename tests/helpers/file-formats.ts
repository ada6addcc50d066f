/** Strict readers of the export formats, so tests check what a consumer would parse, not substrings. */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlDecode(raw: string): string {
  if (/[<]|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(raw)) throw new Error(`not well-formed: ${raw}`);
  return raw.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+));/g, (_, name: string | undefined, code: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : XML_ENTITIES[name!]!,
  );
}

/** A strict little XML reader: enough to check well-formedness and read GraphML back. */
export function parseXml(xml: string): XmlElement {
  const token = /<\?[^?]*\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 60)}`);
    const [, close, open, attributes, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (text !== undefined) current.text += xmlDecode(text);
    else if (close !== undefined) {
      if (current.name !== close) throw new Error(`</${close}> closes <${current.name}>`);
      stack.pop();
    } else if (open !== undefined) {
      const element: XmlElement = { name: open, attributes: {}, children: [], text: '' };
      for (const [, key, value] of attributes!.matchAll(/([\w:.-]+)="([^"]*)"/g)) element.attributes[key!] = xmlDecode(value!);
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unclosed elements or several roots');
  return root.children[0]!;
}

/** RFC 4180, for reading the files back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the file does not end with a complete record');
  return rows;
}
