"""The window frame: main window, commands, menus, window state, language, start-up."""
