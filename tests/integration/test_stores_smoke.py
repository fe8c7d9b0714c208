"""The application records and reads back on both stores."""

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.domain.partnership import Partnership


def test_partnership_round_trip(app: Samverkan, actor: Actor) -> None:
    region = app.register_organisation(actor, "Region Norrbotten", "region", "SE")
    partnership = app.start_partnership(
        actor, "Lärande nätverk", "learning_network", "Syfte", [], region.id, "2015-08-01", None
    )
    loaded = app.get(Partnership, partnership.id)
    assert loaded.title == "Lärande nätverk"
    assert loaded.members == {str(region.id): "coordinator"}
    assert app.texts.get(loaded.purpose) == "Syfte"
