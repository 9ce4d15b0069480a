"""Adding documents and their versions (the file was checked by ``filetypes.identify``).

A new version gets the next number under a lock on the document, so two uploads at once
still get distinct numbers.
"""

from pathlib import PurePath

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_noop

from openpromotor.projects import activity
from openpromotor.projects.models import Document, DocumentVersion, EventKind, Part


def _original_name(upload, extension: str) -> str:
    stem = PurePath(upload.name or "document").stem[:150] or "document"
    return f"{stem}.{extension}"


def _store(document, upload, file_type, user, note) -> DocumentVersion:
    last = document.versions.aggregate(number=Max("number"))["number"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        original_name=_original_name(upload, file_type.extension),
        content_type=file_type.content_type,
        extension=file_type.extension,
        size=upload.size,
        note=note,
        uploaded_by=user,
    )
    upload.seek(0)
    version.file.save(version.original_name, upload, save=False)
    version.save()
    return version


@transaction.atomic
def add_document(project, user, title, upload, file_type, phase=None, task=None, note=""):
    document = Document.objects.create(
        project=project, title=title, phase=phase, task=task, created_by=user
    )
    _store(document, upload, file_type, user, note)
    activity.record(
        project,
        user,
        EventKind.DOCUMENT,
        Part.DOCUMENTS,
        gettext_noop("{name} added the document “{document}”."),
        {"name": user.display_name, "document": title},
        document.get_absolute_url(),
    )
    return document


@transaction.atomic
def add_version(document, user, upload, file_type, note="") -> DocumentVersion:
    document = Document.objects.select_for_update().get(pk=document.pk)
    version = _store(document, upload, file_type, user, note)
    document.updated_at = timezone.now()
    document.save(update_fields=["updated_at"])
    activity.record(
        document.project,
        user,
        EventKind.DOCUMENT,
        Part.DOCUMENTS,
        gettext_noop("{name} uploaded version {number} of “{document}”."),
        {"name": user.display_name, "document": document.title, "number": version.number},
        document.get_absolute_url(),
    )
    return version
