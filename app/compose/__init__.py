"""From a case and the order facts to the reply, its gloss and what the policy allows."""
