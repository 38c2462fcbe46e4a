-- Acquisition spend, one row per day and channel: repeated rows from overlapping exports removed.
-- rule drop_duplicate_spend_rows: a day and channel exported more than once kept once (the first row)
with source as (
  select *, row_number() over (partition by date, channel order by rowid) as copy from {{ source('marketing_spend') }}
)
select
  date,
  channel,
  spend,
  copy > 1 as rule__drop_duplicate_spend_rows
from source
