#!/usr/bin/env python3
"""PAN text-alignment measures, brute force: an independent cross-check of
src/eval/pan-measures.ts (Python 3 standard library only).

Usage: python3 tools/pan_measures.py CORPUS_DIR DETECTIONS_DIR

CORPUS_DIR is a PAN corpus folder (`pairs`, `susp/`, `src/`, one folder per category
holding `<susp-stem>-<src-stem>.xml` ground truth). DETECTIONS_DIR holds detection files
named the same way (`feature name="detected-plagiarism"`); a pair without a file has no
detections. Prints JSON: {"overall": M, "categories": [{"category", "pairs", "measures": M}]}
with M = {precision, recall, granularity, plagdet, pairPrecision, pairRecall, cases,
detections}.

Every character is a member of a Python set (suspicious and source documents kept
apart), so the figures follow the definitions literally:
- r detects s iff they share a suspicious character and a source character;
- recall = mean over cases of |s & union(detecting r)| / |s|;
- precision = mean over detections of |r & union(detected s)| / |r|;
- no cases and no detections: precision = recall = 1; exactly one side empty: both 0
  (as in PAN's perfmeasures.py);
- granularity = mean number of detecting detections over detected cases, else 1;
- plagdet = F1 / log2(1 + granularity);
- pair level: TP/(TP+FP) and TP/(TP+FN), 0/0 is 1 when the other side is empty too, else 0;
- identical annotations within a pair count once (perfmeasures.py reads sets).
Exit status 2 on bad input, with a one-line message on stderr.
"""
import json
import math
import os
import sys
import xml.etree.ElementTree as ET


class BadInput(Exception):
    pass


def stem(name):
    return name[:-4] if name.endswith(".txt") else name


def read_annotations(path, feature_name, susp, src):
    """Set of (this_off, this_len, src_off, src_len) tuples of one XML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise BadInput("%s: malformed XML: %s" % (path, e))
    if root.tag != "document" or root.get("reference") != susp:
        raise BadInput("%s: root is not <document reference=%r>" % (path, susp))
    found = set()
    for feature in root:
        if feature.tag != "feature":
            raise BadInput("%s: unexpected element <%s>" % (path, feature.tag))
        if feature.get("name") != feature_name:
            continue
        ref = feature.get("source_reference")
        if ref is not None and ref != src:
            raise BadInput("%s: source_reference %r is not %r" % (path, ref, src))
        values = []
        for key in ("this_offset", "this_length", "source_offset", "source_length"):
            text = feature.get(key)
            if text is None or not text.isdigit():
                raise BadInput("%s: bad or missing %s" % (path, key))
            values.append(int(text))
        if values[1] < 1 or values[3] < 1:
            raise BadInput("%s: empty range" % path)
        found.add(tuple(values))
    return found


def char_sets(annotation):
    this_off, this_len, src_off, src_len = annotation
    return set(range(this_off, this_off + this_len)), set(range(src_off, src_off + src_len))


def covered_share(target, others):
    """(share of target's characters covered by the others overlapping it in both
    documents, number of such others)."""
    t_this, t_src = char_sets(target)
    hit_this, hit_src, count = set(), set(), 0
    for other in others:
        o_this, o_src = char_sets(other)
        if t_this & o_this and t_src & o_src:
            count += 1
            hit_this |= t_this & o_this
            hit_src |= t_src & o_src
    return (len(hit_this) + len(hit_src)) / (len(t_this) + len(t_src)), count


def ratio_or_convention(numerator_items, other_count):
    if len(numerator_items) == 0:
        return 1 if other_count == 0 else 0
    return math.fsum(numerator_items) / len(numerator_items)


def measures(pairs):
    recalls, precisions, per_detected_case = [], [], []
    n_cases = n_dets = 0
    tp = fp = fn = 0
    for pair in pairs:
        cases, dets = pair["cases"], pair["detections"]
        n_cases += len(cases)
        n_dets += len(dets)
        for case in cases:
            share, count = covered_share(case, dets)
            recalls.append(share)
            if count:
                per_detected_case.append(count)
        for det in dets:
            precisions.append(covered_share(det, cases)[0])
        if cases and dets:
            tp += 1
        elif dets:
            fp += 1
        elif cases:
            fn += 1
    if n_cases == 0 or n_dets == 0:
        both_empty = n_cases == 0 and n_dets == 0
        recall = precision = 1 if both_empty else 0
    else:
        recall = math.fsum(recalls) / n_cases
        precision = math.fsum(precisions) / n_dets
    granularity = sum(per_detected_case) / len(per_detected_case) if per_detected_case else 1
    if recall + precision > 0:
        plagdet = (2 * recall * precision / (recall + precision)) / math.log(1 + granularity, 2)
    else:
        plagdet = 0
    pair_precision = ratio_or_convention([1] * tp + [0] * fp, tp + fn)
    pair_recall = ratio_or_convention([1] * tp + [0] * fn, tp + fp)
    return {
        "precision": precision,
        "recall": recall,
        "granularity": granularity,
        "plagdet": plagdet,
        "pairPrecision": pair_precision,
        "pairRecall": pair_recall,
        "cases": n_cases,
        "detections": n_dets,
    }


def read_pairs(corpus, detections_dir):
    with open(os.path.join(corpus, "pairs"), encoding="utf-8") as f:
        lines = [line.split() for line in f.read().splitlines() if line.strip()]
    susp_files = set(os.listdir(os.path.join(corpus, "susp")))
    src_files = set(os.listdir(os.path.join(corpus, "src")))
    category_of = {}
    for entry in sorted(os.listdir(corpus)):
        folder = os.path.join(corpus, entry)
        if entry in ("susp", "src") or entry.startswith(".") or not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith(".xml"):
                if name in category_of:
                    raise BadInput("%s is in two categories" % name)
                category_of[name] = entry
    detection_files = set(n for n in os.listdir(detections_dir) if n.endswith(".xml"))
    pairs = []
    for number, fields in enumerate(lines, 1):
        if len(fields) != 2:
            raise BadInput("pairs:%d: malformed line" % number)
        susp, src = fields
        if susp not in susp_files or src not in src_files:
            raise BadInput("pairs:%d: unknown document" % number)
        xml_name = stem(susp) + "-" + stem(src) + ".xml"
        if xml_name not in category_of:
            raise BadInput("pairs:%d: no ground truth %s" % (number, xml_name))
        category = category_of[xml_name]
        cases = read_annotations(os.path.join(corpus, category, xml_name), "plagiarism", susp, src)
        dets = set()
        if xml_name in detection_files:
            detection_files.discard(xml_name)
            dets = read_annotations(os.path.join(detections_dir, xml_name), "detected-plagiarism", susp, src)
        pairs.append({"category": category, "cases": sorted(cases), "detections": sorted(dets)})
    if detection_files:
        raise BadInput("detections for pairs not in the corpus: %s" % sorted(detection_files)[0])
    return pairs


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: pan_measures.py CORPUS_DIR DETECTIONS_DIR\n")
        return 2
    try:
        pairs = read_pairs(argv[1], argv[2])
    except (BadInput, OSError) as e:
        sys.stderr.write("pan_measures.py: %s\n" % e)
        return 2
    categories = sorted(set(p["category"] for p in pairs))
    result = {
        "overall": measures(pairs),
        "categories": [
            {
                "category": c,
                "pairs": sum(1 for p in pairs if p["category"] == c),
                "measures": measures([p for p in pairs if p["category"] == c]),
            }
            for c in categories
        ],
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
