"""Runs the chosen stages in order over a document and collects their removals."""

from __future__ import annotations

import math
import sys
import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cleannews import registry
from cleannews.config import Options
from cleannews.document import (
    START,
    Document,
    Removal,
    apply_removals,
    kept_pieces,
    lift_removals,
)
from cleannews.stages.base import SettingError, Stage

# Rounds of cleaning at most (see Pipeline.run); one more is almost never needed.
MAX_ROUNDS = 4

if TYPE_CHECKING:
    from cleannews.profiles import Profiles
    from cleannews.rules import Rule


class StageError(RuntimeError):
    """A stage, not one of cleannews's own, that failed or proposed a removal that cannot be right.

    The message names the stage and where it comes from (``plugin NAME
    VERSION``). Rather than clean with it, the run stops: a removal that does
    not fit the text could print text twice or join lines, unexplained.
    """


def check_options(values: Mapping[str, Any], text_lists: bool = True) -> None:
    """Refuse an option of the wrong type with a message naming it (TypeError, ValueError).

    ``values`` are :class:`Options` fields by name (others are left alone);
    ``text_lists``: ``stages``, ``enable`` and ``skip`` may be ``"a,b"`` text,
    as :meth:`Options.from_kwargs` takes them.
    """
    for key in ("stages", "enable", "skip"):
        if key not in values or (key == "stages" and values[key] is None):
            continue
        names = values[key]
        if not (text_lists and isinstance(names, str)) and not _all_text(names):
            raise TypeError(f"{key} must be a list of stage names, got {names!r}")
    _check_mappings(values)
    timeout = values.get("rule_timeout", 1)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"rule_timeout must be a number of seconds, got {timeout!r}")
    if not 0 < timeout < math.inf:
        raise ValueError(f"rule_timeout must be more than 0 seconds, got {timeout!r}")
    if not isinstance(values.get("single_pass", False), bool):
        raise TypeError(f"single_pass must be True or False, got {values['single_pass']!r}")
    site = values.get("site")
    if site is not None and not isinstance(site, str):
        raise TypeError(f"site must be a site profile name, got {site!r}")
    pairs = values.get("site_paths", ())
    if not isinstance(pairs, list | tuple) or not all(
        isinstance(pair, list | tuple) and len(pair) == 2 and _all_text(pair) for pair in pairs
    ):
        raise TypeError(f"site_paths must be a list of (glob, profile name) pairs, got {pairs!r}")
    rules = values.get("rules", ())
    if not text_lists and not (isinstance(rules, list | tuple) and all(map(_is_rule, rules))):
        raise TypeError(
            f"rules must be a list of Rule objects (see Options.from_kwargs), got {rules!r}"
        )


def _check_mappings(values: Mapping[str, Any]) -> None:
    """The ``settings`` and ``profiles`` options: mappings of the right things."""
    settings = values.get("settings", {})
    if not isinstance(settings, Mapping):
        raise TypeError(f"settings must be a mapping of stage names to settings, got {settings!r}")
    for stage, stage_settings in settings.items():
        if not isinstance(stage_settings, Mapping):
            raise TypeError(
                f"settings[{stage!r}] must be a mapping of setting names to values,"
                f" got {stage_settings!r}"
            )
    profiles = values.get("profiles", {})
    if not isinstance(profiles, Mapping) or (profiles and not _all_profiles(profiles)):
        raise TypeError(f"profiles must map names to Profile objects, got {profiles!r}")


def _all_profiles(profiles: Mapping[Any, Any]) -> bool:
    # Imported here: the profiles module (and tomllib) load only for a run that has some.
    from cleannews.profiles import Profile

    return all(isinstance(profile, Profile) for profile in profiles.values())


def _all_text(items: object) -> bool:
    return isinstance(items, list | tuple) and all(isinstance(item, str) for item in items)


def _is_rule(rule: object) -> bool:
    from cleannews.rules import Rule

    return isinstance(rule, Rule)


@dataclass(frozen=True)
class Result:
    """The clean text, every removal that made it (in text order), and any warnings."""

    text: str
    removals: tuple[Removal, ...]
    # "line N: ..." notes on problems met (a user pattern that timed out on a line).
    warnings: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.removals)

    def counts(self) -> Counter[str]:
        """Removed lines per ``stage.rule`` key (a part-of-line removal counts as one)."""
        counts: Counter[str] = Counter()
        for removal in self.removals:
            counts[removal.key] += removal.end_line - removal.start_line + 1
        return counts


