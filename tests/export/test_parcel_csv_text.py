"""The parcel table's own CSV writer (issue 24 §4: pandas' float formatting was a third of the
batch) writes byte for byte what pandas writes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from naturplan.export.parcel_table import csv_text
from naturplan.export.tables.cells import csv_safe


def _pandas(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for column in out.select_dtypes(include=["object", "string"]).columns:
        out[column] = out[column].map(lambda v: csv_safe(v) if isinstance(v, str) else v)
    return out.to_csv(index=False, float_format="%.4f")


def test_the_csv_text_equals_pandas_on_awkward_cells():
    frame = pd.DataFrame({
        "ejerlavskode": pd.array([60851, None, 7], dtype="Int64"),
        "area_m2": [1.5, np.nan, 1 / 3],
        "p3_types": ["Mose, Eng", 'a "quoted" name', "=SUM(A1)"],
        "synthetic_data": [True, False, True],
        "candidate_ids": [None, "ok", "two\nlines"],
        "share": [np.nan, 2.0, -0.00004],
        "zeros": [0.0, -0.0, 0.0],
        "big": [1e12 + 0.123456, 0.00005, 12345.67895],
    })
    assert csv_text(frame) == _pandas(frame)


def test_the_csv_text_equals_pandas_on_many_random_numbers():
    rng = np.random.default_rng(24)
    values = rng.uniform(-1e6, 1e6, 5000) * rng.choice([1, 1e-6, 1e3], 5000)
    values[::11] = np.nan
    frame = pd.DataFrame({"x": values, "text": rng.choice(["a", "b,c", ""], 5000)})
    assert csv_text(frame) == _pandas(frame)
