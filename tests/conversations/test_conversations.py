"""Private messages: only the two parties read them, e-mail notices without addresses, rate
limits, blocking, reporting into the moderation queue."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from openpromotor.conversations.models import Block, Conversation, Message, MessageReport
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def start(client, listing, body="Dag, is de ruimte nog vrij?"):
    return client.post(reverse("conversations:start_listing", args=[listing.pk]), {"body": body})


def test_a_conversation_about_a_listing_with_an_email_notice_without_addresses(client, on_commit):
    listing = ListingFactory()
    writer = UserFactory()
    client.force_login(writer)
    with on_commit(execute=True):
        response = start(client, listing)
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == conversation.get_absolute_url()
    assert (conversation.starter, conversation.recipient) == (writer, listing.author)
    notice = mail.outbox[-1]
    assert notice.to == [listing.author.email]
    assert writer.email not in notice.body and writer.email not in str(notice.extra_headers)
    assert notice.reply_to == [] and conversation.get_absolute_url() in notice.body

    client.force_login(listing.author)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Dag, is de ruimte nog vrij?" in page and writer.email not in page
    with on_commit(execute=True):
        client.post(conversation.get_absolute_url(), {"body": "Ja, kom gerust kijken."})
    assert mail.outbox[-1].to == [writer.email]
    assert listing.author.email not in mail.outbox[-1].body
    assert Message.objects.filter(conversation=conversation).count() == 2

    client.force_login(writer)  # writing again about the same listing continues the thread
    start(client, listing, "Zaterdag past.")
    assert Conversation.objects.count() == 1


def test_messages_are_readable_only_by_their_two_parties(client):
    listing = ListingFactory()
    writer = UserFactory()
    client.force_login(writer)
    start(client, listing, "Geheim bericht")
    conversation = Conversation.objects.get()
    url = conversation.get_absolute_url()

    assert Client().get(url).status_code == 302  # to the log-in page
    for outsider in (UserFactory(), UserFactory(moderator=True)):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "Ik lees mee"}).status_code == 404
        assert "Geheim bericht" not in client.get(reverse("conversations:inbox")).content.decode()
        message = Message.objects.get()
        assert client.get(reverse("conversations:report", args=[message.pk])).status_code == 404
        assert (
            client.post(reverse("conversations:block", args=[conversation.pk])).status_code == 404
        )
    assert Message.objects.count() == 1
    client.force_login(listing.author)
    assert "Geheim bericht" in client.get(url).content.decode()


def test_a_conversation_about_a_place_goes_to_its_owner(client):
    owner = UserFactory()
    place = PlaceFactory(owner=owner)
    client.force_login(UserFactory())
    url = reverse("conversations:start_place", args=[place.pk])
    client.post(url, {"body": "Mogen we het pand bezoeken?"})
    assert Conversation.objects.get().recipient == owner


def test_the_owner_of_a_building_stays_anonymous_in_the_conversation(client, on_commit, settings):
    settings.LANGUAGE_CODE = "en"
    owner = UserFactory(display_name="Marc Eigenaar")
    place = PlaceFactory(owner=owner)
    writer = UserFactory(display_name="Lotte Zoeker")
    client.force_login(writer)
    start_url = reverse("conversations:start_place", args=[place.pk])
    page = client.get(start_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Marc Eigenaar" not in page and "To the owner of" in page
    with on_commit(execute=True):
        client.post(start_url, {"body": "Mogen we het pand bezoeken?"})
    conversation = Conversation.objects.get()
    client.force_login(owner)
    with on_commit(execute=True):
        client.post(conversation.get_absolute_url(), {"body": "Ja, zaterdag."})
    notice = mail.outbox[-1]
    assert notice.to == [writer.email]
    assert "Marc Eigenaar" not in notice.body and "Marc Eigenaar" not in notice.subject
    client.force_login(writer)
    for url in (conversation.get_absolute_url(), reverse("conversations:inbox")):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Marc Eigenaar" not in page and "the owner" in page
    client.force_login(owner)  # the owner sees who wrote
    assert "Lotte Zoeker" in client.get(conversation.get_absolute_url()).content.decode()
    unowned = PlaceFactory()
    assert client.get(reverse("conversations:start_place", args=[unowned.pk])).status_code == 404


def test_who_may_not_start_a_conversation(client):
    listing = ListingFactory()
    client.force_login(listing.author)
    assert start(client, listing).status_code == 403  # not with oneself
    client.force_login(UserFactory(verified=False))
    assert start(client, listing).status_code == 403
    draft = ListingFactory(status="draft", published_at=None)
    client.force_login(UserFactory())
    assert start(client, draft).status_code == 404
    assert not Conversation.objects.exists()


def test_blocking_stops_both_sides(client):
    listing = ListingFactory()
    writer = UserFactory()
    client.force_login(writer)
    start(client, listing)
    conversation = Conversation.objects.get()
    client.force_login(listing.author)
    client.post(reverse("conversations:block", args=[conversation.pk]))
    assert Block.objects.filter(blocker=listing.author, blocked=writer).exists()

    assert client.post(conversation.get_absolute_url(), {"body": "Toch nog"}).status_code == 403
    client.force_login(writer)
    assert client.post(conversation.get_absolute_url(), {"body": "Hallo?"}).status_code == 403
    assert start(client, listing).status_code == 403
    assert Message.objects.count() == 1

    client.force_login(listing.author)
    client.post(reverse("conversations:block", args=[conversation.pk]))  # lift the block
    assert not Block.objects.exists()


def test_a_reported_message_goes_to_the_moderation_queue(client, moderator):
    listing = ListingFactory()
    writer = UserFactory()
    client.force_login(writer)
    start(client, listing, "Koop goedkope horloges!")
    message = Message.objects.get()
    url = reverse("conversations:report", args=[message.pk])
    assert client.get(url).status_code == 403  # not one's own message
    client.force_login(listing.author)
    client.post(url, {"text": "Spam"})
    report = MessageReport.objects.get()
    assert report.reporter == listing.author

    client.force_login(moderator)
    queue = client.get(reverse("places:moderation")).content.decode()
    assert "Koop goedkope horloges!" in queue and "Spam" in queue
    client.post(reverse("conversations:decide", args=[report.pk]), {"accept": "1"})
    message.refresh_from_db()
    assert message.hidden
    client.force_login(writer)
    page = client.get(message.conversation.get_absolute_url()).content.decode()
    assert "Koop goedkope horloges!" not in page

    client.force_login(UserFactory())
    assert client.post(reverse("conversations:decide", args=[report.pk])).status_code == 403


def test_rate_limits_stop_a_flood_of_messages(client):
    writer = UserFactory()
    client.force_login(writer)
    listings = [ListingFactory() for _ in range(11)]
    statuses = [start(client, listing).status_code for listing in listings]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert Conversation.objects.count() == 10


def test_unread_messages_show_in_the_navigation_and_inbox(client):
    listing = ListingFactory()
    client.force_login(UserFactory())
    start(client, listing)
    client.force_login(listing.author)
    home = client.get("/").content.decode()
    assert reverse("conversations:inbox") in home and "badge" in home
    inbox = client.get(reverse("conversations:inbox"))
    assert inbox.context["rows"][0][0].unread == 1
    client.get(Conversation.objects.get().get_absolute_url())
    assert client.get(reverse("conversations:inbox")).context["rows"][0][0].unread == 0


def test_download_my_data_holds_my_listings_searches_and_messages(client):
    from openpromotor.accounts.privacy import export_personal_data

    listing = ListingFactory(title="Mijn zoekertje")
    writer = UserFactory()
    client.force_login(writer)
    start(client, listing, "Mijn bericht")
    assert (
        export_personal_data(listing.author)["listings"]["listings"][0]["title"] == "Mijn zoekertje"
    )
    sent = export_personal_data(writer)["conversations"]["messages_sent"]
    assert [message["body"] for message in sent] == ["Mijn bericht"]
