from frameworks.models.framework import (
    CooperationFramework,
    LinkStrength,
    ObjectiveLink,
    Outcome,
    Output,
    StrategicPriority,
)
from frameworks.models.reference import GCMObjective, GuidingPrinciple, SDGTarget
from frameworks.models.workplan import (
    Activity,
    ActivityStatus,
    JointProgramme,
    ProgressUpdate,
    ThematicArea,
)

__all__ = [
    "Activity",
    "ActivityStatus",
    "CooperationFramework",
    "GCMObjective",
    "GuidingPrinciple",
    "JointProgramme",
    "LinkStrength",
    "ObjectiveLink",
    "Outcome",
    "Output",
    "ProgressUpdate",
    "SDGTarget",
    "StrategicPriority",
    "ThematicArea",
]
