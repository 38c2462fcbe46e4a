-- Stores, one row each: names trimmed, the region and planning area spelled one way.
-- rule standardise_region: region written another way ("north east", "NE", "Central Region") mapped to Central, East, North, North-East or West
-- rule standardise_planning_area: planning area in another case or with spaces (" tampines") written as URA spells it
with source as (
  select * from {{ source('stores') }}
),
cleaned as (
  select
    trim(store_id) as store_id,
    trim(store_name) as store_name,
    standard_region(source.region) as region,
    coalesce(areas.name, trim(source.planning_area)) as planning_area,
    source.format,
    source.size_sqft,
    source.opened_date,
    source.latitude,
    source.longitude,
    standard_region(source.region) is distinct from source.region as rule__standardise_region,
    coalesce(areas.name, trim(source.planning_area)) is distinct from source.planning_area as rule__standardise_planning_area
  from source
  left join {{ seed('planning_areas') }} as areas on lower(trim(source.planning_area)) = lower(areas.name)
)
select * from cleaned
