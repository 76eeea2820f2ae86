"""The order book's dialogs: File › Import orders… (`import_orders.ImportOrders`) and File ›
Team database… (`database_dialog.TeamDatabase`). They reach the domain only through
`viewmodel.py`; everything else here is Qt."""
