-- Each member's basket mix: the share of their revenue in each category (for clustering members
-- by what they buy, not only how often and how much).
select
  customer_id,
  round(sum(net_revenue), 2) as net_revenue,
  coalesce(sum(net_revenue) filter (where category = 'electronics') / nullif(sum(net_revenue), 0), 0) as electronics_share,
  coalesce(sum(net_revenue) filter (where category = 'fashion') / nullif(sum(net_revenue), 0), 0) as fashion_share,
  coalesce(sum(net_revenue) filter (where category = 'groceries') / nullif(sum(net_revenue), 0), 0) as groceries_share,
  coalesce(sum(net_revenue) filter (where category = 'home goods') / nullif(sum(net_revenue), 0), 0) as home_goods_share
from {{ ref('fct_order_items') }}
where customer_id is not null
group by customer_id
