"""The use cases: each operation once (gather the data, measure, export).

The command line and the GUI fill a request and show the report; the writers of
:mod:`naturplan.export` do the writing. No Qt.
"""
