"""Feasibility planner: cost, financing, cost rent and life-cycle cost of a re-use project."""
