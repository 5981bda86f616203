"""The real development set: Gothamist posts from ``../shared/corpus/archive`` with blind gold.

The gold files (``fixtures/archive/dev``, ``test``, ``holdout``, ``holdout2``, ``holdout3``, ``holdout4``, ``holdout5``, ``holdout6``, ``holdout7``, ``holdout8``, ``holdout9``, ``holdout10``, ``holdout11``, ``holdout12``, ``holdout13``, ``holdout14``, ``holdout15`` and ``holdout16``) hold facts and character
offsets into each post, never the post's sentences; the posts themselves are read from the archive. ``dev``
is tuned on; ``test`` and ``holdout`` (42 posts, seed 20261201) were each measured once, first, and tuned on
after, as was ``holdout2`` (46 posts, seed 20261202); ``holdout3`` (46 posts, seed 20261130) likewise; ``holdout4`` (46 posts, seed 20261203) likewise; ``holdout5``
(40 posts, seed 20261204) likewise; ``holdout6`` (40 posts, seed 20261205)
likewise; ``holdout7`` (40 posts, seed 20261206) was run first on 2c0330f; ``holdout8`` (40 posts, seed 20261207, none
of them ever read by the developer) was run first on adc5ff1 and ``holdout9`` (40 posts, seed 20261208) on 22ddf5c, both
tuned on in the tenth session; ``holdout10`` (40 posts, seed 20261201: 20 posts with role words and 20 political posts
with none of the words of the earlier pools, drawn in the tenth session) was run first on 8079922; ``holdout11`` (40 posts,
seed 20261209, drawn the same way in the eleventh session) was run first on c35172c and tuned on after; ``holdout12``
(40 posts, seed 20261210, drawn the same way in the twelfth session) was run first on 34d6d19 and tuned on after;
``holdout13`` (40 posts, seed 20261211, drawn the same way late in the twelfth session) was run first on 2bd9a02; ``holdout14`` (40 posts, seed 20261212, drawn the same way in the thirteenth session) was committed before
it was run, as was ``holdout15`` (40 posts, seed 20261202, drawn the same way in the fourteenth session), run
first on 96bfc44.
Run ``python tests/archive_set.py dev OUT`` to unpack one half's posts into OUT for ``endorsegraph eval``.
"""
from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).parent
ARCHIVE = HERE.parent.parent / "shared" / "corpus" / "archive" / "gothamist-2008-2017.tar.xz"
GOLD = HERE / "fixtures" / "archive"
HALVES = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
          "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15",
          "holdout16")


def gold_dir(half: str) -> Path:
    return GOLD / half


def archive_paths(half: str) -> dict[str, str]:
    """Post path inside the archive for every gold file of ``half``."""
    return {path.name: json.loads(path.read_text())["archive_path"] for path in sorted(gold_dir(half).glob("*.json"))}


def unpack(halves: tuple[str, ...], dest: Path) -> dict[str, Path]:
    """Unpack the posts of ``halves`` into ``dest/<half>/``; returns each half's folder."""
    wanted = {archive_path: half for half in halves for archive_path in archive_paths(half).values()}
    with tarfile.open(ARCHIVE) as archive:
        for member in archive:
            half = wanted.get(member.name)
            if half is not None:
                target = dest / half / Path(member.name).name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())
    return {half: dest / half for half in halves}


if __name__ == "__main__":
    half, out = sys.argv[1], Path(sys.argv[2])
    print(unpack((half,), out)[half])
