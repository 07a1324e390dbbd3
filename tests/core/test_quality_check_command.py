import argparse
import json

import pytest

from goldenthread.commands import check


def run(capsys, *argv):
    parser = argparse.ArgumentParser()
    check.add_arguments(parser)
    code = check.run(parser.parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys):
    code, out, _ = run(capsys, "By the end of Year 6 I will read 4 books in class",
                       "--dob", "2016-03-05", "--today", "2025-10-01", "--json")
    record = json.loads(out)
    assert code == 0
    assert record["due_date"] == "2027-07-31"
    assert record["criteria"]["time_bound"]["status"] == "pass"


def test_readable_report(capsys):
    code, out, _ = run(capsys, "To improve his SALT", "--today", "2025-10-01")
    assert code == 0
    assert "time bound" in out
    assert "By [when:" in out


def test_readable_report_says_what_the_judge_is_unsure_of(capsys):
    # The learned judge is unsure whether this says exactly what will change (ADR 0062).
    unsure = "Sam will take part in group work in class."
    code, out, _ = run(capsys, unsure, "--today", "2026-12-07")
    assert code == 0
    assert "Worth a second look: our checks are not sure about" in " ".join(out.split())
    _, sure, _ = run(capsys, "To improve his SALT", "--today", "2025-10-01")
    assert "Worth a second look" not in sure


@pytest.mark.parametrize(("text", "message"), [("  ", check.EMPTY_TEXT),
                                                ("x" * 100_001, check.TEXT_TOO_LONG)])
def test_bad_input_exits_2(capsys, text, message):
    code, _, err = run(capsys, text)
    assert code == 2
    assert message in err


def test_bad_date_exits_2(capsys):
    code, _, err = run(capsys, "I will read", "--dob", "05/03/2016")
    assert code == 2
    assert "YYYY-MM-DD" in err
