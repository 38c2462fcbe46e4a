-- Promotions, one row each, with categories spelled as in stg_products (empty = every category).
-- rule standardise_category: category written another way mapped to electronics, fashion, groceries or home goods
select
  trim(promo_id) as promo_id,
  trim(promo_name) as promo_name,
  start_date,
  end_date,
  standard_category(category) as category,
  scope,
  discount_pct,
  category is not null and standard_category(category) is distinct from category as rule__standardise_category
from {{ source('promotions') }}
