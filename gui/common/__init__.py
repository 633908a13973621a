"""Shared by every tab: plot factory and colours, widget factories, value checks."""
