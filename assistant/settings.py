"""The one settings object for the whole application, validated, built once and passed down."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from index.settings import IndexSettings


class AnswerSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    k: int = Field(8, ge=1, le=20, description="passages retrieved per question (the answerer picks its evidence among them; swept on tune + dev: 5 -> 8 helps, more does not)")
    mode: Literal["hybrid", "dense", "bm25"] = "hybrid"
    max_citations: int = Field(5, ge=1, le=10)
    related: int = Field(3, ge=0, le=10, description="closest passages listed with a refusal")
    # A question is refused when the best supporting sentence covers less than this share of the
    # question's weighted content terms (calibrated on the tuning split of the evaluation set).
    min_support: float = Field(0.30, ge=0.0, le=1.0)
    max_question_chars: int = Field(2000, ge=10, le=100_000)


class LLMSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enabled: bool = False
    base_url: str | None = None  # OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1
    model: str | None = None
    api_key_env: str = "JJJ_LLM_API_KEY"  # the key is read from this environment variable, never logged
    timeout_s: float = Field(60.0, gt=0)
    temperature: float = 0.0


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    index: IndexSettings = Field(default_factory=IndexSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
