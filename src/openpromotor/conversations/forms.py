from django import forms
from django.utils.translation import gettext_lazy as _

from openpromotor.conversations.models import Message, MessageReport
from openpromotor.core.forms import StyledFormMixin


class MessageForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Message
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "body": _("The other person does not see your e-mail address, nor you theirs.")
        }


class MessageReportForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = MessageReport
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
