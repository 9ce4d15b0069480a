"""Private storage for project documents, outside ``MEDIA_ROOT``.

Nothing serves this folder: the web server and the development ``static()`` route only serve
``MEDIA_ROOT``. A file leaves only through the download view, which checks who is asking. The
folder is the ``PRIVATE_MEDIA_ROOT`` setting; it is read on every use so tests can point it at
a temporary folder.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return Path(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # no URL: ``url()`` refuses, so templates cannot link to the file directly


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def document_path(version, filename: str) -> str:
    """A random name: the uploader's file name is kept in the database only."""
    extension = version.extension or "bin"
    return f"project-documents/{version.document.project_id}/{uuid.uuid4().hex}.{extension}"
