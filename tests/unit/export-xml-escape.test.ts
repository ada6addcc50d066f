import { describe, expect, it } from 'vitest';
import { edgeElement, GRAPHML_HEADER, nodeElement } from '../../src/export/graphml-export.js';
import type { EntityRow, ReportMethods } from '../../src/export/graph-rows.js';
import { xmlAttribute, xmlText } from '../../src/export/xml-escape.js';

const HAND_MADE: ReportMethods = { methods: ['manual'], rules: [], confidence: null };

const entity = (overrides: Partial<EntityRow & ReportMethods>): EntityRow & ReportMethods => ({
  id: 'tom-and-jerry',
  type: 'ORGANIZATION',
  labels: ['Entity', 'Organization'],
  name: 'Tom & Jerry',
  aliases: [],
  description: null,
  title: null,
  category: null,
  startDate: null,
  endDate: null,
  createdAt: null,
  ...HAND_MADE,
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
    const xml = edgeElement({ id: 'a-b', type: 'MEMBER_OF', from: 'a', to: 'b', role: '<lead>', startDate: '2021', endDate: null, ...HAND_MADE });
    expect(xml).toContain('<edge id="a-b" source="a" target="b">');
    expect(xml).toContain('<data key="e_label">MEMBER_OF</data>');
    expect(xml).toContain('<data key="e_role">&lt;lead&gt;</data>');
    expect(xml).not.toContain('e_endDate');
  });

  it('says how the reports of a node or edge were made: methods and rules listed, the highest confidence as a double', () => {
    const node = nodeElement(entity({ methods: ['extracted', 'manual'], rules: ['appos-title', 'kbp'], confidence: 0.9 }));
    expect(node).toContain('<data key="n_methods">extracted; manual</data>');
    expect(node).toContain('<data key="n_rules">appos-title; kbp</data>');
    expect(node).toContain('<data key="n_confidence">0.9</data>');
    const manual = nodeElement(entity({}));
    expect(manual).toContain('<data key="n_methods">manual</data>');
    expect(manual).not.toContain('n_rules');
    expect(manual).not.toContain('n_confidence');
    const edge = edgeElement({
      id: 'a-b',
      type: 'MEMBER_OF',
      from: 'a',
      to: 'b',
      role: null,
      startDate: null,
      endDate: null,
      methods: ['reviewed'],
      rules: ['dep-member'],
      confidence: 0,
    });
    expect(edge).toContain('<data key="e_methods">reviewed</data>');
    expect(edge).toContain('<data key="e_confidence">0</data>');
    expect(GRAPHML_HEADER).toContain('<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>');
    expect(GRAPHML_HEADER).toContain('<key id="n_methods" for="node" attr.name="methods" attr.type="string"/>');
  });
});
