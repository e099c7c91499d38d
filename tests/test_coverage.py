"""`parley coverage`: predicates linking two actors that nothing codes, on text written
for this test."""

from __future__ import annotations

from pathlib import Path

from conftest import run_parley

TEXT = """DATE: 2022-03-01

Kenya condemned Uganda over the border raid. Kenya represents Uganda at the talks.
Kenya serenaded Uganda at the summit. Kenya serenaded Tanzania too.
"""


def test_coverage_lists_unknown_predicates_with_their_share(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = run_parley("coverage", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "predicates linking two actors: 4" in lines
    assert "coded by a rule: 1" in lines
    assert "not events (nonevents.yaml): 1" in lines
    assert "unknown: 2 (50.0%)" in lines
    assert any(line.split()[:2] == ["2", "serenade"] for line in lines)
