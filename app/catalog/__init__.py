"""The case catalog: cases, fields, labels, countries and shipping methods."""
