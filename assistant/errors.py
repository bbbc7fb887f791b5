"""Assistant-level errors (plain messages at the edge)."""

from corpus.errors import JJJError


class InputError(JJJError):
    """The question cannot be asked as given (empty, too long, binary, ...)."""

    exit_code = 2


class LLMError(JJJError):
    """The optional LLM endpoint failed or answered something that could not be verified."""

    exit_code = 4
