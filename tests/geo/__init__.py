"""Tests of the pure geographic helpers (no Django)."""
