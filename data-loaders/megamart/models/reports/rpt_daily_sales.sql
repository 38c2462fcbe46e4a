-- Sales per day, channel, region (online orders: "Online") and category: the cube the executive
-- page filters. Orders are those containing the category (an order with two categories counts in both).
select
  items.order_date as date,
  items.channel,
  coalesce(stores.region, 'Online') as region,
  items.category,
  cast(count(distinct items.order_id) as integer) as orders,
  cast(sum(items.quantity) as integer) as units,
  round(sum(items.net_revenue), 2) as net_revenue,
  round(sum(items.gross_margin), 2) as gross_margin,
  round(sum(items.discount), 2) as discount,
  round(sum(items.refund_amount), 2) as refunds
from {{ ref('fct_order_items') }} as items
left join {{ ref('dim_store') }} as stores using (store_id)
group by all
