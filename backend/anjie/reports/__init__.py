"""Reports: what the dashboard and the county's summaries count, aggregated by PostgreSQL."""
