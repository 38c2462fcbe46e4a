-- Orders by weekday and hour, in stores and online: when to staff tills and run the site's promotions.
select
  case when channel = 'store' then 'store' else 'online' end as place,
  cast(isodow(order_ts) as integer) as day_of_week,
  cast(hour(order_ts) as integer) as hour,
  cast(count(*) as integer) as orders,
  round(sum(net_revenue), 2) as net_revenue
from {{ ref('fct_orders') }}
group by all
