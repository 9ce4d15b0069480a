"""The one exception the workspace's services raise for a request that breaks a rule."""


class ActionRefused(Exception):
    """The action breaks a rule of the workspace (e.g. leaving as the last coordinator).

    The message is written for the person who asked; nothing has been changed.
    """

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
