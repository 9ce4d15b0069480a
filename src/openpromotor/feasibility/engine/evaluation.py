"""One evaluation of a scenario: capital, financing, operation, life cycle and warnings."""

from dataclasses import dataclass

from . import capital, checks, financing, lifecycle, operation
from .land import land_json
from .lines import total
from .scenario import Scenario, parse, scenario_json


@dataclass(frozen=True)
class Evaluation:
    scenario: Scenario
    capital: capital.Capital
    financing: financing.FinancingResult
    operation: operation.OperationResult
    lifecycle: lifecycle.LifecycleResult
    warnings: list[dict[str, str]]

    def to_json(self) -> dict:
        scenario = self.scenario
        land = {}
        if scenario.land is not None:
            land = {"land": land_json(scenario.land, scenario.acquisition)}
        return {
            "name": scenario.name,
            "capital": self.capital.to_json(),
            "financing": self.financing.to_json(),
            "operation": self.operation.to_json(),
            "lifecycle": self.lifecycle.to_json(),
            **land,
            "warnings": self.warnings,
            "scenario": scenario_json(scenario),
        }


def evaluate(scenario: dict) -> dict:
    """Evaluate a JSON scenario and return the JSON result; raises ScenarioError on bad input."""
    return run(parse(scenario)).to_json()


def run(scenario: Scenario) -> Evaluation:
    """Evaluate a parsed scenario (sensitivity runs use this on modified copies)."""
    base = capital.base_lines(scenario)
    loans, sizing_total = financing.size_loans(scenario.financing, total(base))
    costs = capital.financing_cost_lines(scenario.financing, loans)
    capital_result = capital.Capital(tuple(base + costs), scenario.building.gross_floor_area_m2)
    financing_result = financing.finance(
        scenario.financing, loans, sizing_total, capital_result.total
    )
    operation_result = operation.operate(scenario, financing_result)
    lifecycle_result = lifecycle.life_cycle(
        scenario.lifecycle,
        capital_result.total,
        operation_result.running_costs,
        with_ground_fee=scenario.land is not None,
    )
    return Evaluation(
        scenario=scenario,
        capital=capital_result,
        financing=financing_result,
        operation=operation_result,
        lifecycle=lifecycle_result,
        warnings=checks.warnings_for(scenario, capital_result, financing_result, operation_result),
    )
