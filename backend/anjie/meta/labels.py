"""Every domain's vocabulary, registered for /meta/enums: one import per domain's labels.

Each domain registers its own enums' labels in its `labels.py`; this module only makes sure all
of them are loaded before the catalogue is served or exported for the web app.
"""

import anjie.access.labels
import anjie.accountability.labels
import anjie.attachments.labels
import anjie.campaigns.labels
import anjie.cases.labels
import anjie.checkins.labels
import anjie.hearings.labels
import anjie.notices.labels
import anjie.notifications.labels
import anjie.orgs.labels
import anjie.plans.labels
import anjie.relief.labels
import anjie.reports.labels
import anjie.supervision.labels  # noqa: F401
