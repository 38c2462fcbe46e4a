-- Acquisition per month and channel: spend and new members (CAC = spend / new members).
select
  cast(date_trunc('month', date) as date) as month,
  channel,
  round(sum(spend), 2) as spend,
  cast(sum(new_members) as integer) as new_members
from {{ ref('fct_acquisition_daily') }}
group by all
