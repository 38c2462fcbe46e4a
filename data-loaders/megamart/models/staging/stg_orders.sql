-- Order headers, one row per order: duplicate exports and staff test orders removed, channels
-- spelled one way, the order's calendar day added.
-- rule drop_duplicate_orders: an order_id exported more than once is kept once (the first row)
-- rule drop_test_orders: orders by staff test accounts (customer_id starting with TEST) removed
-- rule standardise_channel: channel written another way ("POS", "mobile app", "WEB") mapped to store, web or app
with source as (
  select *, row_number() over (partition by trim(order_id) order by rowid) as copy from {{ source('orders') }}
)
select
  trim(order_id) as order_id,
  nullif(trim(customer_id), '') as customer_id,
  nullif(trim(store_id), '') as store_id,
  standard_order_channel(channel) as channel,
  order_ts,
  cast(order_ts as date) as order_date,
  copy > 1 as rule__drop_duplicate_orders,
  coalesce(upper(trim(customer_id)) like 'TEST%', false) as rule__drop_test_orders,
  standard_order_channel(channel) is distinct from channel as rule__standardise_channel
from source
