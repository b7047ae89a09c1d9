"""naturplan: desktop GIS for municipal nature planning in Denmark."""

__version__ = "0.1.0"
