-- Order lines, one row each, with what they earned: revenue at list and paid prices, the
-- promotion's discount, cost, gross margin and any refund. Channel, store, member and day come
-- from the order.
with returns as (
  select order_id, line_number, sum(refund_amount) as refund_amount, min(return_date) as return_date, count(*) as returns
  from {{ ref('stg_returns') }}
  group by order_id, line_number
)
select
  items.order_id || '-' || items.line_number as order_item_id,
  items.order_id,
  items.line_number,
  orders.order_date,
  orders.customer_id,
  orders.store_id,
  orders.channel,
  items.product_id,
  products.category,
  items.quantity,
  products.list_price,
  items.unit_price,
  round(items.quantity * products.list_price, 2) as gross_revenue,
  round(items.quantity * (products.list_price - items.unit_price), 2) as discount,
  round(items.quantity * items.unit_price, 2) as net_revenue,
  round(items.quantity * products.unit_cost, 2) as cost,
  round(items.quantity * (items.unit_price - products.unit_cost), 2) as gross_margin,
  items.promo_id,
  returns.order_id is not null as is_returned,
  coalesce(returns.refund_amount, 0) as refund_amount,
  returns.return_date
from {{ ref('stg_order_items') }} as items
join {{ ref('stg_orders') }} as orders using (order_id)
left join {{ ref('stg_products') }} as products using (product_id)
left join returns using (order_id, line_number)
