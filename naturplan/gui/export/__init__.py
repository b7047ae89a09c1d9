"""The export dialogs: print and web maps, the candidate table."""
