"""The build's progress on stderr: files, articles and words done, words/s and time left, on one line."""
from __future__ import annotations

import sys
from typing import TextIO

from .loaders.build import Progress

MIN_FILES = 20          # a build of this many files shows its progress from the start
QUIET_SECONDS = 2.0     # any other build once it has run this long
EVERY_SECONDS = 0.5     # on a terminal, redrawn at most this often; elsewhere a line every LOG_SECONDS
LOG_SECONDS = 30.0


class ProgressLine:
    """A callable for ``build(progress=...)`` that redraws one line on a terminal (else logs a line now
    and then); :meth:`finish` ends the line."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.shown_at: float | None = None
        self.last: Progress | None = None

    def __call__(self, progress: Progress) -> None:
        seconds = progress.seconds
        if progress.files_total < MIN_FILES and seconds < QUIET_SECONDS:
            return
        interval = EVERY_SECONDS if self.stream.isatty() else LOG_SECONDS
        if self.shown_at is not None and seconds - self.shown_at < interval:
            return
        self.shown_at, self.last = seconds, progress
        self.stream.write(("\r" if self.stream.isatty() else "") + describe(progress)
                          + ("" if self.stream.isatty() else "\n"))
        self.stream.flush()

    def finish(self) -> None:
        """Draw the final figures, once, if the line was shown."""
        if self.last is not None:
            self.stream.write(("\r" if self.stream.isatty() else "") + describe(self.last) + "\n")
            self.stream.flush()


def describe(progress: Progress) -> str:
    """``loading 120/22,580 files, 130 articles, 41,000 words, 3,100 words/s, 44 min left``."""
    rate = progress.words / progress.seconds if progress.seconds > 0 else 0.0
    left = progress.seconds_left()
    return (f"loading {progress.files:,}/{progress.files_total:,} files, {progress.articles:,} articles, "
            f"{progress.words:,} words, {rate:,.0f} words/s"
            + (f", {_duration(left)} left" if left is not None else "") + "   ")


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole >= 3600:
        return f"{whole // 3600} h {whole % 3600 // 60:02} min"
    return f"{whole // 60} min {whole % 60:02} s" if whole >= 60 else f"{whole} s"
