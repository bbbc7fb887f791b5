"""Retrieve, answer, cite and keep the conversation. The CLI and the web app use only this API."""

from assistant.errors import InputError, LLMError
from assistant.settings import AnswerSettings, LLMSettings, Settings
from assistant.types import AskResult, Citation, Turn


def __getattr__(name):  # the Assistant pulls in the index stack: import it on first use only
    if name == "Assistant":
        from assistant.core import Assistant

        return Assistant
    raise AttributeError(name)


__all__ = ["Assistant", "AskResult", "Citation", "Turn", "Settings", "AnswerSettings", "LLMSettings", "InputError", "LLMError"]
