"""Which uploaded documents we accept, decided by their content, never by name or header.

PDF by its magic bytes; Word, Excel and PowerPoint (OOXML) and OpenDocument files by the zip
container's inner structure (macro-enabled files are refused, and so are zip bombs); JPEG, PNG
and WebP images by Pillow. A file whose name claims one of these types but whose content is not
that type is refused, so "plan.pdf" holding anything else never reaches a member.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_IMAGE_PIXELS = 80_000_000


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str


OPENXML = "application/vnd.openxmlformats-officedocument"
PDF = FileType("pdf", "application/pdf", "PDF")
DOCX = FileType("docx", f"{OPENXML}.wordprocessingml.document", "Word")
XLSX = FileType("xlsx", f"{OPENXML}.spreadsheetml.sheet", "Excel")
PPTX = FileType("pptx", f"{OPENXML}.presentationml.presentation", "PowerPoint")
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text")
ODS = FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument sheet")
ODP = FileType("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument slides")
JPEG = FileType("jpg", "image/jpeg", "JPEG")
PNG = FileType("png", "image/png", "PNG")
WEBP = FileType("webp", "image/webp", "WebP")

ACCEPTED = [PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, JPEG, PNG, WEBP]
OOXML_FOLDERS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_TYPES = {kind.content_type: kind for kind in (ODT, ODS, ODP)}
IMAGE_FORMATS = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}
EXTENSIONS = {kind.extension: kind for kind in ACCEPTED} | {"jpeg": JPEG}
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in EXTENSIONS)


def identify(upload) -> FileType:
    """The accepted type of an uploaded file, or a ValidationError that says what is wrong."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB): at most %(limit)d MB.")
            % {"size": f"{upload.size / 2**20:.1f}", "limit": MAX_DOCUMENT_BYTES // 2**20},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    found = _by_content(upload)
    claimed = EXTENSIONS.get(PurePath(upload.name or "").suffix.lower().lstrip("."))
    if claimed is not None and claimed != found:
        raise ValidationError(
            _("“%(name)s” is named as a %(type)s file, but its content is not %(type)s.")
            % {"name": upload.name, "type": claimed.label},
            code="mismatch",
        )
    if found is None:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Upload a PDF, an office document (Word, "
                "Excel, PowerPoint or OpenDocument) or a JPEG, PNG or WebP image."
            ),
            code="unknown_type",
        )
    return found


def _by_content(upload) -> FileType | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"PK\x03\x04"):
            return _office(upload)
        return _image(upload)
    finally:
        upload.seek(0)


def _office(upload) -> FileType | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if (
                len(entries) > MAX_ZIP_ENTRIES
                or sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES
            ):
                return None
            names = {entry.filename for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(_("Documents with macros are not accepted."), code="macros")
            if "[Content_Types].xml" in names:
                for folder, kind in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return kind
                return None
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return ODF_TYPES.get(mimetype)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        return None
    return None


def _image(upload) -> FileType | None:
    try:
        image = Image.open(upload)
        kind = IMAGE_FORMATS.get(image.format)
        if kind is None or image.width * image.height > MAX_IMAGE_PIXELS:
            return None
        image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return kind
