"""zh-CN / en labels of the campaign vocabulary, served by /meta/enums."""

from anjie.campaigns.models import Phase
from anjie.core.labels import register

register(
    "campaign_phase",
    Phase,
    {
        "mobilisation": ("动员部署", "Mobilisation"),
        "census": ("排查摸底", "Census"),
        "concentrated_resolution": ("集中化解", "Concentrated resolution"),
        "summary_acceptance": ("总结验收", "Summary and acceptance"),
    },
)
