// Daily performance per campaign (fct_daily_performance) as Arrow: simulated from SEED and SCALE,
// or read from $DATA_DIR/campaigns (docs/real-data.md).
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {loadRawTables} from "../../../data-loaders/shared/source.js";
import {rawTables} from "../../../data-loaders/campaigns/schema.js";
import {simulateCampaigns} from "../../../data-loaders/campaigns/simulate.js";
import {dailyPerformance, fctDailyPerformance, withDictionaries} from "../../../data-loaders/campaigns/transform.js";

runLoader(async () => {
  const {tables} = await loadRawTables("campaigns", rawTables, simulateCampaigns);
  const daily = dailyPerformance(tables);
  const spec = withDictionaries(fctDailyPerformance, daily, ["campaign_id", "campaign_name"]);
  await writeArrowStream(spec, inBatches(spec, daily));
});
