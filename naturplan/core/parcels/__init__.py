"""Parcel status for case workers: find a parcel, everything that applies to it, in batch.

- :mod:`~naturplan.core.parcels.search`: by ejerlav and matrikelnummer, by address, or
  from one typed line, with suggestions for a miss;
- :mod:`~naturplan.core.parcels.status`: the status card of one parcel (frozen data: m²,
  fractions, attributes; the GUI, the CLI and the PDF write the words);
- :mod:`~naturplan.core.parcels.batch`: every parcel's status in one vectorised pass.
"""
