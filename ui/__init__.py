"""Reply Composer's window: thin panels bound to one view-model that calls `app`."""
