-- Message events, one row per event: webhook retries removed, event types spelled one way.
-- rule drop_duplicate_events: an event_id delivered more than once by the platform's webhooks kept once (the first)
-- rule standardise_event_type: event type written another way ("Open", "click", "CONVERSION") mapped to sent, delivered, opened, clicked or purchased
with source as (
  select *, row_number() over (partition by trim(event_id) order by rowid) as copy from {{ source('campaign_events') }}
)
select
  trim(event_id) as event_id,
  trim(campaign_id) as campaign_id,
  trim(customer_id) as customer_id,
  standard_event_type(event_type) as event_type,
  event_ts,
  copy > 1 as rule__drop_duplicate_events,
  standard_event_type(event_type) is distinct from event_type as rule__standardise_event_type
from source
