"""A voice helper that never answers, like a speech engine stuck at start."""

import sys

sys.stdin.read()
