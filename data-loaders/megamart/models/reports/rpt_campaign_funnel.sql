-- Each campaign arm: participants, the message funnel, conversions and what they bought in the window.
select
  campaign_id,
  variant,
  cast(count(*) as integer) as assigned,
  cast(count(*) filter (where sent) as integer) as sent,
  cast(count(*) filter (where delivered) as integer) as delivered,
  cast(count(*) filter (where opened) as integer) as opened,
  cast(count(*) filter (where clicked) as integer) as clicked,
  cast(count(*) filter (where attributed_purchase) as integer) as attributed_purchases,
  cast(count(*) filter (where converted) as integer) as converted,
  round(sum(window_revenue), 2) as window_revenue,
  round(sum(window_margin), 2) as window_margin,
  round(sum(send_cost), 2) as send_cost
from {{ ref('fct_campaign_assignments') }}
group by all
