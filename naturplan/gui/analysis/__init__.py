"""The analysis of candidates in the window (issue 11): the panel for the selected
candidate, the conflicts on the map, the scenario comparison and the Analysis menu."""
