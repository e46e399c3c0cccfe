"""cleannews: remove web residue from news article text, and explain every removal.

>>> import cleannews
>>> cleannews.clean("Advertisement\\nThe bridge reopened on Monday.\\n")
'The bridge reopened on Monday.\\n'
>>> result = cleannews.clean_and_explain("Advertisement\\nThe bridge reopened on Monday.\\n")
>>> [(r.stage, r.rule, r.start_line, r.text) for r in result.removals]
[('ads', 'ad_marker', 1, 'Advertisement\\n')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleannews._version import __version__
from cleannews.config import Options
from cleannews.document import Removal, apply_removals
from cleannews.pipeline import Pipeline, Result, check_options

if TYPE_CHECKING:
    from cleannews.rules import Rule

__all__ = [
    "Options",
    "Pipeline",
    "Removal",
    "Result",
    "Rule",
    "__version__",
    "apply_removals",
    "clean",
    "clean_and_explain",
]

_default_pipeline: Pipeline | None = None


def __getattr__(name: str) -> Any:
    # Rule is loaded on first use: a plain run needs neither it nor regex.
    if name == "Rule":
        from cleannews.rules import Rule

        return Rule
    raise AttributeError(f"module 'cleannews' has no attribute {name!r}")


def _pipeline(options: dict[str, Any]) -> Pipeline:
    global _default_pipeline
    if options:
        check_options(options)
        return Pipeline(Options.from_kwargs(**options))
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    return _default_pipeline


def clean_and_explain(text: str, *, url: str | None = None, **options: Any) -> Result:
    """Clean ``text`` and return the clean text with every removal that made it.

    Options: ``stages`` (run only these), ``enable`` (add optional or plugin
    stages), ``skip`` (leave these out), ``settings``
    (``{"captions": {"min_chars": 40}}``), or a setting as ``STAGE_SETTING=value``
    (``captions_min_chars=40``); ``config`` (a config file to start from),
    ``rules`` (your rules), ``site`` (a site profile); ``url`` (the page the text
    came from: picks the site profile serving it). ``result.warnings`` lists
    problems met, such as a pattern of yours that timed out on a line.
    ``apply_removals(text, result.removals) == result.text`` always holds.
    An unknown option, or one of the wrong type, is a ``TypeError`` naming it
    (a ``ValueError`` for a bad value, such as ``rule_timeout=0``).
    """
    pipeline = _pipeline(options)
    if url is not None:
        pipeline = pipeline.choose(url=url)
    return pipeline.run(text)


def clean(text: str, *, url: str | None = None, **options: Any) -> str:
    """Clean ``text`` with the default stages (or those the options choose).

    Problems met on the way (a pattern of yours that timed out on a line) are
    issued as :class:`~cleannews.rules.PatternTimeoutWarning` warnings.
    """
    result = clean_and_explain(text, url=url, **options)
    if result.warnings:
        import warnings

        from cleannews.rules import PatternTimeoutWarning

        for note in result.warnings:
            warnings.warn(note, PatternTimeoutWarning, stacklevel=2)
    return result.text
