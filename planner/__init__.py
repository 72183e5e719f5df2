"""Networking Planner: prepare for events, meet the right people, follow up."""

__version__ = "0.1.0"
APP_NAME = "Networking Planner"
