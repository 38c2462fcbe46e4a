// The Alyce market mix model's outputs as one archive, so the model is fitted once per build:
// pages read data/alyce/mmm/weeks.arrow, contributions.arrow and model.json. Simulated from SEED
// and SCALE, or fitted on $DATA_DIR/alyce/alyce_marketing_weekly.csv (docs/alyce.md, docs/real-data.md).
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {buildMmmReport} from "../../../data-loaders/alyce/mmm-outputs.js";
import {tarArchive} from "../../../data-loaders/shared/tar.js";

runLoader(async () => {
  const {files} = await buildMmmReport();
  process.stdout.write(tarArchive(files));
});
