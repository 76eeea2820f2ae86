"""Reply templates: the layered library, the personal store, editing, drafts and packs."""
