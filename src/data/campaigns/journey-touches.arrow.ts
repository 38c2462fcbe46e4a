// The touches of each journey, in order (fct_journey_touches); empty without journey tables.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {loadJourneyTables} from "../../../data-loaders/campaigns/loaders.js";
import {journeyFacts, touchesSpec} from "../../../data-loaders/campaigns/transformJourneys.js";

runLoader(async () => {
  const {tables} = await loadJourneyTables();
  const facts = tables ? journeyFacts(tables) : {touchSpec: touchesSpec([]), touches: Object.fromEntries(touchesSpec([]).columns.map((c) => [c.name, []]))};
  await writeArrowStream(facts.touchSpec, inBatches(facts.touchSpec, facts.touches));
});
