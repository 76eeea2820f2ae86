"""The Compose tab: case picker, message box, order form, policy panel and reply."""
