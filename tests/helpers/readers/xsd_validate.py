"""Validates an XML file against an XML Schema with lxml (libxml2's validator).
Prints one JSON object: {"valid": bool, "errors": ["line N: message", ...]}.
Usage: python xsd_validate.py SCHEMA.xsd FILE
"""
import json
import sys

from lxml import etree

schema = etree.XMLSchema(etree.parse(sys.argv[1]))
valid = schema.validate(etree.parse(sys.argv[2]))
json.dump({"valid": valid, "errors": [f"line {e.line}: {e.message}" for e in schema.error_log]}, sys.stdout)
