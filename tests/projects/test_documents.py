"""Documents: checked by content, limited in size, stored privately (never under MEDIA_ROOT),
served only to those allowed, with versions and links to a phase or task."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from openpromotor.projects import filetypes
from openpromotor.projects.models import Document, DocumentVersion, Role
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _zip(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx() -> bytes:
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def image(format_name="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (10, 120, 60)).save(buffer, format=format_name)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("plan.pdf", PDF_BYTES, "pdf"),
        ("statuten.docx", docx(), "docx"),
        (
            "budget.xlsx",
            _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"}),
            "xlsx",
        ),
        ("tekst.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"}), "odt"),
        ("foto.jpg", image("JPEG"), "jpg"),
        ("foto.JPEG", image("JPEG"), "jpg"),
        ("schets.png", image(), "png"),
        ("zonder-extensie", PDF_BYTES, "pdf"),
    ],
)
def test_accepted_files_are_recognised_by_content(name, content, extension):
    assert filetypes.identify(SimpleUploadedFile(name, content)).extension == extension


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"<html>no pdf</html>", "is named as a PDF file, but its content is not"),
        ("plan.pdf", docx(), "is named as a PDF file, but its content is not"),
        ("script.exe", b"MZ\x90\x00binary", "This kind of file is not accepted"),
        ("notes.txt", b"plain text", "This kind of file is not accepted"),
        ("archief.zip", _zip({"a.txt": "x"}), "This kind of file is not accepted"),
        (
            "macro.docm",
            _zip(
                {"[Content_Types].xml": "x", "word/document.xml": "x", "word/vbaProject.bin": "x"}
            ),
            "Documents with macros are not accepted",
        ),
        ("animatie.gif", image("GIF"), "This kind of file is not accepted"),
        ("foto.png", image("GIF"), "is named as a PNG file, but its content is not"),
        ("leeg.pdf", b"", "The file is empty"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(name, content, message):
    with pytest.raises(ValidationError) as refused:
        filetypes.identify(SimpleUploadedFile(name, content))
    assert message in " ".join(refused.value.messages)


@pytest.fixture
def setup(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    client.force_login(coordinator)
    return project, coordinator, client


def _upload(client, project, name="plan.pdf", content=PDF_BYTES, **data):
    values = {"title": "Financieringsplan", "note": "eerste versie"} | data
    values["file"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(reverse("projects:upload", args=[project.pk]), values)


def test_an_upload_is_stored_privately_and_served_only_to_members(setup):
    project, _coordinator, client = setup
    phase = project.phases.first()
    response = _upload(client, project, phase=phase.pk)
    document = Document.objects.get()
    assert response["Location"] == document.get_absolute_url() and document.phase == phase
    version = document.versions.get()
    assert (version.content_type, version.original_name, version.size) == (
        "application/pdf",
        "plan.pdf",
        len(PDF_BYTES),
    )
    stored = Path(version.file.path).resolve()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert "plan" not in stored.name  # a random name on disk
    with pytest.raises(ValueError):
        version.file.url  # noqa: B018 (no URL exists for a private file)

    download = client.get(version.get_download_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Disposition"].startswith("attachment")
    assert "no-store" in download["Cache-Control"]
    assert download["Content-Type"] == "application/pdf"

    client.force_login(UserFactory())
    assert client.get(version.get_download_url()).status_code == 404
    client.logout()
    assert client.get(version.get_download_url()).status_code == 404
    # Public documents may be downloaded by anyone.
    project.documents_are_public = True
    project.save()
    assert client.get(version.get_download_url()).status_code == 200


def test_a_fake_pdf_is_refused_and_the_form_keeps_its_text(setup):
    project, _coordinator, client = setup
    response = _upload(client, project, content=b"not a pdf at all", title="Mijn titel")
    assert response.status_code == 400
    page = response.content.decode()
    assert "is named as a PDF file, but its content is not" in page
    assert 'value="Mijn titel"' in page
    assert not Document.objects.exists()
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*"))


def test_an_oversized_file_is_refused(setup, monkeypatch):
    project, _coordinator, client = setup
    monkeypatch.setattr(filetypes, "MAX_DOCUMENT_BYTES", 100)
    response = _upload(client, project, content=PDF_BYTES + b" " * 200)
    assert response.status_code == 400
    assert "The file is too large" in response.content.decode()
    assert not Document.objects.exists()


def test_the_real_size_limit_is_twenty_megabytes():
    big = SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError, match="too large"):
        filetypes.identify(big)


def test_new_versions_are_numbered(setup):
    project, _coordinator, client = setup
    _upload(client, project)
    document = Document.objects.get()
    url = reverse("projects:add_version", args=[project.pk, document.pk])
    client.post(url, {"file": SimpleUploadedFile("plan-v2.docx", docx()), "note": "met bank"})
    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"fake"), "note": "kapot"})
    assert response.status_code == 400
    versions = list(document.versions.values_list("number", "extension", "note"))
    assert versions == [(2, "docx", "met bank"), (1, "pdf", "eerste versie")]
    page = client.get(document.get_absolute_url()).content.decode()
    assert "plan-v2.docx" in page and "plan.pdf" in page


def test_observers_download_but_do_not_upload(setup):
    project, _coordinator, client = setup
    _upload(client, project)
    version = DocumentVersion.objects.get()
    observer = add_member(project, Role.OBSERVER)
    client.force_login(observer)
    assert client.get(version.get_download_url()).status_code == 200
    assert _upload(client, project, title="Van observer").status_code == 403


def test_a_version_of_another_project_is_not_served(setup):
    project, _coordinator, client = setup
    other = make_project()
    _upload(client, project)
    version = DocumentVersion.objects.get()
    url = reverse("projects:download", args=[other.pk, version.document_id, version.pk])
    client.force_login(other.created_by)
    assert client.get(url).status_code == 404
