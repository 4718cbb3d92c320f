#!/usr/bin/env python3
"""CI: the committed JSON Schemas, judged by an independent validator.

Python's `jsonschema` package (not the Rust crates that wrote the schemas or
test them) checks that:

1. every exported bundle (one per vendor and variant) is a valid draft
   2020-12 schema, and
   `schemas/elementa.schema.json` a valid draft-07 one;
2. the `in` schema of coupa/comment accepts the seed comment and rejects it
   with `id` added and with a 256-character `commentable-type`;
3. every schema file starts with `#:schema ../elementa.schema.json`, that path
   exists, the file satisfies the format schema, and a misspelled key does not;
4. on every fixture, each schema's verdict equals `elementa check`'s exit code
   (XML fixtures are converted with `elementa convert --to json`).

Python's `re` lets a pattern's `$` match before a final newline, where
ECMA-262 (and the Rust tests' validator) does not; no fixture ends a value
with one.

Usage: json_schema_check.py PATH_TO_ELEMENTA_BINARY
"""

import json
import pathlib
import subprocess
import sys
import tomllib

from jsonschema import Draft7Validator, Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIRECTIVE = "#:schema ../elementa.schema.json"
VARIANTS = [("in", False), ("in", True), ("out", False), ("out", True)]

failures = []
checks = 0


def expect(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


_bundles = {}


def validator(rid, direction, strict):
    """The validator of resource `rid`'s documents: a `$ref` to its
    `<wire>+document` beside its vendor's committed bundle."""
    vendor, wire = rid.split("/", 1)
    suffix = ".strict" if strict else ""
    name = f"{vendor}.{direction}{suffix}.json"
    if name not in _bundles:
        _bundles[name] = load(ROOT / "schemas" / "json" / name)
    bundle = _bundles[name]
    schema = {
        "$schema": bundle["$schema"],
        "$ref": f"#/$defs/{wire}+document",
        "$defs": bundle["$defs"],
    }
    return Draft202012Validator(schema)


def main():
    elementa = sys.argv[1] if len(sys.argv) > 1 else "target/debug/elementa"

    # 1. The schemas are schemas.
    exported = sorted((ROOT / "schemas" / "json").rglob("*.json"))
    expect(len(exported) >= 4, "no exported schemas under schemas/json")
    for p in exported:
        Draft202012Validator.check_schema(load(p))
    fmt = load(ROOT / "schemas" / "elementa.schema.json")
    Draft7Validator.check_schema(fmt)

    # 2. The seed comment, as a request.
    seed = load(ROOT / "examples" / "coupa" / "comment-create.json")
    for strict in (False, True):
        v = validator("coupa/comment", "in", strict)
        name = "comment.in" + (".strict" if strict else "")
        expect(v.is_valid(seed), f"{name}: rejects the seed comment")
        expect(not v.is_valid({**seed, "id": 7}), f"{name}: accepts the seed with id")
        expect(
            not v.is_valid({**seed, "commentable-type": "I" * 256}),
            f"{name}: accepts a 256-character commentable-type",
        )
        expect(
            v.is_valid({**seed, "commentable-type": "I" * 255}),
            f"{name}: rejects a 255-character commentable-type",
        )

    # 3. Schema files and the format schema.
    fv = Draft7Validator(fmt)
    toml_files = sorted((ROOT / "schemas").glob("*/*.toml"))
    expect(len(toml_files) >= 2, "no schema files")
    for p in toml_files:
        text = p.read_text(encoding="utf-8")
        shown = p.relative_to(ROOT)
        expect(text.split("\n", 1)[0] == DIRECTIVE, f"{shown}: first line is not {DIRECTIVE!r}")
        expect((p.parent / "../elementa.schema.json").resolve().is_file(), f"{shown}: directive target missing")
        errors = [e.message for e in fv.iter_errors(tomllib.loads(text))]
        expect(not errors, f"{shown}: {errors}")
        for key in ("wire", "type", "doc", "dialect", "required", "method"):
            marker = f"\n{key} = "
            if marker in text:
                bad = text.replace(marker, f"\n{key}x = ", 1)
                expect(not fv.is_valid(tomllib.loads(bad)), f"{shown}: misspelled {key!r} passes")

    # 4. Fixtures: the schemas' verdicts are `elementa check`'s.
    wires = {}
    for p in exported:
        vendor = p.name.split(".")[0]
        for key in load(p)["$defs"]:
            if key.endswith("+document"):
                wires.setdefault(vendor, set()).add(key[: -len("+document")])
    fixtures = sorted(
        p
        for base in (ROOT / "examples", ROOT / "tests" / "fixtures")
        for p in base.rglob("*")
        if p.suffix in (".json", ".xml")
    )
    expect(len(fixtures) >= 10, "no fixtures")
    for p in fixtures:
        shown = str(p.relative_to(ROOT))
        vendor = "flexi" if "flexi" in p.parts else "coupa"
        candidates = [w for w in wires.get(vendor, ()) if p.name.startswith(w)]
        if not candidates:
            expect(False, f"{shown}: no resource")
            continue
        rid = f"{vendor}/{max(candidates, key=len)}"
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".xml":
            args = [elementa, "convert", "--to", "json", "--vendor", vendor, str(p)]
            converted = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
            expect(converted.returncode == 0, f"{shown}: convert failed: {converted.stderr}")
            text = converted.stdout
        try:
            payload = json.loads(text)
            parsed = True
        except ValueError:
            parsed = False
        for direction, strict in VARIANTS:
            args = [elementa, "check", "--resource", rid, "--direction", direction]
            args += ["--strict"] if strict else []
            run = subprocess.run(args + [str(p)], capture_output=True, text=True, cwd=ROOT)
            expect(run.returncode in (0, 1), f"{shown}: elementa check exited {run.returncode}: {run.stderr}")
            valid = parsed and validator(rid, direction, strict).is_valid(payload)
            variant = direction + (" strict" if strict else "")
            expect(
                valid == (run.returncode == 0),
                f"{shown} ({rid}, {variant}): schema says {valid}, elementa check exited {run.returncode}",
            )

    for f in failures:
        print(f"json_schema_check: {f}", file=sys.stderr)
    print(f"json_schema_check: {checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
