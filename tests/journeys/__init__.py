"""Journey tests: see conftest.py."""
