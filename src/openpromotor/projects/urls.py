from django.urls import path

from openpromotor.projects.views import (
    discussions,
    documents,
    members,
    projects,
    roadmap,
    tasks,
    workspace,
)

app_name = "projects"

urlpatterns = [
    path("", projects.overview, name="list"),
    path("nieuw/", projects.create, name="create"),
    path("meldingen/", projects.notification_settings, name="notification_settings"),
    path("uitnodiging/<str:token>/", members.invitation, name="invitation"),
    path("<int:pk>/", projects.detail, name="detail"),
    path("<int:pk>/nieuws.xml", projects.NewsFeed(), name="feed"),
    path("<int:pk>/volgen/", projects.follow, name="follow"),
    path("<int:pk>/instellingen/", projects.edit, name="edit"),
    path("<int:pk>/aansluiten/", members.request_to_join, name="request_to_join"),
    path("<int:pk>/werkruimte/", workspace.dashboard, name="workspace"),
    path("<int:pk>/activiteit/", workspace.activity_stream, name="activity"),
    path("<int:pk>/nieuws/", workspace.updates, name="updates"),
    path("<int:pk>/nieuws/plaatsen/", workspace.post_update, name="post_update"),
    # Members
    path("<int:pk>/leden/", members.members, name="members"),
    path("<int:pk>/leden/uitnodigen/", members.invite, name="invite"),
    path("<int:pk>/leden/overdragen/", members.hand_over, name="hand_over"),
    path("<int:pk>/leden/verlaten/", members.leave, name="leave"),
    path("<int:pk>/leden/<int:member_pk>/rol/", members.change_role, name="change_role"),
    path("<int:pk>/leden/<int:member_pk>/verwijderen/", members.remove_member, name="remove"),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        members.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<int:pk>/aanvragen/<int:request_pk>/", members.decide_request, name="decide_request"),
    # Roadmap
    path("<int:pk>/stappenplan/", roadmap.board, name="board"),
    path("<int:pk>/stappenplan/tijdlijn/", roadmap.timeline, name="timeline"),
    path("<int:pk>/stappenplan/kaart/<int:card_pk>/", roadmap.lay_card, name="lay_card"),
    path("<int:pk>/fasen/<int:phase_pk>/", roadmap.phase_detail, name="phase"),
    path("<int:pk>/fasen/<int:phase_pk>/doelen/", roadmap.add_goal, name="add_goal"),
    path("<int:pk>/fasen/<int:phase_pk>/mijlpalen/", roadmap.add_milestone, name="add_milestone"),
    path("<int:pk>/fasen/<int:phase_pk>/afsluiten/", roadmap.close_phase, name="close_phase"),
    path("<int:pk>/fasen/<int:phase_pk>/heropenen/", roadmap.reopen_phase, name="reopen_phase"),
    path("<int:pk>/doelen/<int:goal_pk>/", roadmap.set_goal, name="set_goal"),
    path("<int:pk>/mijlpalen/<int:milestone_pk>/", roadmap.set_milestone, name="set_milestone"),
    # Tasks
    path("<int:pk>/taken/", tasks.task_list, name="tasks"),
    path("<int:pk>/taken/nieuw/", tasks.add_task, name="add_task"),
    path("<int:pk>/taken/<int:task_pk>/", tasks.task_detail, name="task"),
    path("<int:pk>/taken/<int:task_pk>/verplaatsen/", roadmap.move_task, name="move_task"),
    # Discussions
    path("<int:pk>/gesprekken/", discussions.thread_list, name="threads"),
    path("<int:pk>/gesprekken/nieuw/", discussions.start_thread, name="start_thread"),
    path("<int:pk>/gesprekken/<int:thread_pk>/", discussions.thread_detail, name="thread"),
    path(
        "<int:pk>/reacties/<int:comment_pk>/bewerken/",
        discussions.edit_comment,
        name="edit_comment",
    ),
    path(
        "<int:pk>/reacties/<int:comment_pk>/verwijderen/",
        discussions.delete_comment,
        name="delete_comment",
    ),
    path(
        "<int:pk>/reacties/<int:comment_pk>/verbergen/",
        discussions.hide_comment,
        name="hide_comment",
    ),
    path(
        "<int:pk>/reacties/<int:comment_pk>/tonen/",
        discussions.unhide_comment,
        name="unhide_comment",
    ),
    # Documents
    path("<int:pk>/documenten/", documents.document_list, name="documents"),
    path("<int:pk>/documenten/toevoegen/", documents.upload, name="upload"),
    path("<int:pk>/documenten/<int:document_pk>/", documents.document_detail, name="document"),
    path(
        "<int:pk>/documenten/<int:document_pk>/versie/",
        documents.add_version,
        name="add_version",
    ),
    path(
        "<int:pk>/documenten/<int:document_pk>/versies/<int:version_pk>/download/",
        documents.download,
        name="download",
    ),
]
