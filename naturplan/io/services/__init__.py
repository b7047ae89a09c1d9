"""Web services, no Qt: basemap tile sources and their disk cache, and layers fetched from
WFS 2.0 and OGC API – Features (issue 12).

- :mod:`.grids` tile matrix sets (morecantile), :mod:`.sources` XYZ/WMTS/WMS sources (OWSLib
  reads the capabilities), :mod:`.basemaps` presets and ``--basemap NAME|URL``,
  :mod:`.cache` the tiles on disk with a size limit, :mod:`.loader` worker threads that
  fetch tiles without ever blocking the map;
- :mod:`.features` fetches a layer page by page into a GeoPackage with its provenance;
- :mod:`.http` one User-Agent, timeouts, URLs with their tokens taken out; :mod:`.tokens`
  the user's tokens (environment or OS keyring, never a file of ours).
"""
