"""The print layout (presets, page boxes, texts) and its export to PDF and PNG."""
