"""Documents: the list with the upload form, one document with its versions, and downloads.

Files are served only here, after the permission check, as attachments (a browser never
renders an uploaded file inside the site), and members-only files are never cached.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.projects import documents
from openpromotor.projects.forms import DocumentForm, VersionForm
from openpromotor.projects.models import Document, DocumentVersion, Part
from openpromotor.projects.views.access import (
    hidden_unless,
    object_in,
    project_for,
    workspace_context,
)

UPLOAD_RATE = "60/h"


def document_list(request, pk, form=None, status=200):
    project = project_for(request, pk, "view_documents")
    initial = {"phase": request.GET.get("phase"), "task": request.GET.get("task")}
    context = workspace_context(
        request,
        project,
        "documents",
        documents=project.documents.select_related("phase", "task").prefetch_related("versions"),
        form=form or DocumentForm(project=project, initial=initial),
    )
    return render(request, "projects/documents.html", context, status=status)


@login_required
@require_POST
def upload(request, pk):
    project = project_for(request, pk, "upload_document")
    if limited(request, "projects.upload", UPLOAD_RATE):
        return too_many(request)
    form = DocumentForm(request.POST, request.FILES, project=project)
    if not form.is_valid():
        messages.error(request, _("The document was not added: correct the form below."))
        return document_list(request, pk, form=form, status=400)
    data = form.cleaned_data
    document = documents.add_document(
        project,
        request.user,
        data["title"],
        data["file"],
        data["file"].file_type,
        phase=data["phase"],
        task=data["task"],
        note=data["note"],
    )
    messages.success(request, _("The document has been added."))
    return redirect(document)


def document_detail(request, pk, document_pk, form=None, status=200):
    project = project_for(request, pk)
    hidden_unless(request, "view_documents", project)
    document = object_in(Document.objects.select_related("phase", "task"), project, document_pk)
    context = workspace_context(
        request,
        project,
        "documents",
        document=document,
        versions=document.versions.select_related("uploaded_by"),
        form=form or VersionForm(),
    )
    return render(request, "projects/document.html", context, status=status)


@login_required
@require_POST
def add_version(request, pk, document_pk):
    project = project_for(request, pk, "upload_document")
    document = object_in(Document, project, document_pk)
    if limited(request, "projects.upload", UPLOAD_RATE):
        return too_many(request)
    form = VersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The new version was not added: correct the form below."))
        return document_detail(request, pk, document_pk, form=form, status=400)
    upload_file = form.cleaned_data["file"]
    documents.add_version(
        document, request.user, upload_file, upload_file.file_type, form.cleaned_data["note"]
    )
    messages.success(request, _("The new version has been added."))
    return redirect(document)


@require_GET
def download(request, pk, document_pk, version_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_documents", project)
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=version_pk,
        document_id=document_pk,
        document__project=project,
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    if project.is_public(Part.DOCUMENTS):
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
