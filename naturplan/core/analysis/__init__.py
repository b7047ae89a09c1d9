"""Analyses that measure many polygons against a layer at once.

- :mod:`naturplan.core.analysis.overlay`: pairwise intersections through an STRtree and
  unions per group, vectorised (parcel status, zone exposure).
- :mod:`naturplan.core.analysis.zonal`: zonal statistics over a raster (flood exposure of
  parcels, candidates and §3 polygons) with exact cell-coverage fractions.
"""
