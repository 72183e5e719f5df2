"""Plain data and pure rules. Standard library only: no storage, no Qt."""
