"""Reads an XML file with Python's expat parser (strict: any well-formedness error fails) and
prints its elements as JSON: {"name", "attributes", "text", "children"}, namespaces as {uri}name.
Usage: python xml_read.py FILE
"""
import json
import sys
import xml.etree.ElementTree as ElementTree


def element(node):
    return {
        "name": node.tag,
        "attributes": dict(node.attrib),
        "text": node.text or "",
        "children": [element(child) for child in node],
    }


json.dump(element(ElementTree.parse(sys.argv[1]).getroot()), sys.stdout, ensure_ascii=False)
