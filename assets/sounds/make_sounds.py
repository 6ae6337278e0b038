"""Generate Nightstretch's five cue tones as WAV files next to this script.

Run ``python assets/sounds/make_sounds.py`` to regenerate:

- ``hold-start.wav``: a gentle single rising chime (about 0.35 s), played when a hold begins.
- ``last-seconds.wav``: a very short, soft tick (about 0.12 s) for the last seconds of a hold.
- ``switch-legs.wav``: two soft notes (about 0.5 s), time to change to the other leg.
- ``done.wav``: a calm three-note descending chime (about 0.9 s), the routine is finished.
- ``emergency.wav``: the one alert (about 1.9 s): a high-low pair of notes three times over,
  unlike any other cue, played when a cramp reaches the emergency threshold (and again with
  each repeat of the notice). Not harsh, but not a chime either: it asks to be acted on.

Every file is 16-bit mono PCM at 44100 Hz. Each note is a pure sine with a smooth raised-cosine
attack and an exponential decay that is faded fully to zero at the end, so there are no clicks.
Each file is normalised to a soft peak of -12 dBFS. Only the standard library is used, and the
output is deterministic, so regenerating gives byte-identical files.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44100
PEAK_DBFS = -12.0
HERE = Path(__file__).resolve().parent


def note(
    freq: float,
    duration: float,
    *,
    glide_to: float | None = None,
    glide_time: float = 0.0,
    attack: float = 0.012,
    decay: float = 6.0,
) -> list[float]:
    """One sine note with a soft envelope; ``glide_to`` slides the pitch up or down at the start."""
    count = round(duration * RATE)
    attack_n = max(1, round(attack * RATE))
    release_n = max(1, min(count // 3, round(0.04 * RATE)))
    samples: list[float] = []
    phase = 0.0
    for i in range(count):
        t = i / RATE
        f = freq
        if glide_to is not None and glide_time > 0:
            k = min(1.0, t / glide_time)
            k = 0.5 - 0.5 * math.cos(math.pi * k)
            f = freq + (glide_to - freq) * k
        phase += 2 * math.pi * f / RATE
        env = math.exp(-decay * t)
        if i < attack_n:
            env *= 0.5 - 0.5 * math.cos(math.pi * i / attack_n)
        if i >= count - release_n:
            env *= 0.5 - 0.5 * math.cos(math.pi * (count - 1 - i) / release_n)
        samples.append(env * math.sin(phase))
    return samples


def mix(total: float, *parts: tuple[float, list[float]]) -> list[float]:
    """Lay notes onto a silent track of ``total`` seconds, each at its start time."""
    track = [0.0] * round(total * RATE)
    for start, samples in parts:
        offset = round(start * RATE)
        for i, value in enumerate(samples[: len(track) - offset]):
            track[offset + i] += value
    return track


def write(name: str, samples: list[float]) -> Path:
    """Normalise to the soft peak level and save as 16-bit mono PCM."""
    top = max(abs(s) for s in samples) or 1.0
    gain = 10 ** (PEAK_DBFS / 20) * 32767 / top
    frames = b"".join(struct.pack("<h", round(s * gain)) for s in samples)
    path = HERE / name
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return path


def main() -> None:
    """Write all five cue tones."""
    # E5 gliding up to A5: a gentle "begin" chime.
    write("hold-start.wav", note(659.26, 0.35, glide_to=880.0, glide_time=0.08, decay=7.0))
    # A short, low-ish tick: bright enough to notice, quiet enough for a dark bedroom.
    write("last-seconds.wav", note(987.77, 0.12, attack=0.004, decay=30.0))
    # G5 then C5, overlapping softly: "now the other side".
    write(
        "switch-legs.wav",
        mix(0.5, (0.0, note(783.99, 0.26, decay=8.0)), (0.22, note(523.25, 0.28, decay=8.0))),
    )
    # G5, E5, C5 descending, the last note left to ring out: "all done".
    write(
        "done.wav",
        mix(
            0.9,
            (0.0, note(783.99, 0.32, decay=6.0)),
            (0.25, note(659.26, 0.32, decay=6.0)),
            (0.5, note(523.25, 0.4, decay=5.0)),
        ),
    )
    # B5 then F#5, three times: a two-tone call that no other cue resembles.
    pairs = []
    for n in range(3):
        start = n * 0.6
        pairs.append((start, note(987.77, 0.26, decay=3.0)))
        pairs.append((start + 0.28, note(739.99, 0.28, decay=3.0)))
    write("emergency.wav", mix(1.9, *pairs))


if __name__ == "__main__":
    main()
