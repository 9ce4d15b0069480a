from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from openpromotor.places.models import Place


def detail(request, pk):
    place = get_object_or_404(Place.objects.select_related("municipality"), pk=pk)
    if not request.user.has_perm("places.view_place", place):
        raise PermissionDenied
    return render(request, "places/detail.html", {"place": place})
