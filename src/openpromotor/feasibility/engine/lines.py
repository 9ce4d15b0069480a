"""Output lines: an amount with the text that says how it was computed."""

from dataclasses import dataclass
from decimal import Decimal

from .texts import Text


@dataclass(frozen=True)
class Line:
    """One rounded amount; ``source`` is the URL of the legal rate it uses, if any."""

    key: str
    label: Text
    amount: Decimal
    basis: Text
    source: str | None = None

    def to_json(self) -> dict:
        data = {
            "key": self.key,
            "label": str(self.label),
            "amount": money_json(self.amount),
            "basis": str(self.basis),
            "label_text": self.label.to_json(),
            "basis_text": self.basis.to_json(),
        }
        if self.source:
            data["source"] = self.source
        return data


def money_json(amount: Decimal) -> str:
    """Money in the output: a string with two decimals, never a float."""
    return f"{amount:.2f}"


def figure_json(amount: Decimal, basis: Text) -> dict:
    """A single money figure with its basis, for fields that are not in a list of lines."""
    return {"amount": money_json(amount), "basis": str(basis), "basis_text": basis.to_json()}


def total(lines: list[Line]) -> Decimal:
    """The sum of already rounded lines, so a total always equals the sum of what is shown."""
    return sum((line.amount for line in lines), Decimal("0.00"))
