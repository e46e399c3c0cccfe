"""The built-in stages, one small module each. See :mod:`cleannews.stages.base`."""

from cleannews.stages.base import LinePatternStage, SettingError, Stage

__all__ = ["LinePatternStage", "SettingError", "Stage"]
