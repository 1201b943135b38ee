"""Quality gates: the brief scored against expected findings (newsfuse.quality). Floors only move up.

The demo corpus (examples/, written by the team) always runs; the seeds run when ../shared is present. Expectations for
the seeds are the team's reading, written as keywords (tests/quality/seeds_expected.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.api import brief, read
from newsfuse.quality import Score, score_brief, score_pairs
from newsfuse.render import brief_json
from tests.conftest import EXAMPLES, SHARED, load_bench

pytestmark = pytest.mark.models

HERE = Path(__file__).parent
Scores = dict[str, tuple[dict[str, Any], Score]]

# (set, folder, expectations, floors)
GATES: dict[str, tuple[Path | list[Path], Path, dict[str, float]]] = {
    "demo": (
        EXAMPLES / "harbor-collapse",
        EXAMPLES / "harbor-collapse" / "expected.json",
        {"facts_loose": 0.75, "speakers": 0.75, "discrepancies": 1.0, "dates": 0.85, "max_false_alarms": 1},
    ),
    "seeds": (
        SHARED / "seeds",
        HERE / "seeds_expected.json",
        {"facts_loose": 0.85, "speakers": 0.9, "discrepancies": 0.75, "dates": 1.0, "max_false_alarms": 1},
    ),
}
# invented five-outlet stories written blind by helper sessions in the thirty-seventh session (tests/quality/fiction,
# see the README there): scored once as written (5 of 20 disagreements), then studied. Always present, as the demo.
FICTION_FLOORS = {
    "ceasefire-talks": {"facts_loose": 0.72, "discrepancies": 0.8, "dates": 0.85, "max_false_alarms": 0},
    "court-verdict": {"facts_loose": 0.84, "discrepancies": 0.6, "dates": 0.85, "max_false_alarms": 1},
    "flood-rescue": {"facts_loose": 0.82, "discrepancies": 1.0, "dates": 1.0, "max_false_alarms": 0},
    "refinery-fire": {"facts_loose": 0.88, "discrepancies": 1.0, "dates": 0.85, "max_false_alarms": 0},
    # written blind later in the session, scored once as written (5 of 20 disagreements; 3 with the session's first code)
    "data-breach": {"facts_loose": 0.78, "discrepancies": 0.8, "dates": 0.75, "max_false_alarms": 0},
    # 0.76 until the forty-first session: the 213-vote sentence now counts the votes (it counted "two-term"), so it
    # is told apart from the 312-vote sentences as a number disagreement and no longer joins the facts it also
    # carries (the Sunday election, the candidates' parties): 18 of 25
    "election-result": {"facts_loose": 0.7, "discrepancies": 1.0, "dates": 1.0, "max_false_alarms": 0},
    "mine-collapse": {"facts_loose": 0.88, "discrepancies": 1.0, "dates": 0.85, "max_false_alarms": 0},
    "train-derailment": {"facts_loose": 0.95, "discrepancies": 0.8, "dates": 0.55, "max_false_alarms": 0},
    # written blind in the thirty-eighth session (with eight more), scored as written, then studied: see the README there
    "wildfire-evacuation": {"facts_loose": 0.75, "discrepancies": 1.0, "dates": 0.85, "max_false_alarms": 0},
    "ferry-capsize": {"facts_loose": 0.82, "discrepancies": 1.0, "dates": 0.85, "max_false_alarms": 0},
    "emergency-landing": {"facts_loose": 0.78, "discrepancies": 1.0, "dates": 0.7, "max_false_alarms": 0},
    "port-strike": {"facts_loose": 0.6, "discrepancies": 0.6, "dates": 0.8, "max_false_alarms": 0},
    "bus-crash": {"facts_loose": 0.85, "discrepancies": 0.8, "dates": 0.85, "max_false_alarms": 0},
    "stadium-crush": {"facts_loose": 0.85, "discrepancies": 0.6, "dates": 0.8, "max_false_alarms": 0},
    # written blind in the thirty-ninth session, scored as written (2, 1, 2 and 1 of 5 with fe843e8), then studied
    "avalanche": {"facts_loose": 0.8, "discrepancies": 0.8, "dates": 0.85, "max_false_alarms": 0},
    "river-spill": {"facts_loose": 0.8, "discrepancies": 1.0, "dates": 0.7, "max_false_alarms": 0},
    "tower-fire": {"facts_loose": 0.78, "discrepancies": 1.0, "dates": 1.0, "max_false_alarms": 0},
    "plant-closure": {"facts_loose": 0.88, "discrepancies": 1.0, "dates": 0.7, "max_false_alarms": 0},
}
for _name, _floors in FICTION_FLOORS.items():
    _folder = HERE / "fiction" / _name
    GATES[f"fiction-{_name}"] = (_folder, _folder / "expected.json", {"speakers": 0.75, **_floors})
# real events, gold written by the team from reading the articles (tests/quality/gold, keywords only). Floors are what
# newsfuse measures today minus a little: they catch regressions; they are not the goal (see the README there).
GOLD_FLOORS = {
    "basil-1b96a5db-8974-46d3-82d7-5dfef02f650e": {"facts_loose": 0.78, "dates": 0.75, "max_false_alarms": 1},
    "basil-79bf99c6-6fca-4ce4-8ae1-8771de026142": {"facts_loose": 0.78, "discrepancies": 1.0, "dates": 0.7, "max_false_alarms": 1},
    "newswcl50-event_5": {"facts_loose": 0.8, "discrepancies": 1.0, "dates": 0.8, "max_false_alarms": 1},
    "newswcl50-event_9": {"facts_loose": 0.65, "discrepancies": 0.5, "dates": 0.75, "max_false_alarms": 1},
    "newswcl50-event_2": {"facts_loose": 0.55, "discrepancies": 1.0, "dates": 0.8, "max_false_alarms": 1},
    "newswcl50-event_7": {"facts_loose": 0.64, "discrepancies": 0.5, "dates": 0.85, "max_false_alarms": 1},
    # written later by team members who had not seen newsfuse's output for them (held out: nothing was tuned on them)
    "newswcl50-event_0": {"facts_loose": 0.62, "dates": 0.8, "max_false_alarms": 1},
    "newswcl50-event_1": {"facts_loose": 0.75, "speakers": 0.65, "dates": 0.5, "max_false_alarms": 1},
    "newswcl50-event_4": {"facts_loose": 0.68, "dates": 0.85, "max_false_alarms": 1},
    "newswcl50-event_8": {"facts_loose": 0.7, "discrepancies": 0.6, "dates": 0.7, "max_false_alarms": 1},
    "newswcl50-event_3": {"facts_loose": 0.72, "dates": 0.75, "max_false_alarms": 1},
    # 0.72 until the thirtieth session: UPI's "April 29 (UPI) —" is now cut as a dateline, and its lede no longer
    # joins two loosely alike facts by the luck of those words (20 of 28 facts, was 22); 0.71 until the thirty-second:
    # the secretary's warning, given as what her statement "read", is now credited to her, so it no longer joins a
    # congresswoman's reply on immigration law, a match the gold's asylum fact found only by that mistake (19 of 28)
    "newswcl50-event_6": {"facts_loose": 0.67, "discrepancies": 1.0, "dates": 0.75, "max_false_alarms": 1},
    "basil-85475456-f38e-4c30-895d-ca2c819c6af1": {"facts_loose": 0.6, "speakers": 0.5, "dates": 0.85, "max_false_alarms": 1},
    "basil-06ffda2d-1caf-45ba-99e2-268aac1bf0e1": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    # short reports from six outlets each (ECB+), written in the eighth session after the last tuning, blind
    "ecbplus-41": {"facts_loose": 0.48, "discrepancies": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-8": {"facts_loose": 0.48, "discrepancies": 0.5, "dates": 0.8, "max_false_alarms": 1},
    "ecbplus-37": {"facts_loose": 0.65, "discrepancies": 0.8, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-18": {"facts_loose": 0.6, "dates": 0.7, "max_false_alarms": 1},
    # held out at the end of the eighth session, studied in the ninth
    "ecbplus-23": {"facts_loose": 0.45, "discrepancies": 0.6, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-21": {"facts_loose": 0.48, "speakers": 0.45, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the ninth session and scored once with its final changes (see the README there)
    "ecbplus-2": {"facts_loose": 0.54, "dates": 1.0, "max_false_alarms": 0},
    "ecbplus-12": {"facts_loose": 0.72, "discrepancies": 0.3, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-20": {"facts_loose": 0.44, "discrepancies": 0.45, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-24": {"facts_loose": 0.62, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the tenth session; the first four scored at its start, the last four at its end (see the README)
    "ecbplus-3": {"facts_loose": 0.42, "discrepancies": 0.5, "dates": 0.5, "max_false_alarms": 1},
    "ecbplus-16": {"facts_loose": 0.55, "discrepancies": 0.16, "dates": 0.8, "max_false_alarms": 1},
    "ecbplus-30": {"facts_loose": 0.52, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-43": {"facts_loose": 0.45, "speakers": 0.7, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-5": {"facts_loose": 0.63, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-7": {"facts_loose": 0.5, "dates": 1.0, "max_false_alarms": 1},
    # box scores: many players' counts of points tie in meaning; since ties break by the articles' ids, not their input
    # order (session 26), Carter's 14 against 12 points is no longer found (0.4 -> 0.2)
    "ecbplus-31": {"facts_loose": 0.72, "discrepancies": 0.2, "dates": 1.0, "max_false_alarms": 3},
    "ecbplus-33": {"facts_loose": 0.72, "discrepancies": 0.5, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the tenth session and scored once at its very end, then a nickname added (Katie / Kathryn);
    # one fact lower (20 -> 19 of 35) in session 36, when words inside multi-sentence quotes stopped counting as copying
    "ecbplus-9": {"facts_loose": 0.54, "dates": 0.6, "max_false_alarms": 1},
    "ecbplus-10": {"facts_loose": 0.52, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-32": {"facts_loose": 0.56, "speakers": 0.5, "discrepancies": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-44": {"facts_loose": 0.63, "dates": 1.0, "max_false_alarms": 1},
    # written blind at the start of the eleventh session, scored once at its end (see the README there)
    "ecbplus-13": {"facts_loose": 0.5, "discrepancies": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-19": {"facts_loose": 0.6, "speakers": 0.6, "discrepancies": 0.25, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-22": {"facts_loose": 0.55, "speakers": 0.4, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-36": {"facts_loose": 0.5, "dates": 1.0, "max_false_alarms": 1},
    # written blind during the eleventh session, scored once at its very end
    "ecbplus-25": {"facts_loose": 0.52, "discrepancies": 0.3, "dates": 0.7, "max_false_alarms": 1},
    "ecbplus-27": {"facts_loose": 0.35, "speakers": 0.65, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-34": {"facts_loose": 0.6, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-39": {"facts_loose": 0.62, "dates": 0.75, "max_false_alarms": 1},
    # written blind at the start of the twelfth session, scored once with and without mutual closest statements
    "ecbplus-1": {"facts_loose": 0.35, "dates": 0.8, "max_false_alarms": 1},
    "ecbplus-4": {"facts_loose": 0.58, "dates": 1.0, "max_false_alarms": 1},  # 0.6 before ties broke by article ids
    "ecbplus-6": {"facts_loose": 0.6, "dates": 0.66, "max_false_alarms": 1},
    "ecbplus-14": {"facts_loose": 0.7, "dates": 1.0, "max_false_alarms": 1},
    # written blind during the twelfth session, scored once with its code at the start and at the end
    "ecbplus-26": {"facts_loose": 0.58, "discrepancies": 0.12, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-28": {"facts_loose": 0.65, "discrepancies": 0.6, "dates": 1.0, "max_false_alarms": 1},
    "basil-c5534b7e-a373-4962-8345-3847bc41a636": {"facts_loose": 0.58, "dates": 1.0, "max_false_alarms": 1},
    "basil-2b95d2cf-e979-4f9c-ae27-9a5370934f23": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the thirteenth session, scored once with its first and its last code (see the README there)
    "ecbplus-29": {
        "facts_loose": 0.55,
        "dates": 1.0,
        "max_false_alarms": 1,
    },  # 0.58 until second members joined with all but one (27 of 48; +14 over all sets)
    "ecbplus-35": {"facts_loose": 0.8, "dates": 0.8, "max_false_alarms": 1},
    "ecbplus-38": {"facts_loose": 0.5, "discrepancies": 0.3, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-40": {"facts_loose": 0.47, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the thirteenth session and scored once with its code at that time (see the README)
    "ecbplus-42": {"facts_loose": 0.54, "speakers": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "ecbplus-45": {"facts_loose": 0.85, "dates": 0.6, "max_false_alarms": 1},
    "basil-29ffd053-7684-469b-a600-97000579bd01": {"facts_loose": 0.72, "speakers": 0.47, "dates": 1.0, "max_false_alarms": 1},
    "basil-47a209b0-fc26-4a0a-a1fe-e4310d1d2419": {"facts_loose": 0.7, "dates": 0.8, "max_false_alarms": 1},
    # written blind in the fourteenth session, scored once (facts 80, 62, 78, 88%, 0 of 13 disagreements), then studied
    "basil-3ae35b16-7f7f-4a5e-9f24-5ce724106a73": {"facts_loose": 0.75, "discrepancies": 0.2, "dates": 1.0, "max_false_alarms": 1},
    "basil-526cabb7-02a3-4adb-8e90-ec781c40c498": {"facts_loose": 0.58, "dates": 0.6, "max_false_alarms": 1},
    "basil-eb17fa36-89f2-4d0b-8133-7bb4682228e1": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-f506aafc-8b43-427a-936e-bbd1ef33e076": {"facts_loose": 0.81, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the fourteenth session, scored once (facts 85, 60, 71, 56%, 0 of 6 disagreements), then studied
    "basil-1bb79cc1-5d69-4136-a23d-6dbd300cbf25": {"facts_loose": 0.8, "dates": 1.0, "max_false_alarms": 1},
    "basil-542cd22c-ea80-4669-995b-6ac6a33823f7": {"facts_loose": 0.53, "dates": 0.6, "max_false_alarms": 1},
    "basil-c6a0e65c-4f8b-41de-8200-cd700f683c64": {"facts_loose": 0.66, "dates": 0.6, "max_false_alarms": 1},
    "basil-dd1e6e3b-f36c-4064-8ef9-940984e9afa2": {"facts_loose": 0.5, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the fifteenth session, scored once (facts 76, 81, 75, 67%, 0 of 4 disagreements), then studied
    "basil-2ec04201-2016-4227-baf7-ba8289058203": {"facts_loose": 0.6, "speakers": 0.65, "dates": 1.0, "max_false_alarms": 1},
    "basil-58f414e5-a122-49f5-819e-512d91069da5": {"facts_loose": 0.75, "dates": 1.0, "max_false_alarms": 1},
    "basil-b764f81f-6d08-4d7c-b1a8-8961bed0a455": {"facts_loose": 0.68, "dates": 1.0, "max_false_alarms": 1},
    "basil-c99adbdd-eaf3-4844-9548-2642e80de4e2": {"facts_loose": 0.6, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the sixteenth session, scored once (facts 78, 50, 71, 62%, 0 of 6 disagreements), then studied
    "basil-13792511-5142-449f-8d3e-d77d790f65ec": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-576116e5-2b18-4d35-be73-36f5863c9468": {"facts_loose": 0.45, "dates": 1.0, "max_false_alarms": 1},
    "basil-b5eefefb-2a33-45de-abe1-f855c94165f4": {"facts_loose": 0.64, "dates": 0.7, "max_false_alarms": 1},
    "basil-df5fe55a-dfcb-4817-8631-830f47c21a72": {"facts_loose": 0.57, "discrepancies": 1.0, "dates": 0.8, "max_false_alarms": 1},
    # written blind during the sixteenth session, scored once with its code of 43f40f3 (facts 77, 71, 62, 73%; 0 of 5)
    "basil-65cb14cb-2d27-41e5-a2be-6fd6314f4363": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-7a97de89-1433-46f7-bcc2-f80b041cb9a0": {"facts_loose": 0.66, "dates": 1.0, "max_false_alarms": 1},
    "basil-a28a0329-0887-42dc-bd3d-3bb4f8926757": {"facts_loose": 0.57, "dates": 1.0, "max_false_alarms": 1},
    "basil-c21cb217-3e2c-49bd-884d-5c74a165ef10": {"facts_loose": 0.68, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the sixteenth session, scored once with its code of 105cabd (facts 54, 69, 84, 60%; 0 of 4)
    "basil-2f3e86b6-8443-47bd-9cd3-491c90a59fe9": {"facts_loose": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "basil-4f473faf-f928-4cfd-8bed-00578be9db9a": {"facts_loose": 0.65, "dates": 0.8, "max_false_alarms": 1},
    "basil-8385a996-1afc-4778-a06d-7070a8f19e27": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    "basil-e71d149d-0426-43f0-87e8-8c611dad7205": {"facts_loose": 0.55, "dates": 1.0, "max_false_alarms": 1},
    # written blind during the seventeenth session, scored once with its code of caaf981 (facts 69, 83, 86, 53%; 0 of 3)
    "basil-22b6e900-4826-4b09-a9f8-5d7afe46e78b": {"facts_loose": 0.64, "dates": 0.5, "max_false_alarms": 1},
    "basil-ad409798-ee94-4436-92c5-92669193be14": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    "basil-b4dbeda7-a1f3-4711-ae77-db23809d1ed2": {"facts_loose": 0.8, "discrepancies": 0.5, "dates": 1.0, "max_false_alarms": 1},
    "basil-cad4bba5-cf97-45cb-8059-ebeb47dcec7a": {"facts_loose": 0.47, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the seventeenth session, scored once with its code of 3197cb9 (facts 67, 68, 55, 80%; 0 of 6)
    "basil-0c78e748-efbf-417c-a8c1-beeb6480147f": {"facts_loose": 0.62, "dates": 1.0, "max_false_alarms": 1},
    "basil-2742e9c1-2943-496f-8b23-faf5332e1612": {"facts_loose": 0.63, "dates": 1.0, "max_false_alarms": 1},
    "basil-b7021938-ff8d-42ea-adec-5704c0b65237": {"facts_loose": 0.5, "speakers": 0.7, "dates": 1.0, "max_false_alarms": 1},
    "basil-c9e4d35f-aeae-462b-a8bf-e08d09a93b6e": {"facts_loose": 0.75, "dates": 1.0, "max_false_alarms": 1},
    # written blind during the eighteenth session, scored once with the code of its start, 240b752 (facts 67, 89, 76,
    # 42%; 0 of 1: the $5.6 / $5.7 billion demand, found since by the near-sums rule)
    "basil-0d10341a-9dba-4374-a524-814c300d1611": {"facts_loose": 0.62, "discrepancies": 1.0, "dates": 1.0, "max_false_alarms": 1},
    "basil-2b9468af-4ab0-4f25-85f4-c3ef93d72006": {"facts_loose": 0.85, "dates": 1.0, "max_false_alarms": 1},
    "basil-ccf19ab6-7878-4378-b99c-2b08cc21371f": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-ee05c9b3-529c-4268-ad72-19bd34f7197e": {"facts_loose": 0.36, "dates": 1.0, "max_false_alarms": 1},
    # written blind later in the eighteenth session, scored once with its code of 44a25d6 (facts 79, 74, 66, 83%; 0 of 8)
    "basil-0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d": {"facts_loose": 0.75, "dates": 1.0, "max_false_alarms": 1},
    "basil-1f99798f-2b60-4ecb-b5f4-4aa7991e8ace": {"facts_loose": 0.64, "dates": 1.0, "max_false_alarms": 1},
    "basil-d3a1ce0a-fc48-4827-a278-8f0ce8c7a519": {"facts_loose": 0.62, "discrepancies": 0.3, "dates": 1.0, "max_false_alarms": 1},
    "basil-eadabee7-3db9-43c4-a485-3e8b1882cd3c": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the eighteenth session, scored once with its code of b1042a1 (facts 72, 80, 74, 100%; 0 of 5)
    "basil-11c9f251-35c8-4452-b052-df9be61464c6": {"facts_loose": 0.68, "dates": 1.0, "max_false_alarms": 1},
    "basil-450755dd-30d3-478b-933e-917be5c384ba": {"facts_loose": 0.75, "speakers": 0.8, "dates": 1.0, "max_false_alarms": 1},
    "basil-ed8c136f-8d44-4c83-ad05-0dcfc3a0c54a": {"facts_loose": 0.7, "dates": 0.7, "max_false_alarms": 1},
    "basil-f11c2566-848a-4e29-b8c5-4de0a81114e4": {"facts_loose": 0.95, "dates": 1.0, "max_false_alarms": 1},
    # written blind at the end of the eighteenth session, scored once with its code of 6df560b (facts 71, 66, 80, 43%)
    "basil-08bb9bee-c167-4c17-9c6d-4a1259231eb7": {"facts_loose": 0.66, "dates": 1.0, "max_false_alarms": 1},
    "basil-76810849-0335-4ad3-9eaf-f0d9c5baceb6": {"facts_loose": 0.62, "speakers": 0.8, "dates": 1.0, "max_false_alarms": 1},
    "basil-8abec8d9-50a2-480e-969a-157f94954f4d": {"facts_loose": 0.76, "discrepancies": 1.0, "dates": 1.0, "max_false_alarms": 1},
    "basil-9879bbc0-eab3-482f-bf6b-a4b519393986": {"facts_loose": 0.38, "dates": 0.6, "max_false_alarms": 1},
    # written blind at the start of the nineteenth session, scored once with e33e084 (facts 84, 48, 52, 80%; 0 of 8)
    "basil-2153fb3e-6b09-410c-bfea-d095c49a54ba": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    "basil-58ed2376-35a0-453a-a08e-5cd87e3bdea5": {"facts_loose": 0.45, "dates": 1.0, "max_false_alarms": 1},
    "basil-d16050b3-979f-4834-90db-b8823691b87e": {"facts_loose": 0.48, "speakers": 0.7, "dates": 1.0, "max_false_alarms": 1},
    "basil-2058ec60-5372-4f5f-83a3-da780be3a350": {"facts_loose": 0.74, "dates": 1.0, "max_false_alarms": 1},
    # written blind with them, scored once with the session's code of dd314ff (facts 68, 67, 52, 70%; 0 of 7)
    "basil-8dc7ccfe-5cf0-482f-9101-a7c69881da4d": {"facts_loose": 0.64, "dates": 1.0, "max_false_alarms": 1},
    "basil-72fa9b13-4e59-4716-8df9-4c3580e7dddf": {"facts_loose": 0.66, "dates": 0.6, "max_false_alarms": 1},
    "basil-68748e7f-cf6e-4ac7-8504-454c0876880d": {"facts_loose": 0.48, "dates": 1.0, "max_false_alarms": 1},
    "basil-59f2f47c-5da0-4fbc-be6e-4f15d45d82e2": {"facts_loose": 0.7, "dates": 1.0, "max_false_alarms": 1},
    # written blind late in the nineteenth session, scored once with its code of 2db57c9 (facts 48, 76, 76, 83%; 0 of 6)
    "basil-550b80db-bdd5-442b-8f70-c8e9f3203a13": {"facts_loose": 0.45, "dates": 0.6, "max_false_alarms": 1},
    "basil-6f95dcb9-e960-45ac-8c0e-91b85724c909": {"facts_loose": 0.72, "speakers": 0.65, "dates": 0.5, "max_false_alarms": 1},
    "basil-70c744ad-e950-445c-8a7a-0782b0a7d20b": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-a4edca3f-931f-4785-8c3f-f3d8fa84cbec": {"facts_loose": 0.8, "dates": 1.0, "max_false_alarms": 1},
    # written blind at the start of the twentieth session, scored once with f924392 (facts 73, 75, 63, 88%; 0 of 3)
    "basil-6e502405-bc90-4416-a787-3122918aa648": {"facts_loose": 0.7, "dates": 1.0, "max_false_alarms": 1},
    "basil-74708dbf-5dfc-4c66-8419-d7dbc00e4a06": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-87609973-bd58-42a5-96e2-ee5aa47433f5": {"facts_loose": 0.6, "dates": 1.0, "max_false_alarms": 1},
    "basil-d1344998-0e7c-409e-aaad-df5be687fc94": {"facts_loose": 0.85, "dates": 1.0, "max_false_alarms": 1},
    # written blind with them, scored once with 44f60dc (facts 64, 52, 80, 87%; 0 of 3)
    "basil-38f7cbb7-5d6a-4c89-bcbd-8e164144172a": {"facts_loose": 0.6, "dates": 1.0, "max_false_alarms": 1},
    # 0.5 before ties broke by the articles' ids rather than their input order (session 26)
    "basil-45bd61bc-c356-4450-9e3a-cbfc862b09fd": {"facts_loose": 0.47, "dates": 1.0, "max_false_alarms": 1},
    "basil-af4a3f41-eeb5-49fa-a276-e97c230b25f0": {"facts_loose": 0.77, "dates": 1.0, "max_false_alarms": 1},
    "basil-df6a55fb-dfe5-4362-89a6-8c040d648a70": {"facts_loose": 0.84, "dates": 1.0, "max_false_alarms": 1},
    # written blind later in the twentieth session, scored once with de70c67 (facts 71, 80, 60, 76%; 0 of 3)
    "basil-1e41e98b-9ac1-441d-b2c2-19d8f730c74a": {"facts_loose": 0.67, "dates": 1.0, "max_false_alarms": 1},
    "basil-86e6e27d-1440-4879-8b13-0dd2d89f7281": {"facts_loose": 0.76, "dates": 1.0, "max_false_alarms": 1},
    "basil-2a3fde8a-082a-4d8f-9567-f7e8366c0200": {"facts_loose": 0.57, "dates": 1.0, "max_false_alarms": 1},
    "basil-97b1305c-13ca-4b74-a56a-f459bd79dfaf": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    # and scored once with 582c8bf (facts 74, 83, 63, 69%; 0 of 8)
    "basil-84b3c118-50d2-45a5-a91f-7ed95b5d0143": {"facts_loose": 0.71, "discrepancies": 0.3, "dates": 0.6, "max_false_alarms": 1},
    "basil-aab91277-8d56-4844-a581-45630f873f49": {"facts_loose": 0.8, "dates": 0.5, "max_false_alarms": 1},
    "basil-97566c74-e000-49fb-b091-e6ec6e179de0": {"facts_loose": 0.6, "dates": 0.7, "max_false_alarms": 1},
    "basil-a4f1d515-d7d9-4319-b2e0-4d56e9d45554": {"facts_loose": 0.65, "speakers": 0.7, "dates": 1.0, "max_false_alarms": 1},
    # written blind at the end of the twentieth session, scored once with d7389e1 (facts 75, 86, 66, 66%; 0 of 5)
    "basil-1ed4f378-b9d4-43b8-8d50-53d0cc063332": {"facts_loose": 0.72, "dates": 1.0, "max_false_alarms": 1},
    "basil-3db93526-a344-4ea4-8772-3734d0cfdfb1": {"facts_loose": 0.83, "dates": 0.7, "max_false_alarms": 1},
    "basil-6b541575-99b1-40d2-8730-9bb868ee38ed": {"facts_loose": 0.62, "dates": 1.0, "max_false_alarms": 1},
    "basil-d4a4bc34-e48b-4485-86b2-f1daf4d464dd": {"facts_loose": 0.62, "dates": 1.0, "max_false_alarms": 1},
    # written blind in the twenty-first session, scored once with 4caaf77 (facts 68, 81, 81, 66%; 0 of 4)
    "basil-472158a1-4e39-4214-8397-904e66f2b4c5": {"facts_loose": 0.64, "dates": 1.0, "max_false_alarms": 1},
    "basil-ae243a95-b2c2-410c-9e2b-b083b4b8eb48": {"facts_loose": 0.77, "dates": 0.8, "max_false_alarms": 1},
    "basil-be026bd1-52b1-4789-bfd3-3632af17b054": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    "basil-f688c56d-7fae-42ef-b7f7-7db207b58d27": {"facts_loose": 0.62, "dates": 1.0, "max_false_alarms": 1},
    # and scored once with e20e9ae (facts 60, 78, 82, 83%; 0 of 5)
    "basil-84678e18-0b79-4570-9c9f-cb1cf88d968e": {"facts_loose": 0.56, "dates": 0.6, "max_false_alarms": 1},
    "basil-005a2961-0c2e-4575-8eec-770ba52a08e0": {"facts_loose": 0.74, "dates": 0.6, "max_false_alarms": 1},
    "basil-33521e65-12da-4521-b132-7b606243b0e4": {"facts_loose": 0.79, "dates": 1.0, "max_false_alarms": 1},
    "basil-7f9c83f7-3efa-4c7a-adef-3ebdeda96042": {"facts_loose": 0.79, "dates": 1.0, "max_false_alarms": 1},
    # and scored once with e20e9ae (facts 72, 74, 77, 82%; 0 of 5)
    "basil-70c75d68-bf65-46a6-a822-15c23d77a275": {"facts_loose": 0.69, "dates": 1.0, "max_false_alarms": 1},
    "basil-96b7046f-f584-422f-a626-6f86a26dfd8b": {"facts_loose": 0.71, "dates": 1.0, "max_false_alarms": 1},
    "basil-01c59743-7082-44fc-8414-3c04126f470f": {"facts_loose": 0.69, "dates": 1.0, "max_false_alarms": 1},
    "basil-8dac6c12-b5ca-468c-a249-7e0ab42f6b52": {"facts_loose": 0.78, "dates": 1.0, "max_false_alarms": 1},
    # the last unused ECB+ topic, written blind in the twenty-first session, scored once with 2ee1358 (facts 88%; 0 of 1)
    "ecbplus-11": {"facts_loose": 0.81, "dates": 0.8, "max_false_alarms": 1},
}
for _name, _floors in GOLD_FLOORS.items():
    _gold = HERE / "gold" / f"{_name}.json"
    _inputs = [(HERE.parents[1] / p).resolve() for p in json.loads(_gold.read_text())["inputs"]]
    GATES[_name] = (_inputs, _gold, {"speakers": 0.75, "discrepancies": 0.0, "dates": 0.0, **_floors})


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> Scores:
    # NewsWCL50 texts get the URL line of the corpus's urls.tsv, as bench/score_brief.py gives them (dates resolve)
    with_urls = load_bench("score_brief").with_urls
    out: Scores = {}
    for name, (inputs, exp, _) in GATES.items():
        paths = inputs if isinstance(inputs, list) else [inputs]
        if not all(p.exists() for p in paths):
            continue
        expected = json.loads(exp.read_text())
        doc = brief_json(brief(read(with_urls(paths, expected, tmp_path_factory.mktemp(name)))))
        out[name] = (doc, score_brief(doc, expected))
    return out


def _doc(name: str, scores: Scores) -> dict[str, Any]:
    """The brief of one gate, or a skip when its inputs are absent."""
    if name not in scores:
        pytest.skip(f"{GATES[name][0]} is not present")
    return scores[name][0]


@pytest.mark.parametrize("name", sorted(GATES))
def test_quality_floor(name: str, scores: Scores) -> None:
    if name not in scores:
        pytest.skip(f"{GATES[name][0]} is not present")
    _, sc = scores[name]
    floors = GATES[name][2]
    r = sc.ratios()
    detail = sc.report() + "\n" + "\n".join(sc.missed + [f"false alarm: {a}" for a in sc.alarms])
    for key in ("facts_loose", "speakers", "discrepancies", "dates"):
        assert r[key] >= floors[key], f"{name}: {key} {r[key]:.2f} < {floors[key]}\n{detail}"
    assert sc.false_alarms <= floors["max_false_alarms"], detail


@pytest.mark.parametrize("name", sorted(GATES))
def test_every_evidence_span_is_exact(name: str, scores: Scores) -> None:
    doc = _doc(name, scores)
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    spans = [e for f in doc["facts"] for e in f["evidence"]]
    spans += [f["detail"] for f in doc["facts"] if f.get("detail")]
    spans += [e for f in doc["facts"] for e in f.get("phrases", [])]
    spans += [e for d in doc["discrepancies"] for v in d["variants"] for e in v["evidence"]]
    spans += [e for q in doc["quotes"] for e in q["evidence"]]
    spans += [e for t in doc["timeline"] for e in t.get("evidence", [])]
    assert spans
    for e in spans:
        assert texts[e["source"]][e["start"] : e["end"]] == e["text"]


def test_contract(scores: Scores) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "contract" / "brief.schema.json"
    if not schema_path.exists():
        pytest.skip("../shared/contract is not present")
    schema = json.loads(schema_path.read_text())
    for name, (doc, _) in scores.items():
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
        assert not errors, f"{name}: {errors[0].message}"


@pytest.mark.parametrize("name", sorted(GATES))
def test_disagreements_point_at_facts_holding_their_evidence(name: str, scores: Scores) -> None:
    doc = _doc(name, scores)
    facts = {f["id"]: f for f in doc["facts"]}
    for d in doc["discrepancies"]:
        assert d["facts"], d
        for fid in d["facts"]:
            assert facts[fid]["status"] == "disputed"
            spans = {(e["source"], e["start"], e["end"]) for v in d["variants"] for e in v["evidence"]}
            held = [(e["source"], e["start"], e["end"]) for e in facts[fid]["evidence"]]
            assert any(s == h[0] and a < h[2] and h[1] < b for s, a, b in spans for h in held)


@pytest.mark.parametrize("name", sorted(GATES))
def test_no_sentence_stands_for_two_headline_facts(name: str, scores: Scores) -> None:
    doc = _doc(name, scores)
    texts = {f["id"]: f["text"] for f in doc["facts"]}
    shown = [texts[fid] for fid in doc["story"]["headline_facts"]]
    assert len(shown) == len(set(shown)), shown


# pairs of evidence spans a reader judged to report one fact or two different things (tests/quality/gold_pairs): the
# share of pairs a brief holds in one fact that are of one fact (precision), and the share of pairs of one fact it
# still holds together. Floors are today's figures minus a little; the gold facts above cannot see a wrong member.
PAIR_FLOORS = {
    "basil-0d10341a-9dba-4374-a524-814c300d1611": (0.18, 0.9),
    "basil-1f99798f-2b60-4ecb-b5f4-4aa7991e8ace": (0.43, 0.9),
    "basil-2058ec60-5372-4f5f-83a3-da780be3a350": (0.31, 0.85),
    "basil-542cd22c-ea80-4669-995b-6ac6a33823f7": (0.68, 0.9),
    "basil-72fa9b13-4e59-4716-8df9-4c3580e7dddf": (0.59, 0.9),
    "ecbplus-12": (0.83, 0.9),
    # kept 0.9 until the thirty-second session: a lede the parser had cut before its weekday is now one sentence,
    # and the story's main fact is held as two
    # (10 of 93 pairs of one fact apart, 0.89); its gold facts score as before
    "ecbplus-21": (0.8, 0.87),
    "ecbplus-36": (0.34, 0.9),
    "newswcl50-event_0": (0.46, 0.9),
    "newswcl50-event_2": (0.42, 0.8),
    # labelled late in the twenty-third session, after its changes (a held-out check of its headline ranking)
    "basil-2b95d2cf-e979-4f9c-ae27-9a5370934f23": (0.38, 0.9),
    "basil-85475456-f38e-4c30-895d-ca2c819c6af1": (0.43, 0.9),
    "basil-96b7046f-f584-422f-a626-6f86a26dfd8b": (0.7, 0.9),
    "basil-c5534b7e-a373-4962-8345-3847bc41a636": (0.3, 0.9),
    "basil-d16050b3-979f-4834-90db-b8823691b87e": (0.42, 0.9),
    "ecbplus-8": (0.51, 0.9),
    "ecbplus-22": (0.5, 0.9),
    "ecbplus-41": (0.44, 0.9),
    "newswcl50-event_5": (0.49, 0.9),
}


@pytest.mark.parametrize("name", sorted(PAIR_FLOORS))
def test_pairs_held_in_one_fact_report_one_fact(name: str, scores: Scores) -> None:
    doc = _doc(name, scores)
    labelled = json.loads((HERE / "gold_pairs" / f"{name}.json").read_text())["pairs"]
    sc = score_pairs(doc, labelled)
    assert sc.unmatched <= 0.2 * sc.labelled, f"{name}: the reading cuts other spans now; label its pairs again\n{sc.report()}"
    precision, kept = PAIR_FLOORS[name]
    assert sc.precision() >= precision, f"{name}: {sc.report()}\n" + "\n".join(sc.wrong)
    same = sc.together_same + sc.apart_same
    assert sc.together_same >= kept * same, f"{name}: pairs of one fact split apart: {sc.report()}"


HEADLINES_ALL_RIGHT = 78  # of the 152 headline facts of the labelled stories (85 today): none holds a wrong pair


def test_headline_facts_rarely_hold_a_sentence_about_something_else(scores: Scores) -> None:
    clean = judged = 0
    for name in PAIR_FLOORS:
        doc = _doc(name, scores)
        labels = {
            frozenset((tuple(p["a"]), tuple(p["b"]))): p["same"]
            for p in json.loads((HERE / "gold_pairs" / f"{name}.json").read_text())["pairs"]
        }
        facts = {f["id"]: f for f in doc["facts"]}
        for fid in doc["story"]["headline_facts"]:
            spans = [(e["source"], e["start"], e["end"]) for e in facts[fid]["evidence"]]
            said = [labels[k] for i, a in enumerate(spans) for b in spans[i + 1 :] if (k := frozenset((a, b))) in labels]
            judged += 1
            clean += bool(said) and all(said)
    assert clean >= HEADLINES_ALL_RIGHT, f"{clean} of {judged} headline facts hold only pairs judged one fact"
