"""The page model: what a printed page shows, decided without Qt and drawn by
:mod:`naturplan.render` (boxes in millimetres, the layers in the frame, texts, legend rows, the
ledger table, the candidates' key).

Below the renderer and above the words: :mod:`naturplan.export.layout` and
:mod:`naturplan.export.atlas` build a :class:`~naturplan.pagemodel.page.PageLayout`,
:mod:`naturplan.render.page` draws it, typed, without importing a writer.
"""
