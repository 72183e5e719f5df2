"""Importing attendee lists into an event. `service` is what the GUI and the command line
call; `rows` prepares the rows of a file for it. Nothing is imported here, so a helper
process that loads `rows` loads only what it needs."""
