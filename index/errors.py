"""Errors of the index layer; each says what to do about it."""

from __future__ import annotations

from corpus.errors import JJJError

REBUILD_CMD = "jjj index build --rebuild"
BUILD_CMD = "jjj index build"


class IndexError_(JJJError):
    """Base of the index layer's errors (not named IndexError: that is a builtin)."""

    exit_code = 4


class IndexMissingError(IndexError_):
    """No index has been built in this index folder / Chroma server yet."""


class IndexStaleError(IndexError_):
    """The stored index was built with other settings or from another corpus."""


class ChromaUnavailableError(IndexError_):
    """The Chroma server (``--chroma-host``) cannot be reached."""

    exit_code = 5


class EmbedderError(IndexError_):
    """The embedder spec is unknown or its model cannot be loaded (offline)."""


class IndexDamagedError(IndexError_):
    """The index files are there but cannot be read (e.g. a damaged Chroma database); a rebuild replaces them."""
