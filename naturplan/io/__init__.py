"""naturplan.io."""
