from tests.projects.conftest import _workspace_settings, on_commit, team  # noqa: F401
