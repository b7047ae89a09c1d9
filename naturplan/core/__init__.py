"""naturplan.core."""
