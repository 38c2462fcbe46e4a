-- Acquisition per day and channel: media spend and members acquired (a member's sign-up day and
-- channel from the CRM), for the cost per acquired member (CAC).
with signups as (
  select acquisition_date as date, acquisition_channel as channel, count(*) as new_members
  from {{ ref('stg_customers') }}
  group by all
),
spend as (
  select date, channel, sum(spend) as spend from {{ ref('stg_marketing_spend') }} group by all
)
select
  coalesce(signups.date, spend.date) as date,
  coalesce(signups.channel, spend.channel) as channel,
  round(coalesce(spend.spend, 0), 2) as spend,
  cast(coalesce(signups.new_members, 0) as integer) as new_members
from signups
full outer join spend on signups.date = spend.date and signups.channel = spend.channel
