-- Orders, one row each: the sums of their lines, whether the member was new (their first order)
-- and whether it came from a guest.
with lines as (
  select order_id, count(*) as lines, sum(quantity) as units, sum(gross_revenue) as gross_revenue,
         sum(discount) as discount, sum(net_revenue) as net_revenue, sum(cost) as cost,
         sum(gross_margin) as gross_margin, sum(refund_amount) as refund_amount,
         bool_or(promo_id is not null) as has_promotion
  from {{ ref('fct_order_items') }}
  group by order_id
)
select
  orders.order_id,
  orders.customer_id,
  orders.store_id,
  orders.channel,
  orders.order_ts,
  orders.order_date,
  cast(coalesce(lines.lines, 0) as integer) as lines,
  cast(coalesce(lines.units, 0) as integer) as units,
  round(coalesce(lines.gross_revenue, 0), 2) as gross_revenue,
  round(coalesce(lines.discount, 0), 2) as discount,
  round(coalesce(lines.net_revenue, 0), 2) as net_revenue,
  round(coalesce(lines.cost, 0), 2) as cost,
  round(coalesce(lines.gross_margin, 0), 2) as gross_margin,
  round(coalesce(lines.refund_amount, 0), 2) as refund_amount,
  coalesce(lines.has_promotion, false) as has_promotion,
  orders.customer_id is null as is_guest,
  orders.customer_id is not null and row_number() over (partition by orders.customer_id order by orders.order_ts, orders.order_id) = 1 as is_first_order
from {{ ref('stg_orders') }} as orders
left join lines using (order_id)
