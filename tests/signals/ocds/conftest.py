from __future__ import annotations

import duckdb
import pytest


@pytest.fixture
def con():
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    yield connection
    connection.close()
