"""Use cases the GUI and the CLI share. No Qt here: both front ends call the same code."""
