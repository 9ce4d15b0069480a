"""Background work of the project workspace: delivering activities."""

from django_tasks import task


@task()
def deliver_activity(activity_id: int, explicit_ids: list | None, with_followers: bool) -> int:
    from openpromotor.projects.activity import deliver
    from openpromotor.projects.models import Activity

    activity = Activity.objects.select_related("project").filter(pk=activity_id).first()
    if activity is None:
        return 0
    return deliver(activity, explicit_ids, with_followers)
