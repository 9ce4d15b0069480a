"""Read the rows of a places file (CSV or GeoJSON) one at a time, whatever the file's size.

A GeoJSON FeatureCollection is one JSON object; ``json.load`` would hold all of it (gigabytes of
Python objects for a million features). ``_JsonReader`` decodes one feature at a time with the
standard library's C decoder and keeps only a chunk of text.

Rows are numbered as a spreadsheet shows them (the CSV header is row 1) and as the n-th feature
of a GeoJSON file.
"""

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

READ_SIZE = 1 << 16
MAX_VALUE_SIZE = 1 << 24
"""A feature (or other value) longer than 16 MB is taken for a broken file, not read on."""

Rows = Iterator[tuple[int, dict[str, Any]]]


class PlaceFileError(Exception):
    """The file is not CSV or GeoJSON that we can read or write (not one row's mistake)."""


def read_rows(path: Path, raw) -> tuple[list[str], Rows]:
    """The columns (a CSV header; none for GeoJSON) and the (row number, data) of each row.

    ``raw`` is the file opened in binary mode; the file's extension says what it holds.
    """
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return _csv_rows(text)
    if suffix in (".geojson", ".json"):
        return [], _decoded(_geojson_rows(text))
    raise PlaceFileError(_("Give a .csv or .geojson file."))


def _csv_rows(text) -> tuple[list[str], Rows]:
    """Comma- or semicolon-separated (a spreadsheet in a Belgian locale writes semicolons)."""
    try:
        header = text.readline()
    except UnicodeDecodeError as error:
        raise _not_utf8() from error
    delimiter = ";" if header.count(";") > header.count(",") else ","
    columns = [name.strip() for name in next(csv.reader([header], delimiter=delimiter), [])]
    if "title" not in columns:
        raise PlaceFileError(_("The first line must name the columns, such as title."))

    def rows() -> Rows:
        for number, values in enumerate(csv.reader(text, delimiter=delimiter), start=2):
            if any(value.strip() for value in values):
                yield number, dict(zip(columns, values, strict=False))

    return columns, _decoded(rows())


def _decoded(rows):
    try:
        yield from rows
    except UnicodeDecodeError as error:
        raise _not_utf8() from error


def _not_utf8() -> PlaceFileError:
    return PlaceFileError(_("The file is not UTF-8 text."))


def _geojson_rows(text) -> Rows:
    for number, feature in enumerate(_features(_JsonReader(text)), start=1):
        yield number, _feature_data(feature)


def _feature_data(feature: Any) -> dict[str, Any]:
    """A feature's properties with its point as latitude and longitude."""
    if not isinstance(feature, dict):
        return {}
    data = dict(feature.get("properties") or {})
    if isinstance(data.get("municipality"), dict):  # as exported: {"nis_code", "name"}
        data["municipality"] = data["municipality"].get("nis_code")
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        data["longitude"], data["latitude"] = coordinates[0], coordinates[1]
    else:
        data["latitude"] = data["longitude"] = None
    return data


def _features(reader: "_JsonReader") -> Iterator[Any]:
    """The members of a FeatureCollection's ``features``, one at a time; other keys skipped."""
    reader.expect("{")
    while reader.peek() != "}":
        key = reader.value()
        reader.expect(":")
        if key != "features":
            reader.value()
        else:
            reader.expect("[")
            while reader.peek() != "]":
                yield reader.value()
                if reader.peek() == ",":
                    reader.expect(",")
            reader.expect("]")
        if reader.peek() == ",":
            reader.expect(",")
    reader.expect("}")


class _JsonReader:
    """Reads a JSON text a value at a time with the C decoder, holding one chunk in memory."""

    _decoder = json.JSONDecoder()

    def __init__(self, text):
        self._text = text
        self._buffer = ""
        self._pos = 0
        self._eof = False

    def _more(self) -> bool:
        chunk = "" if self._eof else self._text.read(READ_SIZE)
        self._eof = not chunk
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return bool(chunk)

    def peek(self) -> str:
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buffer) or not self._more():
                return self._buffer[self._pos : self._pos + 1]

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise PlaceFileError(
                _("This is not GeoJSON: expected “%(expected)s” but found “%(found)s”.")
                % {"expected": char, "found": found or _("the end of the file")}
            )
        self._pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                if len(self._buffer) - self._pos < MAX_VALUE_SIZE and self._more():
                    continue
                message = _("This is not GeoJSON: %(error)s") % {"error": error}
                raise PlaceFileError(message) from error
            if end == len(self._buffer) and self._more():
                continue  # a number may go on in the next chunk
            self._pos = end
            return value


class CountingReader(io.RawIOBase):
    """A binary file that knows how much of itself was read, for a progress bar."""

    def __init__(self, raw, size: int):
        self._raw = raw
        self._size = max(size, 1)
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(buffer)
        self._read += count
        return count

    @property
    def fraction(self) -> float:
        return min(1.0, self._read / self._size)
