"""The workspace views, one module per part (see ``urls.py``)."""
