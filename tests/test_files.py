"""gui.common.files.write_file: atomic writes that keep the target's mode,
follow symbolic links, refuse read-only targets and name the chosen path in
every message (issue 14, point 7). The tests run as root, so a mode bit never
stops a write by itself: write_file checks the bits, and a failure is made
with a path whose parent is a regular file."""

import os
import stat

import pytest
from PySide6.QtCore import QSaveFile

from gui.common import files
from gui.common.files import write_file


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _make(path, text="old", mode=0o644):
    path.write_text(text)
    os.chmod(path, mode)
    return path


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _assert_names_only(err: OSError, path, folder) -> None:
    """The message starts with the chosen path and names no other file of its
    folder (such as a temporary one)."""
    message = str(err)
    assert message.startswith(f"{path}: ") and len(message) > len(f"{path}: ")
    others = {p.name for p in folder.iterdir()} - {os.path.basename(path)}
    assert not any(name in message.removeprefix(f"{path}: ") for name in others)


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o604, 0o664])
def test_an_existing_target_keeps_its_mode(tmp_path, umask, mode):
    umask(0o077)  # the umask applies to new files only
    path = _make(tmp_path / "net.json", mode=mode)
    write_file(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_mode(tmp_path, umask, mask, mode):
    umask(mask)
    path = tmp_path / "new.json"
    write_file(str(path), b"{}")
    assert path.read_bytes() == b"{}"
    assert _mode(path) == mode


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_target_is_refused_naming_the_path(tmp_path, mode):
    path = _make(tmp_path / "locked.json", mode=mode)
    with pytest.raises(OSError, match="read-only") as info:
        write_file(str(path), b"new")
    _assert_names_only(info.value, path, tmp_path)
    assert path.read_text() == "old" and _mode(path) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["locked.json"]


def test_a_link_to_a_read_only_file_is_refused_naming_the_link(tmp_path):
    target = _make(tmp_path / "locked.json", mode=0o444)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(OSError, match="read-only") as info:
        write_file(str(link), b"new")
    assert str(info.value).startswith(f"{link}: ")
    assert target.read_text() == "old"


def test_a_symbolic_link_is_written_through(tmp_path):
    target = _make(tmp_path / "real.json", mode=0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)  # relative, as `ln -s real.json link.json` makes it
    write_file(str(link), b"through")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert target.read_bytes() == b"through"
    assert _mode(target) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_a_chain_of_links_and_a_dangling_link_are_written_through(tmp_path):
    target = _make(tmp_path / "real.json")
    middle, outer = tmp_path / "middle.json", tmp_path / "outer.json"
    middle.symlink_to(target)
    outer.symlink_to(middle)
    write_file(str(outer), b"chain")
    assert target.read_bytes() == b"chain" and outer.is_symlink() and middle.is_symlink()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "created.json")
    write_file(str(dangling), b"made")
    assert dangling.is_symlink() and (tmp_path / "created.json").read_bytes() == b"made"


def test_a_failure_leaves_no_temporary_file_and_names_the_chosen_path(tmp_path):
    parent = tmp_path / "not-a-folder"
    parent.write_text("a regular file")
    path = parent / "net.json"
    with pytest.raises(OSError) as info:
        write_file(str(path), b"data")
    assert str(info.value) == f"{path}: Not a directory"
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]
    assert parent.read_text() == "a regular file"


@pytest.mark.parametrize("where", ["a missing folder", "a folder"])
def test_other_unwritable_paths_are_refused(tmp_path, where):
    path = tmp_path / "missing" / "net.json" if where == "a missing folder" else tmp_path
    with pytest.raises(OSError) as info:
        write_file(str(path), b"data")
    assert str(info.value).startswith(f"{path}: ")
    assert [p.name for p in tmp_path.iterdir()] == []


class _ShortWrite(QSaveFile):
    """A disk that takes one byte and fails (as a full disk does)."""

    def write(self, data):
        super().write(bytes(data)[:1])
        return 1


class _FailedRename(QSaveFile):
    """A commit that fails after everything was written."""

    def commit(self):
        self.cancelWriting()
        return super().commit()


@pytest.mark.parametrize("broken", [_ShortWrite, _FailedRename])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch,
                                                                     broken):
    path = _make(tmp_path / "net.json")
    monkeypatch.setattr(files, "QSaveFile", broken)
    with pytest.raises(OSError) as info:
        write_file(str(path), b"new data")
    _assert_names_only(info.value, path, tmp_path)
    assert path.read_text() == "old" and _mode(path) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]
