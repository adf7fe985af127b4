"""The query benchmark alternates the engines run by run, so that a busy spell on a shared
machine falls on both sides of a ratio, and leaves warm-up runs out of its figures."""

from __future__ import annotations

from bench.run import _ratio_cells, measure


class Recorded:
    """Stands in for an engine's worker: answers with set CPU times and logs every request."""

    def __init__(self, name: str, log: list[tuple[str, str]], cpu: list[float], fails: str | None = None):
        self.name, self.log, self.cpu, self.fails = name, log, list(cpu), fails
        self.alive = True

    def ask(self, query: str) -> dict:
        self.log.append((self.name, query))
        if query == self.fails:
            return {"error": "timeout"}
        return {"cpu": self.cpu.pop(0), "wall": 1.0, "rows": 7}


def test_engines_take_turns_and_the_warm_up_is_left_out():
    log: list[tuple[str, str]] = []
    engines = {
        "project": Recorded("project", log, [9.0, 1.0, 2.0, 3.0]),
        "ox-disk": Recorded("ox-disk", log, [9.0, 1.0, 1.0, 1.5]),
    }
    found = measure(engines, ["q"], reps=3)  # type: ignore[arg-type]
    assert [e for e, _ in log] == ["project", "ox-disk", "ox-disk", "project", "project", "ox-disk", "ox-disk",
                                   "project"]  # fmt: skip
    assert found["project"]["q"] == {"cpu": [1.0, 2.0, 3.0], "wall": [1.0, 1.0, 1.0], "rows": 7}
    assert found["ox-disk"]["q"]["cpu"] == [1.0, 1.0, 1.5]


def test_an_engine_that_fails_a_query_is_not_asked_it_again_but_runs_the_next():
    log: list[tuple[str, str]] = []
    engines = {
        "project": Recorded("project", log, [1.0] * 6),
        "ox-disk": Recorded("ox-disk", log, [1.0] * 6, fails="slow"),
    }
    found = measure(engines, ["slow", "fast"], reps=2)  # type: ignore[arg-type]
    assert found["ox-disk"]["slow"] == {"error": "timeout"}
    assert log.count(("ox-disk", "slow")) == 1
    assert found["ox-disk"]["fast"]["cpu"] == [1.0, 1.0]
    assert found["project"]["slow"]["cpu"] == [1.0, 1.0]


def test_ratio_is_of_the_medians_with_the_range_of_the_paired_runs():
    assert _ratio_cells([2.0, 3.0, 4.0], [2.0, 2.0, 2.0]) == ("1.50x", "1.00-2.00")
    assert _ratio_cells([], [1.0]) == ("-", "")
