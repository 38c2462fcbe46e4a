-- CRM campaigns, one row each, with what was tested and how many took part.
with arms as (
  select campaign_id, count(*) as assigned, count(*) filter (where variant = 'control') as control,
         count(distinct variant) - 1 as variants
  from {{ ref('stg_campaign_assignments') }}
  group by campaign_id
)
select
  campaigns.campaign_id,
  campaigns.campaign_name,
  campaigns.channel,
  campaigns.send_date,
  campaigns.window_days,
  campaigns.send_date + campaigns.window_days - 1 as window_end,
  campaigns.offer_a,
  campaigns.offer_b,
  campaigns.discount_a,
  campaigns.discount_b,
  campaigns.control_share,
  campaigns.cost_per_send,
  campaigns.audience,
  cast(coalesce(arms.assigned, 0) as integer) as assigned,
  cast(coalesce(arms.control, 0) as integer) as control_assigned,
  cast(coalesce(arms.variants, 0) as integer) as variants
from {{ ref('stg_campaigns') }} as campaigns
left join arms using (campaign_id)
