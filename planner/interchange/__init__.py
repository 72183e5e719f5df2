"""Outside file formats, one module each. Imports the domain and its one library; no Qt, no SQL."""
