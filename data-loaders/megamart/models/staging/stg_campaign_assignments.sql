-- Test assignments, one row per campaign and member (control included), as exported.
select
  trim(campaign_id) as campaign_id,
  trim(customer_id) as customer_id,
  variant,
  assigned_ts
from {{ source('campaign_assignments') }}
