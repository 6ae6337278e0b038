"""A voice helper that says it is ready, then ignores the quit request, the end of its input
and SIGTERM; only SIGKILL ends it. Each SIGTERM is noted in $NIGHTSTRETCH_TEST_NOTES."""

import json
import os
import signal
import sys


def note_sigterm(_signum: int, _frame: object) -> None:
    with open(os.environ["NIGHTSTRETCH_TEST_NOTES"], "a") as notes:
        notes.write("SIGTERM\n")


signal.signal(signal.SIGTERM, note_sigterm)
print(json.dumps({"ready": True, "voices": [], "locale": "en_GB"}), flush=True)
sys.stdin.read()  # the quit request and the end of input: both ignored
while True:
    signal.pause()
