-- Message events, one row each, with the recipient's arm of the test and the funnel step number
-- (1 sent … 5 purchased).
select
  events.event_id,
  events.campaign_id,
  events.customer_id,
  assignments.variant,
  events.event_type,
  cast(list_position(['sent', 'delivered', 'opened', 'clicked', 'purchased'], events.event_type) as integer) as step,
  events.event_ts
from {{ ref('stg_campaign_events') }} as events
left join {{ ref('stg_campaign_assignments') }} as assignments using (campaign_id, customer_id)
