// The MegaMart report's data, one archive: the report models as Arrow and the analyses as JSON
// (data-loaders/megamart/report.ts), simulated from SEED and SCALE or read from $DATA_DIR/megamart
// (docs/real-data.md). Pages ask for files inside it, e.g. FileAttachment("../data/megamart/report/rpt_daily_sales.arrow").
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {readOptions} from "../../../data-loaders/shared/options.js";
import {buildReport} from "../../../data-loaders/megamart/report.js";
import {tarArchive} from "../../../data-loaders/shared/tar.js";

runLoader(async () => {
  const {files} = await buildReport(readOptions());
  const archive = tarArchive(files);
  await new Promise<void>((resolve, reject) => process.stdout.write(archive, (error) => (error ? reject(error) : resolve())));
});
