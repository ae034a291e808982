"""Links and sources: the external-link report, the official-source rules, the sources
registry and the legal timeline.
"""
