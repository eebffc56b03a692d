"""Does every lesson and solution notebook run headless under papermill?"""

from __future__ import annotations

import json

import pytest

from mlpm.execute import execute_notebook, runnable_notebooks
from notebook_tools import ROOT

pytestmark = pytest.mark.notebooks


@pytest.mark.parametrize("notebook", runnable_notebooks(ROOT), ids=lambda p: p.name)
def test_notebook_runs_clean(notebook, tmp_path):
    """Does the notebook execute without error and without writing to stderr?"""
    output = tmp_path / notebook.name
    result = execute_notebook(notebook, output)
    assert result.ok, result.error
    stderr = [
        "".join(o.get("text", ""))
        for cell in json.loads(output.read_text())["cells"] if cell["cell_type"] == "code"
        for o in cell["outputs"] if o.get("name") == "stderr"
    ]
    assert not stderr, stderr
