// The real-time marketing report's data: one tar of Arrow files (facts, dimensions, aggregates,
// data-test results), so the simulation and the SQL transforms run once per build. Pages read
// FileAttachment("data/rtm/facts/<file>.arrow"). Simulated from SEED and SCALE, or read from
// $DATA_DIR/rtm (docs/real-data.md). Any failing data test stops the build.
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {runRtmPipeline} from "../../../data-loaders/rtm/pipeline.js";
import {tarArchive} from "../../../data-loaders/shared/tar.js";

runLoader(async () => {
  const {files} = await runRtmPipeline({progress: true});
  const archive = tarArchive(files);
  await new Promise<void>((resolve, reject) => process.stdout.write(archive, (error) => (error ? reject(error) : resolve())));
});
