-- Members, one row each: who they are, how they were acquired, what they consented to, and their
-- order history (first and last order, orders, revenue, refunds).
with history as (
  select customer_id, min(order_date) as first_order_date, max(order_date) as last_order_date,
         count(*) as orders, sum(net_revenue) as net_revenue, sum(gross_margin) as gross_margin,
         sum(refund_amount) as refund_amount,
         avg(case when channel = 'store' then 0.0 else 1.0 end) as online_share,
         avg(case when has_promotion then 1.0 else 0.0 end) as promotion_share
  from {{ ref('fct_orders') }}
  where customer_id is not null
  group by customer_id
)
select
  customers.customer_id,
  customers.email,
  customers.gender,
  customers.birth_year,
  case
    when customers.birth_year is null then 'unknown'
    when 2024 - customers.birth_year < 25 then 'under 25'
    when 2024 - customers.birth_year < 35 then '25-34'
    when 2024 - customers.birth_year < 45 then '35-44'
    when 2024 - customers.birth_year < 55 then '45-54'
    else '55+' end as age_band,
  customers.home_planning_area,
  areas.region as home_region,
  customers.acquisition_channel,
  customers.acquisition_date,
  customers.loyalty_tier_member,
  customers.app_user,
  customers.email_opt_in,
  customers.sms_opt_in,
  customers.push_opt_in,
  history.first_order_date,
  history.last_order_date,
  cast(coalesce(history.orders, 0) as integer) as orders,
  round(coalesce(history.net_revenue, 0), 2) as net_revenue,
  round(coalesce(history.gross_margin, 0), 2) as gross_margin,
  round(coalesce(history.refund_amount, 0), 2) as refund_amount,
  coalesce(history.online_share, 0) as online_share,
  coalesce(history.promotion_share, 0) as promotion_share
from {{ ref('stg_customers') }} as customers
left join history using (customer_id)
left join {{ seed('planning_areas') }} as areas on areas.name = customers.home_planning_area
