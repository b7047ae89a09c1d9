"""The case worker's part of the window: the parcel search box, the card dock, the PDF.

:class:`~naturplan.gui.parcels.controller.ParcelController` wires them; the main window
creates it and tells it about the dataset, the candidates and identify clicks.
"""
