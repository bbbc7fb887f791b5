"""Nothing phones home: the environment every entry point sets before importing gradio,
huggingface, transformers or chromadb (they read these at import time)."""

import os

OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply() -> None:
    """Set each variable unless the user already set it."""
    for k, v in OFFLINE_ENV.items():
        os.environ.setdefault(k, v)
