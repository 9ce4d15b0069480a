import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from openpromotor.core.images import reencode_image


def image_upload(fmt="JPEG", size=(1200, 800), exif=None, name="photo.jpg"):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif else {}
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (51.0, 13.0, 0.0)}  # GPS info
    return exif.tobytes()


def test_reencoding_makes_a_small_webp_without_metadata():
    result = reencode_image(image_upload(exif=gps_exif()), (512, 512))
    image = Image.open(io.BytesIO(result.read()))
    assert image.format == "WEBP"
    assert max(image.size) == 512
    assert not image.getexif()
    assert result.name.endswith(".webp") and "photo" not in result.name


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(fmt):
    assert reencode_image(image_upload(fmt=fmt, size=(50, 40)), (512, 512)).size > 0


def test_a_script_renamed_to_jpg_is_refused():
    fake = SimpleUploadedFile("photo.jpg", b"#!/bin/sh\nrm -rf /\n", content_type="image/jpeg")
    with translation.override("en"), pytest.raises(ValidationError, match="not a JPEG, PNG"):
        reencode_image(fake, (512, 512))


def test_a_gif_is_refused():
    with pytest.raises(ValidationError):
        reencode_image(image_upload(fmt="GIF", size=(10, 10), name="a.gif"), (512, 512))


def test_an_oversized_upload_is_refused():
    upload = image_upload()
    upload.size = 11 * 1024 * 1024
    with translation.override("en"), pytest.raises(ValidationError, match="too large"):
        reencode_image(upload, (512, 512))
