"""Reads a FollowTheMoney JSON-lines file with the followthemoney package, as Aleph's tools do.

Every line is re-parsed untrusted (cleaned=False: each value re-validated and normalised by
its FtM type). Prints one JSON object: the entities as FtM read them, and the problems found:
a property the schema lacks, a value FtM drops or changes, a required property missing, a
reference to no entity of the file or to one of a schema the property's range does not allow.
Usage: python ftm_read.py FILE
"""
import json
import sys

from followthemoney import model
from followthemoney.types import registry

entities = {}
problems = []
with open(sys.argv[1], encoding="utf-8") as lines:
    for number, line in enumerate(lines, start=1):
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        for name, values in data.get("properties", {}).items():
            prop = proxy.schema.get(name)
            if prop is None:
                problems.append(f"line {number}: {proxy.schema.name} has no property {name}")
            elif sorted(proxy.get(prop)) != sorted(values):
                problems.append(f"line {number}: {name} {values!r} reads as {proxy.get(prop)!r}")
        for name in proxy.schema.required:
            if not proxy.get(name):
                problems.append(f"line {number}: {proxy.schema.name} lacks required {name}")
        if proxy.id in entities:
            problems.append(f"line {number}: id {proxy.id} repeated")
        entities[proxy.id] = proxy

for proxy in entities.values():
    for prop, value in proxy.itervalues():
        if prop.type != registry.entity:
            continue
        target = entities.get(value)
        if target is None:
            problems.append(f"{proxy.id}: {prop.name} names {value}, not in the file")
        elif not target.schema.is_a(prop.range):
            problems.append(f"{proxy.id}: {prop.name} is a {target.schema.name}, not a {prop.range.name}")

json.dump(
    {
        "entities": {
            id: {"schema": p.schema.name, "caption": p.caption, "properties": p.properties, "context": p.context}
            for id, p in entities.items()
        },
        "problems": problems,
    },
    sys.stdout,
    ensure_ascii=False,
)
