"""Run a snippet in a fresh offscreen interpreter and read the JSON it prints last.

For checks about what a process loads or shows on its own: pytest-qt has already loaded Qt
(and the tests most of the app) into the test process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_probe(code: str) -> Any:
    """The JSON value on the last line the snippet printed; fails the test on a non-zero exit."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
