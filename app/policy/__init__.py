"""The policy engine: each case's ordered rules and the values they are judged on."""
