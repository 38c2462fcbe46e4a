-- Products, one row each: categories spelled one way, missing costs imputed.
-- rule standardise_category: category written another way ("Electronic", "home_goods", "Apparel") mapped to electronics, fashion, groceries or home goods
-- rule impute_missing_cost: missing unit cost set to list price × (1 − the category's median margin among products with a cost; all products' median when no product of the category has one)
with source as (
  select *, standard_category(category) as clean_category from {{ source('products') }}
),
category_margin as (
  select clean_category, median(1 - unit_cost / list_price) as median_margin
  from source
  where unit_cost is not null and list_price > 0
  group by clean_category
),
overall_margin as (
  select median(1 - unit_cost / list_price) as median_margin from source where unit_cost is not null and list_price > 0
)
select
  trim(product_id) as product_id,
  trim(product_name) as product_name,
  source.clean_category as category,
  lower(trim(subcategory)) as subcategory,
  trim(brand) as brand,
  list_price,
  coalesce(unit_cost, round(list_price * (1 - coalesce(category_margin.median_margin, overall_margin.median_margin)), 2)) as unit_cost,
  source.clean_category is distinct from source.category as rule__standardise_category,
  unit_cost is null as rule__impute_missing_cost
from source
left join category_margin using (clean_category)
cross join overall_margin
