"""The user's own data: folders, profile, settings, and the composer built from them."""
