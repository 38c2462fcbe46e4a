-- CRM campaigns, one row each, as exported (typed and trimmed).
select
  trim(campaign_id) as campaign_id,
  trim(campaign_name) as campaign_name,
  channel,
  send_date,
  window_days,
  trim(offer_a) as offer_a,
  nullif(trim(offer_b), '') as offer_b,
  discount_a,
  discount_b,
  control_share,
  cost_per_send,
  audience
from {{ source('campaigns') }}