class Pipeline:
    """An ordered set of configured stages; build once, run on many texts.

    The stages are the chosen built-in and plugin stages, with the user rules of
    ``options.rules`` and of the site profile ``options.site`` in their stages.
    :meth:`choose` gives the pipeline for a text whose URL or path picks a profile.
    """

    def __init__(self, options: Options | None = None) -> None:
        options = options or Options()
        check_options(vars(options), text_lists=False)
        self.options = options
        self.rules = list(options.rules)
        if options.site is not None:
            self.rules.extend(self._profiles().get(options.site).rules)
        catalog = stage_catalog(options, self.rules)
        self.names = self._stage_names(options, catalog)
        # Settings go to a stage's own class; rules added to it take none.
        self.stages: list[Stage] = [
            _made(cls, options.settings.get(name, {}) if i == 0 else {})
            for name in self.names
            for i, cls in enumerate(catalog[name])
        ]
        self._for_site: dict[str, Pipeline] = {}
        self._owner = threading.get_ident()
        self._threads = threading.local()

    def _stages_here(self) -> list[Stage]:
        """This thread's stages: :attr:`stages`, or in another thread, copies made alike.

        A stage may keep what it worked out about the text it is cleaning (does
        it show code?) on itself: each thread runs stages of its own, so that a
        pipeline shared by threads never mixes one text's answer into another's.
        """
        stages = self.stages
        if threading.get_ident() == self._owner:
            return stages
        made: tuple[list[Stage], list[Stage]] | None = getattr(self._threads, "made", None)
        if made is None or made[0] != stages:  # none yet, or the stages were changed
            copies = [_made(type(stage), getattr(stage, "settings", {})) for stage in stages]
            made = self._threads.made = (list(stages), copies)
        return made[1]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_threads"], state["_owner"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._owner = threading.get_ident()
        self._threads = threading.local()

    @property
    def reach(self) -> int:
        """The most lines any stage looks at either way of a line (see Stage.reach)."""
        return max((stage.reach for stage in self.stages), default=1)

    def _profiles(self) -> Profiles:
        from cleannews.profiles import Profiles

        return Profiles(self.options.profiles)

    def _stage_names(self, options: Options, catalog: dict[str, list[type[Stage]]]) -> list[str]:
        """The names of the stages to run, in run order, after enable/skip."""
        mentioned = [*(options.stages or ()), *options.enable, *options.skip, *options.settings]
        unknown = [name for name in mentioned if name not in catalog]
        if unknown:
            # A profile's stage is only in the catalog of a text that profile serves.
            profile_stages = self._profiles().stage_names()
            for name in unknown:
                if name not in profile_stages:
                    raise registry.UnknownStageError(
                        f"unknown stage {name!r} (stages: {', '.join(catalog)})"
                    )
        if options.stages is not None:
            chosen = set(options.stages) | set(registry.FINAL_STAGES)
        else:
            chosen = set(registry.default_names())
            if self.rules:
                from cleannews.rules import RuleStage

                # User rules under a new name run by default: you wrote them to run.
                chosen |= {n for n, classes in catalog.items() if issubclass(classes[0], RuleStage)}
        chosen |= set(options.enable)
        chosen -= set(options.skip)
        return [name for name in catalog if name in chosen]

    def choose(self, url: str | None = None, path: str | None = None) -> Pipeline:
        """The pipeline for one text: this one plus the site profile its URL or path picks.

        ``options.site``, when set, wins; then the URL's domain; then the
        config's site-paths globs. Pipelines per profile are built once.
        """
        for name, value in (("url", url), ("path", path)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be text, got {value!r}")
        options = self.options
        if options.site is not None or not (url or (path and options.site_paths)):
            return self
        profiles = self._profiles()
        profile = profiles.for_url(url) if url else None
        if profile is None and path is not None:
            profile = profiles.for_path(path, options.site_paths)
        if profile is None:
            return self
        chosen = self._for_site.get(profile.name)
        if chosen is None:
            chosen = self._for_site[profile.name] = Pipeline(options.with_site(profile.name))
        return chosen

    def prepare(self) -> None:
        """Get every stage ready to clean (compile its patterns) before the first text."""
        for stage in self.stages:
            if _trusted(type(stage)):
                stage.prepare()
                continue
            try:
                stage.prepare()
            except Exception as error:  # whatever third-party code raises
                raise _failed(type(stage), " in prepare()", error) from error

    def run(self, text: str, first_line: int = 1) -> Result:
        """Clean ``text``; line numbers in the removals start at ``first_line``.

        Stages judge a line by what is around it (the last lines of a text, the
        lines beside a block), and a line that a later stage removes can change
        that: the text left may have more to remove. So the text left is cleaned
        again, until a round removes nothing (at most :data:`MAX_ROUNDS`), and
        cleaning the output once more changes nothing, as a pre-commit hook
        needs; ``options.single_pass`` cleans once. The removals of every round
        point into ``text``.
        """
        if not isinstance(text, str):
            raise TypeError(_not_text(text))
        stages = self._stages_here()
        doc = Document(text, first_line)
        result = self._clean_once(stages, doc)
        limit = 1 if self.options.single_pass else MAX_ROUNDS
        rounds = 1
        # A stage that judges the first or last line as it came in (a title) would
        # take the next one in each round: it has its say in the first round only.
        again_stages = [stage for stage in stages if not stage.first_round_only]
        while result.removals and rounds < limit:
            left = Document(result.text, first_line)
            again = self._clean_once(again_stages, left)
            if not again.removals:
                break
            lifted = lift_removals(doc, result.removals, again.removals)
            removals = sorted([*result.removals, *lifted], key=START)
            # A problem met again on the same line of the input is said once.
            notes = _renumbered(doc, result.removals, left)
            fresh = tuple(note for note in notes if note not in result.warnings)
            # The same text as again.text, built from the original and all the removals.
            result = Result(
                apply_removals(text, removals), tuple(removals), result.warnings + fresh
            )
            rounds += 1
        return result

    def _clean_once(self, stages: list[Stage], doc: Document) -> Result:
        """One round: each of ``stages`` once, in order, over ``doc`` (marking what goes)."""
        text, first_line = doc.text, doc.first_line
        removals: list[Removal] = []
        # Where part-of-line removals are, by line index, so that no two removals
        # ever overlap: the first stage to claim a span keeps it, and a later
        # whole-line removal takes over the line's earlier part-of-line ones.
        partial: dict[int, list[Removal]] = {}
        mark = doc.mark
        keep = removals.append
        for stage in stages:
            found = stage.find(doc) if _trusted(type(stage)) else _checked(stage, doc)
            for removal in found:
                # The first stage to claim a span keeps it: Document.mark refuses
                # a removal that overlaps one already made.
                if not mark(removal):
                    continue
                if removal.partial:
                    partial.setdefault(removal.start_line - first_line, []).append(removal)
                elif partial:
                    first, last = doc.index_of(removal)
                    for index in range(first, last + 1):
                        for other in partial.pop(index, ()):
                            removals.remove(other)
                keep(removal)
        warnings = tuple(doc.warnings)
        if not removals:
            return Result(text, (), warnings)
        removals.sort(key=START)
        return Result(apply_removals(text, removals), tuple(removals), warnings)


def stage_catalog(
    options: Options, rules: Sequence[Rule], include_plugins: bool = False
) -> dict[str, list[type[Stage]]]:
    """Every stage that could run, with user rules joined to theirs, in run order."""
    rule_stages: dict[str, type[Stage]] = {}
    if rules:  # the rules module (and regex) load only when there are rules
        from cleannews.rules import check_against, stage_classes

        rule_stages.update(stage_classes(rules, options.rule_timeout))
    mentioned = {*(options.stages or ()), *options.enable, *options.skip, *options.settings}
    # A name we do not know yet may be a plugin's: only then look for plugins.
    unknown = mentioned - registry.builtins().keys() - rule_stages.keys()
    stages = registry.available(include_plugins=include_plugins or bool(unknown))
    if rules:
        check_against(rules, stages)
    return registry.arrange(stages, rule_stages)


# Whether a stage class's removals need no checking, worked out once per class.
_TRUSTED: dict[type[Stage], bool] = {}


def _trusted(cls: type[Stage]) -> bool:
    """Whether the removals of stage ``cls`` need no checking: a built-in stage, or user rules."""
    trusted = _TRUSTED.get(cls)
    if trusted is None:
        trusted = cls in registry.builtins().values() or _is_rule_stage(cls)
        _TRUSTED[cls] = trusted
    return trusted


def _is_rule_stage(cls: type[Stage]) -> bool:
    # The rules module (and regex) load only when a run has rules: a stage of
    # user rules is made by it, so without it loaded there is none.
    rules = sys.modules.get("cleannews.rules")
    return rules is not None and issubclass(cls, rules.RuleStage)


def _made(cls: type[Stage], settings: Mapping[str, Any]) -> Stage:
    """A stage of class ``cls``; a plugin's that fails to start is a :class:`StageError`."""
    if _trusted(cls):
        return cls(**settings)
    try:
        return cls(**settings)
    except SettingError:
        raise  # a setting the stage does not take: the user's to fix, a usage error
    except Exception as error:  # whatever third-party code raises
        raise _failed(cls, " in __init__()", error) from error


def _failed(cls: type[Stage], during: str, error: Exception) -> StageError:
    """The error of plugin stage ``cls`` raising ``error`` (``during`` says in what)."""
    return StageError(f"{_where(cls)} failed{during}: {type(error).__name__}: {error}")


def _where(cls: type[Stage]) -> str:
    return f"stage {cls.name!r} ({cls.origin})"


def _checked(stage: Stage, doc: Document) -> Iterator[Removal]:
    """The removals ``stage`` (a plugin's) proposes, each checked to fit ``doc``.

    A plugin is written against an API it can get wrong; a removal that does
    not fit would make :func:`apply_removals` print text twice, drop a line
    ending or blame another stage. Any such removal, and any exception, is a
    :class:`StageError` naming the stage.
    """
    where = _where(type(stage))
    try:
        for removal in stage.find(doc):
            problem = _misfit(stage, doc, removal)
            if problem is not None:
                raise StageError(f"{where} proposed a removal that {problem}: {_shown(removal)}")
            yield removal
    except StageError:
        raise
    except Exception as error:  # whatever third-party code raises
        raise _failed(type(stage), "", error) from error


def _misfit(stage: Stage, doc: Document, removal: object) -> str | None:
    """What is wrong with ``removal`` as one of ``stage``'s on ``doc``, or None."""
    if not isinstance(removal, Removal):
        return "is not a Removal"
    if removal.stage != stage.name or removal.rule not in stage.rules:
        return f"is in the name of {removal.key!r}, not a rule of this stage"
    first, last = doc.index_of(removal)
    if not 0 <= first <= last < len(doc.lines):
        return f"names line {removal.start_line}, outside the text's lines"
    start, end = removal.start, removal.end
    if end < start:
        return "ends before it starts"
    if end == start:
        return "removes nothing"
    if doc.text[start:end] != removal.text:
        return "does not hold the text it covers"
    line_start = doc.starts[first]
    if removal.partial:
        if first != last or not line_start <= start < end <= line_start + len(doc.lines[first]):
            return f"is not a part of a line within line {removal.start_line} (no line ending)"
        return None
    whole = doc.remove_lines(removal.stage, removal.rule, removal.reason, first, last)
    if (start, end) != (whole.start, whole.end):
        return f"does not cover line {removal.start_line} to {removal.end_line}, endings included"
    return None


def _shown(removal: object) -> str:
    """``removal`` for an error message, its text cut short."""
    if not isinstance(removal, Removal):
        return repr(removal)[:200]
    text = removal.text if len(removal.text) <= 60 else removal.text[:57] + "..."
    return repr(removal._replace(text=text))


def _renumbered(doc: Document, removals: Sequence[Removal], left: Document) -> list[str]:
    """The warnings of ``left``, the text ``removals`` left of ``doc``, by ``doc``'s lines.

    A later round cleans the text left, whose line numbers are not the input's;
    a warning names the line of the input, as removals do.
    """
    kept = kept_pieces(doc.text, removals)
    kept_starts = [piece[0] for piece in kept]
    warnings = []
    for index, message in left.notes:
        at = left.starts[index]
        # The piece holding the line's start; none when every character went.
        piece = bisect_right(kept_starts, at) - 1
        if piece < 0:
            offset = len(doc.text)
        else:
            left_start, start, _ = kept[piece]
            offset = start + at - left_start
        warnings.append(doc.warning(bisect_right(doc.starts, offset) - 1, message))
    return warnings


def _not_text(text: object) -> str:
    """Why ``text`` cannot be cleaned: it is not a str."""
    kind = type(text).__name__
    if isinstance(text, bytes | bytearray):
        # The command line reads bytes so; undecodable bytes then come out as they went in.
        return (
            f"text must be str, got {kind}: decode it first,"
            " data.decode('utf-8', 'surrogateescape')"
        )
    return f"text must be str, got {kind}"
