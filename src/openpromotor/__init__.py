"""Open Promotor: a platform for the cooperative re-use of vacant and under-used buildings."""
