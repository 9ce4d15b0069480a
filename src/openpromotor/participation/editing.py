"""Saving an edit without overwriting someone else's save in between.

Stakeholders, plan cells and meetings carry a ``version`` that grows with every save. An edit
form remembers the version it started from; ``save_versioned`` refuses the save when the
object has moved on and hands back the object as it is now, so the page can show both versions
and let the editor decide (as tasks do in the roadmap).
"""


class EditConflict(Exception):
    """Someone saved after the editor opened the form; ``current`` is the object as it is now."""

    def __init__(self, current):
        super().__init__(current)
        self.current = current


def save_versioned(queryset, pk, expected_version: int, changes: dict):
    """Apply ``changes`` to the object unless its version is no longer ``expected_version``.

    Call it inside a transaction: the row stays locked until the caller commits.
    """
    current = queryset.select_for_update().get(pk=pk)
    if current.version != expected_version:
        raise EditConflict(current)
    for name, value in changes.items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    return current
