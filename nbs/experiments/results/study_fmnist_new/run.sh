#!/usr/bin/env bash
# The fifteen baselines added for the papers' tables (VID, FSP, NST, AB, FT, OFD, MGD, HKD, RKD, PKT, CC, CRD, holistic
# KD, ReviewKD, Rocket launching) on the offline study's protocol (Fashion-MNIST, not a paper reproduction): the ResNet-8
# student on 600 images per class for 15 epochs at peak lr 0.2, the 2-epoch fashion_mnist/resnet20 teacher (89.53%),
# seeds 0, 1, 2, in the default (fast) loop, two runs at a time with one CPU thread each. The labels-only and KD runs
# are the fast-path check's (nbs/experiments/results/fast_path/run.sh, same protocol), taken with --reuse, so run that
# first. Stages scaled from the papers' 240 epochs to 15: the init stages of FSP/AB/FT 2 epochs (30/240 of the run),
# ReviewKD's warm-up 1.25 epochs (20/240). Rocket's booster is the teacher's architecture (resnet20).
# Resumable; about 35 minutes on 2 CPU cores. Usage, from the repository root:
#   bash nbs/experiments/results/study_fmnist_new/run.sh [extra kd_nb_study args]
set -uo pipefail
cd "$(dirname "$0")/../../../.."
HERE=nbs/experiments/results/study_fmnist_new; OUT=${OUT:-runs/study_fmnist_new}; KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
T0=$(date +%s)
$KD/kd_nb_study --out "$OUT" --seeds 0,1,2 --jobs 2 --teacher fashion_mnist/resnet20 --student resnet8 \
  --recipe fmnist_reduced --epochs 15 --lr 0.2 --subset 600 --reuse "${REUSE:-runs/fast_path/default}" \
  --method none --method kd --method vid --method fsp:init_epochs=2 --method nst --method ab:init_epochs=2 \
  --method ft:init_epochs=2 --method ofd --method mgd --method hkd --method rkd --method pkt --method cc --method crd \
  --method holistic --method reviewkd:warmup=1.25 --method rocket "$@"
RC=$?
mkdir -p $HERE; cp "$OUT"/{study.csv,summary.csv,histories.csv,study.png} $HERE/ 2>/dev/null
echo "grid: exit $RC after $(( $(date +%s) - T0 )) s"
exit $RC
