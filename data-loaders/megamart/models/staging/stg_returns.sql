-- Returns, one row each: refunds capped at what the line cost.
-- rule cap_refund_at_line_value: refund above the line's value (quantity × unit price) capped at that value
select
  trim(returns.return_id) as return_id,
  trim(returns.order_id) as order_id,
  returns.line_number,
  returns.return_date,
  returns.reason,
  case when items.order_id is not null then least(returns.refund_amount, round(items.quantity * items.unit_price, 2)) else returns.refund_amount end as refund_amount,
  items.order_id is not null and returns.refund_amount > round(items.quantity * items.unit_price, 2) + 0.005 as rule__cap_refund_at_line_value
from {{ source('returns') }} as returns
left join {{ ref('stg_order_items') }} as items on items.order_id = trim(returns.order_id) and items.line_number = returns.line_number
