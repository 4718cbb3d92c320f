"""Validates the committed OpenAPI 3.1 documents with an independent
validator (Python's openapi-spec-validator), and checks that it refuses a
broken document, so the check cannot pass vacuously.

Usage: python3 .ci/openapi_check.py schemas/openapi/*.json
"""

import copy
import sys

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename


def main():
    failed = 0
    for path in sys.argv[1:]:
        spec, _ = read_from_filename(path)
        try:
            validate(spec)
            print(f"openapi_check: {path}: valid ({len(spec['paths'])} paths, "
                  f"{len(spec['components']['schemas'])} schemas)")
        except Exception as e:  # the validator's errors are many classes
            print(f"openapi_check: {path}: {str(e)[:2000]}")
            failed += 1
        broken = copy.deepcopy(spec)
        first = next(iter(broken["paths"].values()))
        next(iter(first.values()))["responses"] = "none"
        try:
            validate(broken)
            print(f"openapi_check: {path}: the validator accepted responses = \"none\"")
            failed += 1
        except Exception:
            pass
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
