"""Run one stage on its own, so a test sees exactly what that stage removes."""

from __future__ import annotations

from cleannews import Options, Pipeline, Result


def run_stage(stage: str, text: str) -> Result:
    """``text`` cleaned by ``stage`` alone, without the whitespace tidy-up."""
    skip = () if stage == "whitespace" else ("whitespace",)
    return Pipeline(Options(stages=[stage], skip=skip)).run(text)
