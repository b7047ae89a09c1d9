"""naturplan.gui."""
