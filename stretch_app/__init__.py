"""Nightstretch: guided bedtime stretches and cramp relief for night-time leg cramps."""

__version__ = "0.1.0"
__all__ = ["__version__"]
