import { describe, expect, it } from 'vitest';
import { edgeElement, nodeElement } from '../../src/export/graphml-export.js';
import type { EntityRow } from '../../src/export/graph-rows.js';
import { xmlAttribute, xmlText } from '../../src/export/xml-escape.js';

const entity = (overrides: Partial<EntityRow>): EntityRow => ({
  id: 'tom-and-jerry',
  type: 'ORGANIZATION',
  labels: ['Entity', 'Organization'],
  name: 'Tom & Jerry',
  aliases: [],
  aliasText: '',
  description: null,
  title: null,
  category: null,
  startDate: null,
  endDate: null,
  createdAt: null,
  ...overrides,
});

describe('XML escaping', () => {
  it('escapes markup characters', () => {
    expect(xmlText(`<&">'`)).toBe('&lt;&amp;&quot;&gt;&apos;');
    expect(xmlAttribute(`<&">'`)).toBe('&lt;&amp;&quot;&gt;&apos;');
  });

  it('keeps line breaks in text, as references where parsers would normalize them', () => {
    expect(xmlText('a\nb\tc\r\nd')).toBe('a\nb\tc&#13;\nd');
    expect(xmlAttribute('a\nb\tc\r\nd')).toBe('a&#10;b&#9;c&#13;&#10;d');
  });

  it('replaces characters XML 1.0 cannot carry and keeps the rest of Unicode', () => {
    expect(xmlText('bell\u0007 nul\u0000 \uFFFE')).toBe('bell\uFFFD nul\uFFFD \uFFFD');
    expect(xmlText('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(xmlText('Qīngtóngxiá 青铜峡 😀')).toBe('Qīngtóngxiá 青铜峡 😀');
  });
});

describe('GraphML elements', () => {
  it('writes a node with its present properties, aliases joined with "; "', () => {
    const xml = nodeElement(entity({ aliases: ['T&J', 'Cat "and" mouse'], category: 'media' }));
    expect(xml).toContain('<node id="tom-and-jerry">');
    expect(xml).toContain('<data key="n_label">Tom &amp; Jerry</data>');
    expect(xml).toContain('<data key="n_aliases">T&amp;J; Cat &quot;and&quot; mouse</data>');
    expect(xml).toContain('<data key="n_category">media</data>');
    expect(xml).not.toContain('n_title');
  });

  it('writes a directed edge with its type as label', () => {
    const xml = edgeElement({ id: 'a-b', type: 'MEMBER_OF', from: 'a', to: 'b', role: '<lead>', startDate: '2021', endDate: null });
    expect(xml).toContain('<edge id="a-b" source="a" target="b">');
    expect(xml).toContain('<data key="e_label">MEMBER_OF</data>');
    expect(xml).toContain('<data key="e_role">&lt;lead&gt;</data>');
    expect(xml).not.toContain('e_endDate');
  });
});
