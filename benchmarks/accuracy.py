#!/usr/bin/env python3
"""How well cleannews cleans real extractor output: F1, junk removed, content lost.

Usage, from the project root with cleannews installed:

    python benchmarks/accuracy.py DATA [--extractors a,b] [--enable byline] [--show-loss 20]

DATA is a folder in the article-extraction-benchmark layout: ``gold.json``
({page id: {"text": gold article body, ...}}) and ``outputs/NAME.json``
({page id: extracted text}), one per extractor. Each extractor's output is
scored as it is ("none") and after cleannews ("cleannews"):

- F1: 4-gram shingles of word tokens against the gold body, precision and
  recall averaged over pages (macro), then combined;
- junk: the share of junk lines (lines not in gold) that cleaning removed;
- loss: the share of content lines (lines in gold) that cleaning removed.

The gold texts are scored too: their "loss" is the damage done to clean
articles. "Good" extractors are those whose F1 without cleaning is at least
0.85; the SUMMARY line averages over them, the MEAN lines over all.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
GOOD_F1 = 0.85
# A line of this many words or more is judged by its shingles, a shorter one as a whole.
LONG_LINE = 4
# A long line is content (or kept) when at least this share of its shingles is in gold (or output).
COVERED = 0.5

Shingles = Counter[tuple[str, ...]]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def shingles(tokens: Sequence[str]) -> Shingles:
    """Counts of the runs of SHINGLE tokens (the whole text when it is shorter)."""
    last = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(last) if tokens[i : i + SHINGLE])


def lower_shingles(text: str) -> Shingles:
    return shingles([token.lower() for token in words(text)])


def normal(text: str) -> str:
    return " ".join(words(text)).lower()


@dataclass(frozen=True)
class Overlap:
    """Shingle counts shared with gold (true positives), extra (fp) and missing (fn), as shares."""

    tp: float
    fp: float
    fn: float

    @classmethod
    def of(cls, gold: str, predicted: str) -> Overlap:
        want, got = shingles(words(gold)), shingles(words(predicted))
        tp = fp = fn = 0
        for key in want.keys() | got.keys():
            a, b = want.get(key, 0), got.get(key, 0)
            tp += min(a, b)
            fp += max(0, b - a)
            fn += max(0, a - b)
        total = tp + fp + fn
        return cls(tp / total, fp / total, fn / total) if total else cls(0.0, 0.0, 0.0)

    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)


def macro_f1(pages: Iterable[Overlap]) -> float:
    """F1 of the mean precision and mean recall; pages with nothing to judge are left out."""
    pages = list(pages)
    precisions = [page.precision() for page in pages if page.tp + page.fp > 0]
    recalls = [page.recall() for page in pages if page.tp + page.fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


class Gold:
    """One gold body, ready to tell content lines from junk lines."""

    def __init__(self, text: str) -> None:
        self.padded = f" {normal(text)} "
        self.lines = {normal(line) for line in text.split("\n") if line.strip()}
        self.shingles = lower_shingles(text)

    def is_content(self, tokens: list[str]) -> bool:
        joined = " ".join(tokens)
        if len(tokens) < LONG_LINE:
            return joined in self.lines
        if f" {joined} " in self.padded:
            return True
        return _covered(tokens, self.shingles)


def _covered(tokens: list[str], pool: Shingles) -> bool:
    own = shingles(tokens)
    return sum(1 for key in own if key in pool) / len(own) >= COVERED


def is_kept(tokens: list[str], output_shingles: Shingles, output_lines: set[str]) -> bool:
    """Whether a line of the input survives in the output (as a whole, or most of its shingles)."""
    if len(tokens) < LONG_LINE:
        return " ".join(tokens) in output_lines
    return _covered(tokens, output_shingles)


@dataclass
class Score:
    """One extractor under one cleaner."""

    f1: float = 0.0
    junk_lines: int = 0
    junk_removed: int = 0
    content_lines: int = 0
    content_removed: int = 0
    lost: list[tuple[str, str]] = field(default_factory=list)

    @property
    def junk(self) -> float:
        return self.junk_removed / max(1, self.junk_lines)

    @property
    def loss(self) -> float:
        return self.content_removed / max(1, self.content_lines)


def score(gold: dict[str, str], outputs: dict[str, str], clean: Callable[[str], str]) -> Score:
    result = Score()
    pages = []
    for page, gold_text in gold.items():
        raw = outputs.get(page) or ""
        cleaned = clean(raw)
        pages.append(Overlap.of(gold_text, cleaned))
        judge = Gold(gold_text)
        kept_shingles = lower_shingles(cleaned)
        kept_lines = {normal(line) for line in cleaned.split("\n") if line.strip()}
        for line in raw.split("\n"):
            tokens = [token.lower() for token in words(line)]
            if not tokens:
                continue
            gone = not is_kept(tokens, kept_shingles, kept_lines)
            if judge.is_content(tokens):
                result.content_lines += 1
                result.content_removed += gone
                if gone:
                    result.lost.append((page, line))
            else:
                result.junk_lines += 1
                result.junk_removed += gone
    result.f1 = macro_f1(pages)
    return result


def cleaners(options: argparse.Namespace) -> dict[str, Callable[[str], str]]:
    import cleannews

    settings: dict[str, Any] = {}
    if options.enable:
        settings["enable"] = options.enable
    if options.skip:
        settings["skip"] = options.skip

    def clean(text: str) -> str:
        return cleannews.clean(text, **settings)

    return {"none": lambda text: text, "cleannews": clean}


def load(data: Path, wanted: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The gold bodies and, per extractor, its outputs ("gold" scores gold itself)."""
    gold = {
        page: entry["text"] for page, entry in json.loads((data / "gold.json").read_text()).items()
    }
    names = [path.stem for path in sorted((data / "outputs").glob("*.json"))]
    if wanted:
        names = [name for name in wanted.split(",") if name in names]
    outputs = {"gold": dict(gold)}
    for name in names:
        outputs[name] = json.loads((data / "outputs" / f"{name}.json").read_text())
    return gold, outputs


