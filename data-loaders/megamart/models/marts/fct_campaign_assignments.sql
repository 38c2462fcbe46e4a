-- Test participants, one row per campaign and member (control included): the funnel they went
-- through and what they bought in the campaign's window (any order, from fct_orders, so control
-- and variants are measured alike). An e-mail click without an open event counts as an open
-- (images blocked, so the open pixel never loaded).
with funnel as (
  select campaign_id, customer_id,
         bool_or(event_type = 'sent') as sent,
         bool_or(event_type = 'delivered') as delivered,
         bool_or(event_type in ('opened', 'clicked')) as opened,
         bool_or(event_type = 'clicked') as clicked,
         bool_or(event_type = 'purchased') as purchased
  from {{ ref('stg_campaign_events') }}
  group by campaign_id, customer_id
),
window_orders as (
  select assignments.campaign_id, assignments.customer_id,
         count(orders.order_id) as orders, coalesce(sum(orders.net_revenue), 0) as revenue,
         coalesce(sum(orders.gross_margin), 0) as margin
  from {{ ref('stg_campaign_assignments') }} as assignments
  join {{ ref('dim_campaign') }} as campaigns using (campaign_id)
  join {{ ref('fct_orders') }} as orders
    on orders.customer_id = assignments.customer_id
   and orders.order_date between campaigns.send_date and campaigns.window_end
  group by assignments.campaign_id, assignments.customer_id
)
select
  assignments.campaign_id,
  assignments.customer_id,
  assignments.variant,
  assignments.assigned_ts,
  coalesce(funnel.sent, false) as sent,
  coalesce(funnel.delivered, false) as delivered,
  coalesce(funnel.opened, false) as opened,
  coalesce(funnel.clicked, false) as clicked,
  coalesce(funnel.purchased, false) as attributed_purchase,
  coalesce(window_orders.orders, 0) > 0 as converted,
  cast(coalesce(window_orders.orders, 0) as integer) as window_orders,
  round(coalesce(window_orders.revenue, 0), 2) as window_revenue,
  round(coalesce(window_orders.margin, 0), 2) as window_margin,
  case when coalesce(funnel.sent, false) then campaigns.cost_per_send else 0 end as send_cost
from {{ ref('stg_campaign_assignments') }} as assignments
join {{ ref('dim_campaign') }} as campaigns using (campaign_id)
left join funnel using (campaign_id, customer_id)
left join window_orders using (campaign_id, customer_id)
