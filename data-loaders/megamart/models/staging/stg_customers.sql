-- Members, one row each: duplicates removed, e-mail, gender and acquisition channel spelled one way,
-- impossible birth years removed.
-- rule drop_duplicate_customers: a customer_id exported more than once is kept once (the first row)
-- rule normalise_email: e-mail with capitals or surrounding spaces written in lower case, trimmed
-- rule standardise_gender: gender written as a word ("female") or left empty mapped to F, M or unknown
-- rule null_implausible_birth_year: birth year before 1925 or after 2010 set to missing
-- rule standardise_acquisition_channel: acquisition channel written another way ("Paid Social", "paid-search") mapped to the channel list
with source as (
  select *, row_number() over (partition by trim(customer_id) order by rowid) as copy from {{ source('customers') }}
)
select
  trim(customer_id) as customer_id,
  lower(trim(email)) as email,
  standard_gender(gender) as gender,
  case when birth_year between 1925 and 2010 then birth_year end as birth_year,
  trim(home_planning_area) as home_planning_area,
  standard_acquisition_channel(acquisition_channel) as acquisition_channel,
  acquisition_date,
  loyalty_tier_member,
  app_user,
  email_opt_in,
  sms_opt_in,
  push_opt_in,
  copy > 1 as rule__drop_duplicate_customers,
  lower(trim(email)) is distinct from email as rule__normalise_email,
  standard_gender(gender) is distinct from gender as rule__standardise_gender,
  birth_year is not null and birth_year not between 1925 and 2010 as rule__null_implausible_birth_year,
  standard_acquisition_channel(acquisition_channel) is distinct from acquisition_channel as rule__standardise_acquisition_channel
from source
