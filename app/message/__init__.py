"""Reading what the agent pastes: the buyer's message and the order's details."""
