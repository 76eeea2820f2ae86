"""The Statistics tab (issue 16): the team lead's figures over the case log, with charts and
the replies behind them. `tab.StatsTab` is the tab; it reaches the domain only through
`viewmodel.py`; `charts.py` (pyqtgraph) is imported when the tab is first shown."""
