"""Reading TOML files, and errors that point at a file and a key in it.

``tomllib`` is in the standard library from Python 3.11; on 3.10 the ``tomli``
backport (a dependency only there) is the same parser under another name.
"""

from __future__ import annotations

import sys
from typing import Any


class ConfigError(ValueError):
    """A setting that cannot be used: names the file, the key and the reason."""

    def __init__(self, where: str, key: str, reason: str) -> None:
        self.where = where
        self.key = key
        self.reason = reason
        super().__init__(": ".join(part for part in (where, key, reason) if part))


def load(path: str) -> dict[str, Any]:
    """The TOML document in ``path``; :class:`ConfigError` if it cannot be read or parsed."""
    # Imported here, not at start-up: most runs read no TOML at all.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(path, "", (error.strerror or str(error)).lower()) from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, "", f"not UTF-8 text ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, "", f"invalid TOML: {error}") from None


def normal_key(key: str) -> str:
    """Keys may be written kebab-case (``in-place``) or snake_case (``in_place``)."""
    return key.replace("_", "-")
