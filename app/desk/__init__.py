"""The agent's desk: the order book and the case log, as the window uses them."""
