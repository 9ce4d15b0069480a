"""Tests of the listings domain (no Django)."""
