// Journeys and their outcome (fct_journeys), from journeys.csv + touchpoints.csv or simulated;
// empty when the analyst's folder has neither.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {loadJourneyTables} from "../../../data-loaders/campaigns/loaders.js";
import {fctJourneys, journeyFacts} from "../../../data-loaders/campaigns/transformJourneys.js";

runLoader(async () => {
  const {tables} = await loadJourneyTables();
  const columns = tables ? journeyFacts(tables).journeys : Object.fromEntries(fctJourneys.columns.map((c) => [c.name, []]));
  await writeArrowStream(fctJourneys, inBatches(fctJourneys, columns));
});
