"""Reading and writing the app's files: bundled YAML with line numbers, caches, atomic saves."""
