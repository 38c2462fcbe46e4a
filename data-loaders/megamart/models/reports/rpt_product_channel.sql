-- Each product's sales per channel: units, revenue, margin, returns and refunds.
select
  items.product_id,
  products.product_name,
  products.category,
  products.subcategory,
  items.channel,
  cast(sum(items.quantity) as integer) as units,
  round(sum(items.net_revenue), 2) as net_revenue,
  round(sum(items.gross_margin), 2) as gross_margin,
  round(sum(items.discount), 2) as discount,
  cast(count(*) filter (where items.is_returned) as integer) as returned_lines,
  cast(count(*) as integer) as lines,
  round(sum(items.refund_amount), 2) as refunds
from {{ ref('fct_order_items') }} as items
join {{ ref('dim_product') }} as products using (product_id)
group by all
