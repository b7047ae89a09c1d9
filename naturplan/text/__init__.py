"""The shared words: translations, number formats, labels and notices.

Just above ``core`` and ``io`` (the translations are read from ``resources``), below the
renderer and the writers, so every floor above says things the same way. No Qt.
"""
