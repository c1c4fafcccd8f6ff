"""An encoder the user names either loads or fails the command with a one-line reason."""

import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.align import get_encoder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOOLKIT = Path(sys.executable).parent / "toolkit"


def test_unknown_name_and_pickled_weights_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown encoder"):
        get_encoder("bogus")
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    (tmp_path / "pytorch_model.bin").write_bytes(b"a pickle would run code")
    with pytest.raises(ValueError, match="no safetensors weights"):
        get_encoder(str(tmp_path))


@pytest.mark.parametrize("command", ["entities", "align"])
def test_the_cli_fails_by_name(tmp_path, command):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "pytorch_model.bin").write_bytes(b"pickle")
    for encoder in ("bogus", str(tmp_path)):
        proc = subprocess.run([str(TOOLKIT), command, str(EXAMPLES / "report_en.txt"), str(EXAMPLES / "report_ar.txt"),
                               "--encoder", encoder], capture_output=True, text=True, timeout=120)
        assert proc.returncode != 0 and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and encoder in proc.stderr
