"""Start the rubric corpus from the 216 worked rubric examples (run once; kept to show how).

    .venv/bin/python scripts/corpus_from_examples.py PATH/TO/labelled-examples.jsonl

Text and sources are copied exactly; reader1/reader2 as given; ``labels`` are the fields the
readers agree on, else reader1's (with "settled: reader1" in ``note``). Splits are then set by
website with scripts/corpus_split.py's rule.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from goldenthread.evaluation.corpus import CORPUS_PATH, RUBRIC_FIELDS, splits_assign, website

# The kind of site and its country, by website (read off each site; "US" for American IEP banks).
SITE_FACTS: dict[str, tuple[str, str]] = {
    "asdchild.blogspot.com": ("parent blog", "US"),
    "aubis.co.uk": ("service provider", "England"),
    "bcuhb.nhs.wales": ("therapy service", "Wales"),
    "beaconschoolsupport.co.uk": ("school support service", "England"),
    "beyondthemasquerade.com": ("parent guide", "England"),
    "classroom.synonym.com": ("IEP goal bank", "US"),
    "community.tes.com": ("teacher forum", "England"),
    "directory.islington.gov.uk": ("local authority", "England"),
    "docest.com": ("document share", "England"),
    "doncaster.gov.uk": ("local authority", "England"),
    "dps-family-hubs.pages.dev": ("family hub", "England"),
    "evidencebank.org.uk": ("outcome bank", "England"),
    "familyinfo.buckinghamshire.gov.uk": ("local authority", "England"),
    "idoinautismland.com": ("parent blog", "US"),
    "lab.senscribe.ie": ("outcome bank", "Ireland"),
    "lighthouse-therapy.com": ("therapy service", "US"),
    "localoffer.bradford.gov.uk": ("local authority", "England"),
    "meritdocs.com": ("document share", "England"),
    "mycarespace.com.au": ("NDIS guide", "Australia"),
    "norfolk.gov.uk": ("local authority", "England"),
    "norfolksendiass.org.uk": ("SENDIASS", "England"),
    "notnigellanotjamie.blogspot.com": ("parent blog", "England"),
    "ocali.org": ("IEP goal bank", "US"),
    "omnia-inclusion.com": ("school support service", "England"),
    "paperzz.com": ("document share", "England"),
    "pmc.ncbi.nlm.nih.gov": ("research paper", "US"),
    "premmeditations.wordpress.com": ("parent blog", "England"),
    "raisingchildren.net.au": ("parent guide", "Australia"),
    "ruils.co.uk": ("parent charity", "England"),
    "schoolofdiversity.com": ("school support service", "England"),
    "schools-education.knoji.com": ("IEP goal bank", "US"),
    "schoolsweb.buckinghamshire.gov.uk": ("local authority", "England"),
    "send.essex.gov.uk": ("local authority", "England"),
    "senkind.com": ("parent guide", "England"),
    "slideplayer.com": ("document share", "England"),
    "sllboces.org": ("IEP goal bank", "US"),
    "specialedstartguide.com": ("IEP goal bank", "US"),
    "spektrabot.co.uk": ("outcome bank", "England"),
    "supportsendkids.org": ("parent guide", "England"),
    "suttoninformationhub.org.uk": ("local authority", "England"),
    "virtualschool.sthelens.gov.uk": ("local authority", "England"),
    "anniecasestudy.com": ("parent guide", "England"),
    "asd-forum.org.uk": ("parent forum", "England"),
    "beaakon.com": ("outcome bank", "England"),
    "childrenstherapysolutions.co.uk": ("therapy service", "England"),
    "corc.uk.net": ("outcome bank", "England"),
    "devon.gov.uk": ("local authority", "England"),
    "empoweringsendfamilies.co.uk": ("parent guide", "England"),
    "journeyskills.com": ("IEP goal bank", "US"),
    "kent.gov.uk": ("local authority", "England"),
    "livewellsouthend.com": ("local authority", "England"),
    "mumsnet.com": ("parent forum", "England"),
    "pressreader.com": ("newspaper", "England"),
    "sendparentshaven.org": ("parent guide", "England"),
    "simplyspecialed.com": ("IEP goal bank", "US"),
    "ssc.education.ed.ac.uk": ("university resource", "Scotland"),
    "swindon.gov.uk": ("local authority", "England"),
    "taylorfrancis.com": ("book", "England"),
    "yourspacewestsussex.me": ("local authority", "England"),
}


def settle(reader1: dict[str, object], reader2: dict[str, object]) -> dict[str, object]:
    """Agreed fields as given; a disagreement takes reader1's value and says so in ``note``."""
    labels: dict[str, object] = {}
    differ = []
    for field in RUBRIC_FIELDS:
        labels[field] = reader1.get(field)
        if reader1.get(field) != reader2.get(field):
            differ.append(field)
    if differ:
        labels["note"] = f"settled: reader1 ({', '.join(differ)})"
    return labels


def main() -> int:
    examples = [
        json.loads(line)
        for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assigned = splits_assign([str(e["source"]) for e in examples])
    with CORPUS_PATH.open("w", encoding="utf-8") as out:
        for example in examples:
            site = website(example["source"])
            kind, country = SITE_FACTS.get(site, ("other", "unknown"))
            record = {
                "id": example["id"],
                "text": example["text"],
                "source": example["source"],
                "source_title": example.get("source_label", ""),
                "source_kind": kind,
                "country": country,
                "split": assigned[site],
                "reader1": example["reader1"],
                "reader2": example["reader2"],
                "labels": settle(example["reader1"], example["reader2"]),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(examples)} statements to {CORPUS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
