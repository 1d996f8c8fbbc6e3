"""Writes the Parquet files CopyParquetTest loads (run with pyarrow installed; output committed).

Row i (0 <= i < 50): id = i, name = 'name-<i>' (NULL when i % 7 == 3), score = i / 4 (float64),
dt = 2024-01-01 + i days, v = [i, i + 0.25, -i] (float32 fixed-size list). The file written
with a column the table lacks (extra) tests that a field must be loaded or listed away.
"""
import datetime

import pyarrow as pa
import pyarrow.parquet as pq

N = 50
ids = list(range(N))
names = [None if i % 7 == 3 else f"name-{i}" for i in ids]
scores = [i / 4 for i in ids]
days = [datetime.date(2024, 1, 1) + datetime.timedelta(days=i) for i in ids]
vectors = [[float(i), i + 0.25, float(-i)] for i in ids]

table = pa.table({
    "id": pa.array(ids, pa.int64()),
    "name": pa.array(names, pa.string()),
    "score": pa.array(scores, pa.float64()),
    "dt": pa.array(days, pa.date32()),
    "v": pa.array(vectors, pa.list_(pa.float32(), 3)),
})
pq.write_table(table, "rows-snappy.parquet", compression="snappy", row_group_size=20)
pq.write_table(table, "rows-plain.parquet", compression="none")
pq.write_table(table.append_column("extra", pa.array(ids, pa.int32())), "rows-extra.parquet",
               compression="snappy")
