"""Course units and what is built from them: metadata and headers, outlines, progress,
exercises, teaching blocks, debriefs, rubrics, the case library and the world bible.
"""
