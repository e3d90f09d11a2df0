"""Argument types shared by the catalog tools."""

# The regions are checked by the catalog CLI itself, after the shell has run.
Region = str
