"""naturplan.export."""
