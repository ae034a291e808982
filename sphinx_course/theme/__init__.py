"""The site's theme layer over sphinx-book-theme: templates, CSS and scripts (static/),
the theme repairs, search snippets and the content-security rules.
"""
