"""The reply languages in their own names, in the order the window lists them (English first:
the reply every buyer can get). An agent matches them to the buyer's message by sight."""

LANGUAGE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "ru": "Русский",
                  "fr": "Français"}
