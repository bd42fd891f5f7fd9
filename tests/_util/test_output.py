"""Where output goes: links written through, FIFOs streamed, devices and folders refused, inputs protected."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from policytext._util.output import output_target, write_output
from policytext.errors import InputError


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_output(output_target(link, overwrite=True), "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_fifo_is_streamed_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(Path(fifo).read_bytes()))
    reader.start()
    write_output(output_target(fifo), "抓党建\n")
    reader.join(timeout=10)
    assert got == ["抓党建\n".encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_device_is_refused_and_left_alone():
    with pytest.raises(InputError, match="is a device"):
        output_target("/dev/full", overwrite=True)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_directory_and_a_missing_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        output_target(tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        output_target(tmp_path / "no" / "out.csv")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_place_is_named(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    with pytest.raises(InputError, match="permission denied"):
        output_target(locked / "out.csv")


def test_dash_is_standard_output(capsys):
    write_output(output_target("-"), "抓党建\n")
    assert capsys.readouterr().out == "抓党建\n"
