"""The audit split: question sets written blind, after the planner, by someone who had not seen its rules or
its answers, over tables invented for them. Scored once as written (a fresh estimate of how the planner does on
questions worded by others), then kept as development cases. Each author's module holds TABLES (name ->
generator, as in ../tables.py), CASES and FLAGGED (as in ../dev_cases.py)."""
import importlib
import pkgutil

TABLES, CASES, FLAGGED = {}, [], []
for _m in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _mod = importlib.import_module(__name__ + "." + _m)
    for _name in _mod.TABLES:
        assert _name not in TABLES, "two audit modules define table %s" % _name
    TABLES.update(_mod.TABLES)
    CASES.extend(_mod.CASES)
    FLAGGED.extend(_mod.FLAGGED)
