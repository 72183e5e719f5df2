"""Importing attendee lists into an event. `service` is what the GUI and the command line
call; `rows`, `matching`, `run`, `writes` and `change_set` are its parts (see `service`).
Nothing is imported here, so a helper process that loads `rows` loads only what it needs."""
