"""The Templates tab: template list, editor, live preview, drafts and file commands."""
