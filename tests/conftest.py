"""Shared fixtures. Keep this small; put test-specific fixtures in the test module."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def bundled_report():
    """The bundled report, parsed once per session (real file, real parser)."""
    from corpus import load_bundled

    return load_bundled()


@pytest.fixture(scope="session")
def bundled_source() -> str:
    """The exact text the bundled report's offsets refer to."""
    from corpus import bundled_report_path, read_source_text

    return read_source_text(bundled_report_path())
