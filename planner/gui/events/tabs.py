"""The tabs of an open event, by position: known without loading the event page's code."""

GOALS, PEOPLE, CHECKLIST, FOLLOW_UPS = range(4)
