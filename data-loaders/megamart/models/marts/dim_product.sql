-- Products, one row each, with their list margin.
select
  product_id,
  product_name,
  category,
  subcategory,
  brand,
  list_price,
  unit_cost,
  case when list_price > 0 then (list_price - unit_cost) / list_price end as list_margin
from {{ ref('stg_products') }}
