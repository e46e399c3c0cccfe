"""Where one core's time goes: each stage's cost, and what Python's regex engine charges.

    .venv/bin/python benchmarks/stage_cost.py [--size 10MB] [--repeat 5]

On the generated corpus (benchmarks/corpus.py), in this process, CPU time, the
least of ``--repeat`` runs:

- each default stage's share of one round of cleaning, with the text in windows
  of a million characters (as plain text from stdin is cleaned) and with one
  document per article (as JSON Lines records and folder files are);
- one round and all the rounds the pipeline runs, end to end;
- the floor of the throughput benchmark (a ``for line in sys.stdin`` loop with
  one ``re`` alternation, in a child process), and what the issue's target of half
  the floor's speed leaves to spend;
- what a search for residue phrases anywhere in a line costs with ``re``, which
  tries the phrases one by one at every position (it has no multi-phrase search).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial

from measure import corpus, corpus_file, load_average, run
from throughput import FLOOR

from cleannews import Options, Pipeline
from cleannews.document import Document, Removal, apply_removals
from cleannews.stream import WINDOW

# Residue words a cleaner must find wherever they stand in a line, in a few
# languages; the searches below take the first 1, 8 and 32.
PHRASES = (
    *("subscribe", "newsletter", "advertisement", "sponsored", "read more", "also read"),
    *("share this", "loading", "sign up", "log in", "cookies", "photo:", "getty images"),
    *("copyright", "all rights reserved", "follow us", "related", "click here"),
    *("download the app", "comments", "abonnieren", "anzeige", "mehr zum thema"),
    *("lire aussi", "abonnez-vous", "publicité", "partager", "suscríbete", "publicidad"),
    *("leer más", "compartir", "подписаться"),
)


def cpu_ms(action: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` calls, in milliseconds."""
    least = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        action()
        least = min(least, time.process_time() - started)
    return least * 1000


def run_all(pipeline: Pipeline, texts: list[str]) -> None:
    for text in texts:
        pipeline.run(text)


def windows(text: str) -> list[str]:
    """``text`` cut after a line break every :data:`WINDOW` characters or so."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + WINDOW)
        end = len(text) if end < 0 else end + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def stage_times(pipeline: Pipeline, texts: list[str], repeat: int) -> dict[str, float]:
    """Milliseconds per stage for one round over ``texts`` (the least of ``repeat``)."""
    least: dict[str, float] = {}
    for _ in range(repeat):
        spent = {"splitting lines (Document)": 0.0} | {stage.name: 0.0 for stage in pipeline.stages}
        for text in texts:
            started = time.process_time()
            doc = Document(text)
            spent["splitting lines (Document)"] += time.process_time() - started
            for stage in pipeline.stages:
                started = time.process_time()
                for removal in stage.find(doc):
                    doc.mark(removal)
                spent[stage.name] += time.process_time() - started
        for name, seconds in spent.items():
            least[name] = min(least.get(name, float("inf")), seconds * 1000)
    return least


# A text and what one round removes from it: each removal with its first line
# index and, for a whole-line removal its last line index, for a part of a line
# the column it starts at.
Plan = tuple[str, list[tuple[Removal, int, int]]]


def plan_removals(texts: list[str]) -> list[Plan]:
    """What one round of the default stages removes from each of ``texts``."""
    once = Pipeline(Options(single_pass=True))
    plans: list[Plan] = []
    for text in texts:
        doc = Document(text)
        plan = []
        for removal in once.run(text).removals:
            index = removal.start_line - 1
            if removal.partial:
                plan.append((removal, index, removal.start - doc.starts[index]))
            else:
                plan.append((removal, index, removal.end_line - 1))
        plans.append((text, plan))
    return plans


def record(plans: list[Plan]) -> list[tuple[list[Removal], str]]:
    """Make, mark and apply the planned removals: the bookkeeping, with no judging.

    This is what any cleaner that can explain and replay its removals does with
    them once it knows what goes: split the text into lines, make a record of
    each removal, mark it, and write the text that is left.
    """
    done = []
    for text, plan in plans:
        doc = Document(text)
        made = []
        for removal, first, other in plan:
            if removal.partial:
                width = removal.end - removal.start
                made.append(doc.remove_span(*removal[:3], first, other, other + width))
            else:
                made.append(doc.remove_lines(*removal[:3], first, other))
        for removal in made:
            doc.mark(removal)
        done.append((made, apply_removals(text, made)))
    return done


def searches(text: str, repeat: int) -> Iterator[tuple[str, float]]:
    """What finding residue phrases anywhere in ``text`` costs, by number of phrases."""
    lowered = text.lower()
    for count in (1, 8, 32):
        words = "|".join(re.escape(phrase) for phrase in PHRASES[:count])
        blind = re.compile(words).findall
        yield f"{count:2} phrases, lowered copy", cpu_ms(partial(blind, lowered), repeat)
        folded = re.compile(words, re.IGNORECASE).findall
        yield f"{count:2} phrases, re.IGNORECASE", cpu_ms(partial(folded, text), repeat)
    yield "lowering the text once", cpu_ms(text.lower, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=corpus.parse_size, default=corpus.parse_size("10MB"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = corpus_file(args.size, "text")
    text = path.read_text(encoding="utf-8")
    with open(corpus_file(args.size, "jsonl"), encoding="utf-8") as records:
        articles = [json.loads(line)["text"] for line in records]
    megabytes = len(text.encode("utf-8")) / 1e6
    pipeline = Pipeline(Options())
    pipeline.prepare()
    plain = windows(text)

    print(f"corpus: {megabytes:.1f} MB, {len(articles)} articles; least of {args.repeat} runs;")
    print(f"{load_average()}; CPU ms")
    print(f"{'one round, by stage':<32} {'plain':>8} {'per article':>12}")
    by_window = stage_times(pipeline, plain, args.repeat)
    by_article = stage_times(pipeline, articles, args.repeat)
    for name in sorted(by_window, key=lambda name: -by_window[name]):
        print(f"  {name:<30} {by_window[name]:8.0f} {by_article[name]:12.0f}")
    print(f"  {'sum':<30} {sum(by_window.values()):8.0f} {sum(by_article.values()):12.0f}")
    once = Pipeline(Options(single_pass=True))
    for label, chosen in (
        ("one round, Pipeline.run", once),
        ("all rounds, Pipeline.run", pipeline),
    ):
        plain_ms = cpu_ms(partial(run_all, chosen, plain), args.repeat)
        article_ms = cpu_ms(partial(run_all, chosen, articles), args.repeat)
        print(f"{label:<32} {plain_ms:8.0f} {article_ms:12.0f}")

    plans = plan_removals(plain)
    removals = sum(len(plan) for _, plan in plans)
    spent = cpu_ms(partial(record, plans), args.repeat)
    print(f"recording one round's {removals} removals, no judging (plain): {spent:.0f} ms")
    floor = min(run([sys.executable, "-c", FLOOR], path).cpu for _ in range(args.repeat)) * 1000
    print(f"floor (throughput.py's re line loop, a child process): {floor:.0f} ms;")
    print(f"  half the floor's speed leaves {2 * floor:.0f} ms for reading, cleaning and writing")
    print("finding phrases anywhere in a line with re, the whole text:")
    for label, spent in searches(text, args.repeat):
        print(f"  {label:<30} {spent:8.0f}")


if __name__ == "__main__":
    main()
