-- Each store's month: orders, revenue, margin, refunds and members' share of orders.
select
  orders.store_id,
  cast(date_trunc('month', orders.order_date) as date) as month,
  cast(count(*) as integer) as orders,
  cast(count(*) filter (where not orders.is_guest) as integer) as member_orders,
  round(sum(orders.net_revenue), 2) as net_revenue,
  round(sum(orders.gross_margin), 2) as gross_margin,
  round(sum(orders.refund_amount), 2) as refunds
from {{ ref('fct_orders') }} as orders
where orders.store_id is not null
group by all
