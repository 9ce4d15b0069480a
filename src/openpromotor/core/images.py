"""Uploaded images are checked by content, never by name, and always re-encoded.

Re-encoding drops EXIF and GPS metadata and anything hidden after the image data, and the
result is a fresh WebP file whose name we choose.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000


def reencode_image(upload, max_size: tuple[int, int], quality: int = 85) -> ContentFile:
    """Return a re-encoded WebP copy of an uploaded JPEG, PNG or WebP, at most ``max_size``."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20}
        )
    image = _open_verified(upload)
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    image.thumbnail(max_size, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=quality, method=4)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def _open_verified(upload) -> Image.Image:
    not_an_image = ValidationError(_("This file is not a JPEG, PNG or WebP image."))
    try:
        upload.seek(0)
        probe = Image.open(upload)
        if probe.format not in ACCEPTED_FORMATS:
            raise not_an_image
        if probe.width * probe.height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."))
        probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise not_an_image from error
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
