# Simplified Chinese (the source; 繁體 is generated from it)

stats-bad-month = 月份应写成 YYYY-MM，例如 2026-12
