-- The calendar, one row per day from the first to the last order: weekday, ISO week, month,
-- quarter, Singapore public holidays and MegaMart's retail seasons.
with bounds as (
  select min(order_date) as first_day, max(order_date) as last_day from {{ ref('stg_orders') }}
),
days as (
  select cast(range as date) as date from bounds, range(bounds.first_day, bounds.last_day + interval 1 day, interval 1 day)
)
select
  days.date,
  cast(year(days.date) as integer) as year,
  cast(quarter(days.date) as integer) as quarter,
  cast(month(days.date) as integer) as month,
  strftime(days.date, '%Y-%m') as year_month,
  cast(isoyear(days.date) as integer) as iso_year,
  cast(week(days.date) as integer) as iso_week,
  cast(isodow(days.date) as integer) as day_of_week,
  dayname(days.date) as day_name,
  isodow(days.date) >= 6 as is_weekend,
  seasons.season,
  holidays.name as holiday
from days
left join {{ seed('seasons') }} as seasons on days.date between seasons.start_date and seasons.end_date
left join {{ seed('public_holidays') }} as holidays on holidays.date = days.date
