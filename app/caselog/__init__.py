"""The case log: every reply an agent copies, with the compensation it offered, so the next
agent sees the order's history and a warning before compensating the same order or buyer
twice. A copy is queued in a local outbox (cheap, on the UI thread) and sent to the team's
database from a worker; a server that is down only makes the entries wait.
"""
