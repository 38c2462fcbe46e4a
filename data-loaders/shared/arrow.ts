/**
 * Arrow IPC stream writing for loaders: record batches built from column batches and written to
 * stdout (or any writable) as they are produced, so memory stays flat however many rows there are.
 *
 * Encoding per schema type: int32 → Int32, float64 → Float64, utf8 → Utf8 (or a Dictionary<Utf8,
 * Int16> with the schema's fixed `values`, identical in every batch so it is written once),
 * bool → Bool, date → DateDay (input: days since 1970-01-01), timestamp → TimestampMillisecond
 * (input: ms since epoch). Nulls: `null` (or NaN for float64 when the column is nullable).
 * The IPC stream carries no clock or random state, so the same batches give the same bytes.
 */
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int16,
  Int32,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  tableFromIPC,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector
} from "apache-arrow";
import {batchLength, type ColumnBatch, type ColumnSpec, type TableSpec} from "./schema.js";

const dictionaries = new WeakMap<readonly string[], Vector<Utf8>>();
function dictionaryFor(values: readonly string[]): Vector<Utf8> {
  let dict = dictionaries.get(values);
  if (!dict) dictionaries.set(values, (dict = vectorFromArray(values as string[], new Utf8())));
  return dict;
}

let nextDictionaryId = 0;
const dictionaryIds = new WeakMap<readonly string[], number>();

function arrowType(column: ColumnSpec): DataType {
  switch (column.type) {
    case "int32":
      return new Int32();
    case "float64":
      return new Float64();
    case "bool":
      return new Bool();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMillisecond();
    case "utf8": {
      if (!column.values) return new Utf8();
      let id = dictionaryIds.get(column.values);
      if (id === undefined) dictionaryIds.set(column.values, (id = nextDictionaryId++));
      return new Dictionary(new Utf8(), new Int16(), id, false);
    }
  }
}

/** The Arrow schema of a table spec (field order = spec order). */
export function arrowSchema(spec: TableSpec): Schema {
  return new Schema(spec.columns.map((c) => new Field(c.name, arrowType(c), c.nullable ?? false)));
}

function validityBitmap(values: ArrayLike<unknown>, isNull: (v: unknown) => boolean): {bitmap: Uint8Array | undefined; nulls: number} {
  let nulls = 0;
  for (let i = 0; i < values.length; i++) if (isNull(values[i])) nulls++;
  if (nulls === 0) return {bitmap: undefined, nulls};
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (!isNull(values[i])) bitmap[i >> 3] |= 1 << (i & 7);
  return {bitmap, nulls};
}

function columnData(spec: TableSpec, column: ColumnSpec, type: DataType, values: ArrayLike<unknown>): Data {
  const length = values.length;
  const where = `${spec.name}.${column.name}`;
  const isNull = column.type === "float64" ? (v: unknown) => v === null || v === undefined || Number.isNaN(v) : (v: unknown) => v === null || v === undefined;
  const {bitmap, nulls} = validityBitmap(values, isNull);
  if (nulls > 0 && !column.nullable) throw new Error(`${where}: ${nulls} null value(s) in a non-nullable column`);
  const nullBitmap = bitmap;
  switch (column.type) {
    case "float64": {
      const data = values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>, (v) => (v == null ? 0 : Number(v)));
      return makeData({type: type as Float64, length, data, nullBitmap, nullCount: nulls});
    }
    case "int32":
    case "date": {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i] as number | null;
        if (v == null) continue;
        if (!Number.isInteger(v)) throw new Error(`${where}: row ${i} holds ${v}, expected an integer`);
        data[i] = v;
      }
      return column.type === "int32"
        ? makeData({type: type as Int32, length, data, nullBitmap, nullCount: nulls})
        : makeData({type: type as DateDay, length, data, nullBitmap, nullCount: nulls});
    }
    case "timestamp": {
      const data = new BigInt64Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i] as number | null;
        if (v != null) data[i] = BigInt(Math.round(v));
      }
      return makeData({type: type as TimestampMillisecond, length, data, nullBitmap, nullCount: nulls});
    }
    case "bool": {
      const data = new Uint8Array(Math.ceil(length / 8));
      for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
      return makeData({type: type as Bool, length, data, nullBitmap, nullCount: nulls});
    }
    case "utf8": {
      if (!column.values) {
        const strings = Array.from(values as ArrayLike<string | null>, (v) => (v == null ? null : String(v)));
        return vectorFromArray(strings, new Utf8()).data[0];
      }
      const index = new Map(column.values.map((v, i) => [v, i]));
      const data = new Int16Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i] as string | null;
        if (v == null) continue;
        const k = index.get(v);
        if (k === undefined) throw new Error(`${where}: row ${i} holds "${v}", expected one of ${column.values.join(", ")}`);
        data[i] = k;
      }
      return makeData({type: type as Dictionary<Utf8, Int16>, length, data, nullBitmap, nullCount: nulls, dictionary: dictionaryFor(column.values)});
    }
  }
}

