"""The composition root: which package answers which port, and who reacts to which fact.

Packages import only the layers below them (docs/architecture.md). Where a lower package needs
an answer from a higher one it declares a `Port`; where a higher package reacts to a lower
one's fact it subscribes to the event. Both are connected here, and only here, so the whole
graph of cross-layer reads and reactions is one page long.
"""

from __future__ import annotations

from anjie.access import dependencies as access
from anjie.assignments import providers as assignments
from anjie.attachments import owners as attachment_owners
from anjie.attachments.owners import OwnerType
from anjie.audit import service as audit
from anjie.auth import subscribers as auth
from anjie.cases import ports as cases_ports
from anjie.cases import providers as cases
from anjie.checkins import repository as checkins
from anjie.checkins import service as checkins_service
from anjie.core.events import EventBus
from anjie.hearings import service as hearings
from anjie.orgs import repository as orgs_repo
from anjie.orgs import service as orgs
from anjie.petitioners import ports as petitioners_ports
from anjie.plans import providers as plans
from anjie.relief import owners as relief
from anjie.supervision import providers as supervision_providers
from anjie.supervision import subscribers as supervision
from anjie.users import providers as users
from anjie.users.events import UserSessionsEnded


def wire_ports() -> None:
    """Fill every port; the same providers every time, so calling it again changes nothing."""
    access.accounts.provide(users.account)
    audit.unit_paths.provide(orgs_repo.get_path)
    orgs.unit_members.provide(users.unit_has_members)
    petitioners_ports.on_held_case.provide(cases.on_held_case)
    cases_ports.responsibility.provide(assignments.responsibility)
    cases_ports.plan_ready.provide(plans.plan_ready)
    cases_ports.return_visit_confirms.provide(checkins.return_visit_confirms)
    cases_ports.deadlines.provide(supervision_providers.deadlines)
    # Which case an attachment's owner belongs to (and whether the caller may see it).
    attachment_owners.register(OwnerType.check_in, checkins_service.attachment_case)
    attachment_owners.register(OwnerType.hearing, hearings.attachment_owner)
    attachment_owners.register(OwnerType.relief_application, relief.relief_application_case)


def event_bus() -> EventBus:
    """A bus with every subscriber, in the order they run."""
    wire_ports()
    bus = EventBus()
    bus.subscribe(UserSessionsEnded, auth.revoke_refresh_tokens)
    # Deadlines start and stop with the facts that start and meet them.
    for fact, handler in supervision.SUBSCRIPTIONS:
        bus.subscribe(fact, handler)
    return bus