def report(
    results: dict[str, dict[str, Score]], write: Callable[[str], None], show_loss: int
) -> None:
    specs = list(results)
    names = list(results[specs[0]])
    write(
        f"{'extractor':<20}"
        + "".join(f"{s[:14]:>16}" for s in specs)
        + "   (F1 / junk removed / content lost)"
    )
    for name in names:
        row = f"{name:<20}"
        for spec in specs:
            m = results[spec][name]
            row += f"  {m.f1:.3f}/{m.junk:.2f}/{m.loss:.3f}"
            if show_loss and spec != "none":
                for _page, line in m.lost[:show_loss]:
                    write(f"   [{spec}] lost in {name}: {line[:100]!r}")
        write(row)
    base = results["none"]
    extractors = [name for name in names if name != "gold"]
    good = [name for name in extractors if base[name].f1 >= GOOD_F1]
    for spec in specs:
        ours = results[spec]
        if spec != "none":
            delta = {name: ours[name].f1 - base[name].f1 for name in extractors}
            worst = min(delta, key=lambda name: delta[name])
            write(
                f"SUMMARY {spec:<12} good-extractors={len(good)} "
                f"junk {statistics.mean(ours[n].junk for n in good):.3f} "
                f"loss {statistics.mean(ours[n].loss for n in good):.4f} "
                f"gold-loss {ours['gold'].loss:.4f} "
                f"meanΔF1 {statistics.mean(delta.values()):+.4f} "
                f"worstΔF1 {delta[worst]:+.4f} ({worst})"
            )
        mean_f1 = statistics.mean(ours[n].f1 for n in extractors)
        base_f1 = statistics.mean(base[n].f1 for n in extractors)
        write(
            f"MEAN {spec:<14} F1 {mean_f1:.4f}  (none {base_f1:.4f})  "
            f"junk {statistics.mean(ours[n].junk for n in extractors):.3f}  "
            f"loss {statistics.mean(ours[n].loss for n in extractors):.4f}  "
            f"gold-loss {ours['gold'].loss:.4f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder with gold.json and outputs/*.json")
    parser.add_argument("--extractors", default="", help="only these, comma-separated")
    parser.add_argument("--enable", default="", help="optional stages to add, comma-separated")
    parser.add_argument("--skip", default="", help="stages to leave out, comma-separated")
    parser.add_argument("--show-loss", type=int, default=0, help="print N removed content lines")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    options = parser.parse_args(argv)
    if not (options.data / "gold.json").is_file():
        print(f"accuracy: {options.data}: no gold.json there", file=sys.stderr)
        return 2
    gold, outputs = load(options.data, options.extractors)
    results = {
        spec: {name: score(gold, texts, clean) for name, texts in outputs.items()}
        for spec, clean in cleaners(options).items()
    }
    report(results, print, options.show_loss)
    if options.json:
        figures = {
            spec: {
                name: {
                    "f1": m.f1,
                    "junk": m.junk,
                    "loss": m.loss,
                    "junk_n": m.junk_lines,
                    "cont_n": m.content_lines,
                }
                for name, m in by_name.items()
            }
            for spec, by_name in results.items()
        }
        options.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