/** One Arrow record batch from a column batch, checked against the spec. */
export function recordBatch(spec: TableSpec, schema: Schema, batch: ColumnBatch): RecordBatch {
  const length = batchLength(spec, batch);
  const children = spec.columns.map((c, i) => columnData(spec, c, schema.fields[i].type, batch[c.name]));
  return new RecordBatch(schema, makeData({type: new Struct(schema.fields), length, children}));
}

/** Writes an Arrow IPC stream of the batches to `out`, respecting backpressure. */
export async function writeArrowStream(
  spec: TableSpec,
  batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
  out: NodeJS.WritableStream = process.stdout
): Promise<{rows: number; bytes: number}> {
  const schema = arrowSchema(spec);
  const writer = new RecordBatchStreamWriter();
  let rows = 0;
  let bytes = 0;
  // Arrow JS buffers written bytes in the writer's sink queue (apache-arrow io/stream.mjs,
  // AsyncByteQueue) and offers no public way to take them incrementally; we drain that queue
  // after every batch so memory holds one batch at a time. Tests pin the round trip.
  const queue = (writer as unknown as {_sink: {_values: Uint8Array[]}})._sink;
  const flush = async () => {
    for (const chunk of queue._values.splice(0)) {
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  };
  let wroteAny = false;
  for await (const batch of batches as AsyncIterable<ColumnBatch>) {
    const rb = recordBatch(spec, schema, batch);
    rows += rb.numRows;
    writer.write(rb);
    wroteAny = true;
    await flush();
  }
  if (!wroteAny) writer.write(new RecordBatch(schema, makeData({type: new Struct(schema.fields), length: 0, children: schema.fields.map((f) => makeData({type: f.type, length: 0}))})));
  writer.finish();
  await flush();
  return {rows, bytes};
}

/** The whole table as IPC bytes (tests and small outputs). */
export async function arrowBytes(spec: TableSpec, batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const sink = {
    write(chunk: Uint8Array) {
      chunks.push(chunk);
      return true;
    },
    once() {
      return sink;
    }
  } as unknown as NodeJS.WritableStream;
  await writeArrowStream(spec, batches, sink);
  return Buffer.concat(chunks);
}

/** Reads IPC bytes back into an Arrow table (tests, and loaders that post-process). */
export function readArrow(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** Splits column arrays into batches of at most `size` rows without copying typed arrays. */
export function* inBatches(spec: TableSpec, columns: ColumnBatch, size = 65_536): Generator<ColumnBatch> {
  const n = batchLength(spec, columns);
  if (n === 0) {
    yield columns;
    return;
  }
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    const batch: ColumnBatch = {};
    for (const c of spec.columns) {
      const values = columns[c.name] as ArrayLike<unknown> & {slice?: (a: number, b: number) => ArrayLike<unknown>; subarray?: (a: number, b: number) => ArrayLike<unknown>};
      batch[c.name] = values.subarray ? values.subarray(start, end) : (values as unknown[]).slice(start, end);
    }
    yield batch;
  }
}
