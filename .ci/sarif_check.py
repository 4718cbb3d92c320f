"""Validates elementa's SARIF output with an independent validator.

The SARIF 2.1.0 JSON Schema is the one the serde-sarif crate ships (a
dev-dependency of elementa-cli, so cargo has it in its registry); Python's
jsonschema judges `elementa check --message-format sarif tests/fixtures`
and `elementa schema diff --message-format sarif` against it. A document
with a wrong level must be refused, so the check cannot pass vacuously.

Usage: python3 .ci/sarif_check.py target/debug/elementa
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema


def sarif_schema():
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True, capture_output=True, text=True).stdout)
    for package in meta["packages"]:
        if package["name"] == "serde-sarif":
            path = os.path.join(os.path.dirname(package["manifest_path"]), "src", "schema.json")
            with open(path, encoding="utf-8") as f:
                return json.load(f)
    sys.exit("sarif_check: serde-sarif is not in the dependency graph")


def run(binary, args):
    out = subprocess.run([binary, *args], capture_output=True, text=True)
    if out.returncode not in (0, 1, 2):
        sys.exit(f"sarif_check: {args} exited {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def main():
    binary = sys.argv[1]
    schema = sarif_schema()
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    # A copy of the schemas without one element, for a diff with results.
    edited = tempfile.mkdtemp()
    for vendor in ("coupa", "flexi"):
        shutil.copytree(os.path.join("schemas", vendor), os.path.join(edited, vendor))
    user = os.path.join(edited, "coupa", "user.toml")
    with open(user, encoding="utf-8") as f:
        text = f.read()
    with open(user, "w", encoding="utf-8") as f:
        f.write(text.replace('wire = "mention-name"', 'wire = "mention-handle"'))
    documents = {
        "check tests/fixtures": run(binary, ["check", "--message-format", "sarif", "tests/fixtures"]),
        "schema diff": run(binary, ["schema", "diff", "--message-format", "sarif", "schemas", edited]),
    }
    shutil.rmtree(edited)
    failed = 0
    for name, doc in documents.items():
        errors = list(validator.iter_errors(doc))
        for e in errors[:10]:
            print(f"{name}: {'/'.join(map(str, e.path))}: {e.message}")
        failed += len(errors)
        results = doc["runs"][0]["results"]
        unplaced = [r for r in results
                    if "region" not in r["locations"][0]["physicalLocation"]]
        if unplaced:
            print(f"{name}: {len(unplaced)} result(s) without a line")
            failed += len(unplaced)
        print(f"sarif_check: {name}: {len(results)} results, {len(errors)} schema errors")
    wrong = copy.deepcopy(documents["check tests/fixtures"])
    wrong["runs"][0]["results"][0]["level"] = "fatal"
    if validator.is_valid(wrong):
        sys.exit("sarif_check: the validator accepted a result with level `fatal`")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
