/** An events row as the probes read it back to replay it elsewhere: the JSON columns as text (`data::text`), the position left out. */
export interface EventTextRow {
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
}
