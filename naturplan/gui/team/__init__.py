"""Team projects in the app (issue 13): open/new in PostGIS, conflicts, others' edits."""
