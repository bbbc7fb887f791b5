"""Evaluation: the bilingual question set, metrics, baselines and the CI gate."""
