"""Retrieve, answer, cite and keep the conversation. The CLI and the web app use only this API."""
