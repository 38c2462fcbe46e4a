-- Order lines, one row per order and line number: duplicates, voided lines and lines of removed
-- orders dropped; missing prices filled from the product's list price and the line's promotion.
-- rule drop_duplicate_lines: an order line exported more than once is kept once (the first row)
-- rule drop_voided_lines: lines with quantity 0 (scanned, then cancelled at the till) removed
-- rule drop_lines_without_order: lines whose order is not in stg_orders (staff test orders) removed
-- rule fill_missing_unit_price: missing unit price set to the list price less the line's promotion discount
with source as (
  select *, row_number() over (partition by trim(order_id), line_number order by rowid) as copy from {{ source('order_items') }}
)
select
  trim(source.order_id) as order_id,
  source.line_number,
  trim(source.product_id) as product_id,
  source.quantity,
  coalesce(source.unit_price, round(products.list_price * (1 - coalesce(promotions.discount_pct, 0)), 2)) as unit_price,
  nullif(trim(source.promo_id), '') as promo_id,
  source.copy > 1 as rule__drop_duplicate_lines,
  source.quantity = 0 as rule__drop_voided_lines,
  orders.order_id is null as rule__drop_lines_without_order,
  source.unit_price is null as rule__fill_missing_unit_price
from source
left join {{ ref('stg_orders') }} as orders on orders.order_id = trim(source.order_id)
left join {{ ref('stg_products') }} as products on products.product_id = trim(source.product_id)
left join {{ ref('stg_promotions') }} as promotions on promotions.promo_id = trim(source.promo_id)
