// Every data file of the Alyce "Clients and gifts" page as one archive, so the simulation runs once:
// the page reads its members as data/alyce/clients/<name>.arrow (and meta.json). Simulated from SEED
// and SCALE (weekly revenue from the market mix simulation), or built from the analyst's six client
// tables in $ALYCE_DATA_DIR or $DATA_DIR/alyce (docs/alyce.md, docs/real-data.md).
import {buildClientReport} from "../../../data-loaders/alyce/clients-report.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {tarArchive} from "../../../data-loaders/shared/tar.js";

runLoader(async () => {
  const {files} = await buildClientReport();
  process.stdout.write(tarArchive(files));
});
