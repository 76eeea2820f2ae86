"""The team lead's statistics over the case log (issue 16): replies, compensation per
currency, hand edits, offers above the policy and copies with markers left, grouped by day,
case, action, agent or product, computed by the database; the entries behind one figure; and
the figures as CSV or XLSX.

- `filters`: what to count (StatsFilter), how to group it (Grouping), who is looking (View);
- `access`: which view a person gets (their own; the team's over the team database only);
- `rows`: the figures (FigureRow) and the entries behind one (EntryLine), plain values;
- `query`: the SQL; `figures`: running it: report(), figures(), totals(), entries_behind();
- `export`: the rows as a table, CSV (UTF-8 with BOM) and XLSX.

`filters`, `access` and `rows` import no SQLAlchemy, so the window can build a filter and show
rows on its UI thread; `figures` runs on a worker (a team server is a network away).
"""
