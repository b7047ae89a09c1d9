"""naturplan.render."""
