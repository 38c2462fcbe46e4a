-- Macros shared by the staging models: one spelling for each category, region, channel and event
-- type, whatever the export wrote. An unknown spelling maps to NULL, so a data test names it.

CREATE OR REPLACE MACRO text_key(x) AS regexp_replace(lower(trim(x)), '[^a-z0-9]+', '', 'g');

CREATE OR REPLACE MACRO standard_category(x) AS CASE text_key(x)
  WHEN 'electronics' THEN 'electronics' WHEN 'electronic' THEN 'electronics'
  WHEN 'fashion' THEN 'fashion' WHEN 'apparel' THEN 'fashion'
  WHEN 'groceries' THEN 'groceries' WHEN 'grocery' THEN 'groceries'
  WHEN 'homegoods' THEN 'home goods' WHEN 'homeliving' THEN 'home goods'
  ELSE NULL END;

CREATE OR REPLACE MACRO standard_region(x) AS CASE regexp_replace(text_key(x), 'region$', '')
  WHEN 'central' THEN 'Central' WHEN 'east' THEN 'East' WHEN 'north' THEN 'North'
  WHEN 'northeast' THEN 'North-East' WHEN 'ne' THEN 'North-East' WHEN 'west' THEN 'West'
  ELSE NULL END;

CREATE OR REPLACE MACRO standard_order_channel(x) AS CASE text_key(x)
  WHEN 'store' THEN 'store' WHEN 'instore' THEN 'store' WHEN 'pos' THEN 'store'
  WHEN 'web' THEN 'web' WHEN 'website' THEN 'web'
  WHEN 'app' THEN 'app' WHEN 'mobileapp' THEN 'app'
  ELSE NULL END;

CREATE OR REPLACE MACRO standard_acquisition_channel(x) AS CASE text_key(x)
  WHEN 'instore' THEN 'in_store' WHEN 'organic' THEN 'organic' WHEN 'paidsearch' THEN 'paid_search'
  WHEN 'paidsocial' THEN 'paid_social' WHEN 'display' THEN 'display' WHEN 'affiliate' THEN 'affiliate'
  WHEN 'referral' THEN 'referral'
  ELSE NULL END;

CREATE OR REPLACE MACRO standard_event_type(x) AS CASE text_key(x)
  WHEN 'sent' THEN 'sent' WHEN 'send' THEN 'sent'
  WHEN 'delivered' THEN 'delivered' WHEN 'delivery' THEN 'delivered'
  WHEN 'opened' THEN 'opened' WHEN 'open' THEN 'opened'
  WHEN 'clicked' THEN 'clicked' WHEN 'click' THEN 'clicked'
  WHEN 'purchased' THEN 'purchased' WHEN 'purchase' THEN 'purchased' WHEN 'conversion' THEN 'purchased'
  ELSE NULL END;

CREATE OR REPLACE MACRO standard_gender(x) AS CASE text_key(x)
  WHEN 'f' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'male' THEN 'M'
  ELSE 'unknown' END;
