# English

stats-bad-month = Write the month as YYYY-MM, for example 2026-12
