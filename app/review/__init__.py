"""Reviewing a reply before it is copied: marketplace rules and English hints."""
