// Every data file of the Olist report as one archive, so the simulation and the models run once:
// pages read its members as data/olist/report/<name>.arrow (and meta.json). Simulated from SEED and
// SCALE, or built from the public Olist CSV files in $DATA_DIR/olist (docs/olist.md, docs/real-data.md).
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {buildOlistReport} from "../../../data-loaders/olist/report.js";
import {tarArchive} from "../../../data-loaders/shared/tar.js";

runLoader(async () => {
  const {files} = await buildOlistReport();
  process.stdout.write(tarArchive(files));
});
