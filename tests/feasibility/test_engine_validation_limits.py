"""Absurdly large numbers are refused with a clear error, not an arithmetic overflow."""

import pytest

from openpromotor.feasibility.engine import ScenarioError, evaluate


@pytest.mark.parametrize("price", [1e30, "1e30", 10**13])
def test_a_huge_price_is_refused_by_field(price):
    scenario = {"building": {"gross_floor_area_m2": 500}, "acquisition": {"price": price}}
    with pytest.raises(ScenarioError) as error:
        evaluate(scenario)
    assert error.value.errors[0]["field"] == "acquisition.price"
    assert "must not be more than" in error.value.errors[0]["message"]
