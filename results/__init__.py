"""Results: what each piece achieved on every network (time series of each post's and
each account's counters, collected on a schedule) and the monthly report."""
