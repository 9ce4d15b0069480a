"""The pages of the stakeholder map, the participation plan and the governance bodies."""
