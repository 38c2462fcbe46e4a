-- Orders per day, channel and region: counts, revenue and margin, members' and guests' orders,
-- and members' first orders (new members buying).
select
  orders.order_date as date,
  orders.channel,
  coalesce(stores.region, 'Online') as region,
  cast(count(*) as integer) as orders,
  cast(count(*) filter (where not orders.is_guest) as integer) as member_orders,
  cast(count(*) filter (where orders.is_first_order) as integer) as first_orders,
  cast(count(distinct orders.customer_id) as integer) as members,
  round(sum(orders.net_revenue), 2) as net_revenue,
  round(sum(orders.gross_margin), 2) as gross_margin,
  round(sum(orders.refund_amount), 2) as refunds
from {{ ref('fct_orders') }} as orders
left join {{ ref('dim_store') }} as stores using (store_id)
group by all
