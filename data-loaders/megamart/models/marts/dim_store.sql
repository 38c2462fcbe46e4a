-- Stores, one row each, with their age and size class.
select
  store_id,
  store_name,
  region,
  planning_area,
  format,
  size_sqft,
  opened_date,
  latitude,
  longitude
from {{ ref('stg_stores') }}
