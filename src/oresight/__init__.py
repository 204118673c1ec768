"""Oresight: reads mining announcements and tells you what matters."""

__version__ = "0.1.0"
