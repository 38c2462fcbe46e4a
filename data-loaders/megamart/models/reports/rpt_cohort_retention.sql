-- Members by the month they joined (cohort) and months since: how many bought that month and
-- what they spent.
with cohorts as (
  select customer_id, cast(date_trunc('month', acquisition_date) as date) as cohort_month
  from {{ ref('dim_customer') }}
),
sizes as (
  select cohort_month, count(*) as members from cohorts group by all
),
activity as (
  select cohorts.cohort_month,
         cast(date_diff('month', cohorts.cohort_month, date_trunc('month', orders.order_date)) as integer) as months_since,
         count(distinct orders.customer_id) as active_members,
         sum(orders.net_revenue) as net_revenue
  from {{ ref('fct_orders') }} as orders
  join cohorts using (customer_id)
  group by all
)
select
  activity.cohort_month,
  activity.months_since,
  cast(sizes.members as integer) as members,
  cast(activity.active_members as integer) as active_members,
  round(activity.net_revenue, 2) as net_revenue
from activity
join sizes using (cohort_month)
where activity.months_since >= 0
