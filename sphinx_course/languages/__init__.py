"""Translated editions: one source, an edition per language, each page published only when translated."""
